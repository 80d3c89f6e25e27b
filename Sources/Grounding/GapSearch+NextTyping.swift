import Foundation
import ScreenCore

/// A change in the field the next step types into is that typing, read late: the gap search does
/// not explain it with a click. wizard-validation retyped its Guests field ("9" → "4") 1.5 s before
/// the analysis dated the fill; the error under the field went with it and the Back and Next
/// buttons moved up, and a click on Back explained those areas best: the live wizard went back a
/// step and the rest of the run could not follow. The field's area in the video at that moment
/// already looks as it does when the next fill ends, so the change belongs to the fill, as a
/// change just before a next pointer step belongs to that step (`nextStepLead`).
extension Run {
    /// How much more like the end of the next fill than like the moment before (`videoLean`) the
    /// field's changed area must look for its change to be that fill's typing.
    static let typingLean = 0.5

    /// Whether one of the `unexplained` changed areas (CSS boxes) between frames `f0` and `f1`
    /// lies in the field step `i` fills and there already looks as that field does at the fill's
    /// end: the next step's typing, dated late by the analysis.
    /// The field must be on the live page already: a click that opens it (board's Add card shows
    /// the new card's title field) is no typing.
    func nextFillTyping(_ i: Int, areas: [(x: Double, y: Double, width: Double, height: Double)], f0: Image, f1: Image) async throws -> Bool {
        guard i < timeline.actions.count, timeline.actions[i].kind == .fill else { return false }
        let a = timeline.actions[i]
        guard let box = a.target?.box.map({ (x: $0.x, y: $0.y, width: $0.width, height: $0.height) }),
              let end = frames.nearest(a.endTime) else { return false }
        for area in areas where Self.overlaps(area, box) {
            guard let common = Self.intersection(area, box), let r = videoRect(common) else { continue }
            let lean = Self.videoLean(r, end, f0, f1)
            if lean > Self.typingLean,
               let id = try await page.identify(x: common.x + common.width / 2, y: common.y + common.height / 2), id.isTextField {
                debug("live: gap before step \(i + 1): the change at \(Int(area.x)),\(Int(area.y)) is in the field the step types into and looks as at its end (\(Self.f2(lean))): that typing, no click")
                return true
            }
        }
        return false
    }

    /// The common part of two boxes; nil when they do not overlap.
    static func intersection(_ a: (x: Double, y: Double, width: Double, height: Double),
                             _ b: (x: Double, y: Double, width: Double, height: Double)) -> (x: Double, y: Double, width: Double, height: Double)? {
        let x0 = max(a.x, b.x), y0 = max(a.y, b.y), x1 = min(a.x + a.width, b.x + b.width), y1 = min(a.y + a.height, b.y + b.height)
        guard x1 > x0, y1 > y0 else { return nil }
        return (x0, y0, x1 - x0, y1 - y0)
    }
}
