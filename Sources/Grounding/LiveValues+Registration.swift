import Browser
import Foundation
import ScreenCore

/// The video's field crops lined up with the live field (ValueCompare+Registration.swift): before
/// a typed value is compared, the field's box and a margin are registered against the video's
/// frame at the end of typing, and every full-size field crop (the value compare, the field read
/// again, the fields of a gap) moves by the shift found.
extension Run {
    /// The margin (CSS pixels) around a field's border box that is registered with it: its outline
    /// and the page right around it.
    static let registrationMargin = 4.0

    /// How far (video pixels) either way a field is searched for: the offline viewport's origin
    /// was measured up to 7 pixels off at scale 1 (a 2560×1440 capture), 2 at scale 2.
    static func registrationReach(scale: Double) -> Int { Int((8 * scale).rounded(.up)) + 2 }

    /// A box in CSS pixels of the viewport → the full-size video frame's pixels (`frames.fields`),
    /// moved by the registered `fieldShift` (`shifted`), or where the viewport's origin alone puts it.
    func fieldVideoRect(_ area: (x: Double, y: Double, width: Double, height: Double), shifted: Bool = true) -> PixelRect? {
        guard let vp = timeline.viewport else { return nil }
        let shift = (shifted ? fieldShift : nil) ?? (dx: 0, dy: 0)
        return PixelRect(x: Int(Double(vp.x) + area.x * dpr) + shift.dx, y: Int(Double(vp.y) + area.y * dpr) + shift.dy,
                         width: Int(area.width * dpr), height: Int(area.height * dpr))
    }

    /// Registers the live field `el` (its value typed) against the video's full-size frame nearest
    /// `time` and keeps the shift in `fieldShift` when it lines the field up clearly better than
    /// the viewport's origin alone (`ValueCompare.shiftsCrops`), else no shift. Leaves
    /// `fieldShift` as it was when the field or the frame cannot be compared.
    mutating func registerField(_ el: ElementHandle, time: Double) async throws {
        guard let f = frames.fields.min(by: { abs($0.time - time) < abs($1.time - time) }),
              abs(f.time - time) <= 0.2 else { return }
        let box = try await browser.execute("""
            var r = arguments[0].getBoundingClientRect();
            return [r.left, r.top, r.width, r.height];
            """, [JSONValue(element: el)])
        guard let bx = box[0]?.double, let by = box[1]?.double, let bw = box[2]?.double, let bh = box[3]?.double,
              bw > 8, bh > 6 else { return }
        let m = Self.registrationMargin
        let area = (x: bx - m, y: by - m, width: bw + 2 * m, height: bh + 2 * m)
        let reach = Self.registrationReach(scale: dpr)
        guard let video = fieldVideoRect(area, shifted: false) else { return }
        let grown = PixelRect(x: video.x - reach, y: video.y - reach, width: video.width + 2 * reach, height: video.height + 2 * reach)
        guard video.width > 8, video.height > 6, grown.x >= 0, grown.y >= 0, grown.maxX <= f.image.width,
              grown.y + grown.height <= f.image.height else { return }
        let shot = try decodePNG(try await browser.screenshot())
        let k = Double(shot.width) / max(1, cssViewport.width)
        let live = PixelRect(x: Int(area.x * k), y: Int(area.y * k), width: Int(area.width * k), height: Int(area.height * k))
        guard live.x >= 0, live.y >= 0, live.maxX <= shot.width, live.y + live.height <= shot.height else { return }
        let liveGray = ValueCompare.resample(shot, live, video.width, video.height)
        let videoGray = ValueCompare.resample(f.image, grown, grown.width, grown.height)
        guard let s = ValueCompare.fieldShift(live: liveGray, video: videoGray, width: video.width, height: video.height, maxShift: reach) else { return }
        let moves = ValueCompare.shiftsCrops(s)
        debug("live: the field lines up with the video's at \(s.dx),\(s.dy) px (mean difference \(Self.f2(s.cost)) against \(Self.f2(s.unshifted)) unshifted)"
              + (moves ? ": its crops move by it" : ": not moved"))
        fieldShift = moves ? (s.dx, s.dy) : (0, 0)
    }
}
