import Foundation
import ScreenCore

/// The video's pointer resting over a typed field: a person clicks (or double-clicks) into a field
/// and types without moving the mouse, so the pointer — an I-beam over text — is drawn over the
/// letters at the end of typing. Its ink is in no rendering of any value, and the reader takes an
/// I-beam for letters ("Alilto" for "Aalto"). Its place is known: the step that put the pointer
/// there. Inside a pointer-sized box at that place the ink compare counts only the rendering's ink
/// the video lacks (`ValueCompare.mismatch`'s `pointer`).
extension Run {
    /// Where the video's pointer rests while fill `a` types (CSS pixels): the point the analysis gave
    /// the fill itself (the click that focused the field), else the point of the step performed just
    /// before it when that was a pointer step (the double click that opened an inline editor).
    func restingPointer(for a: Action) -> Point? {
        if let own = timeline.actions.first(where: { $0.kind == .fill && abs($0.time - a.time) < 0.001 })?.target?.point { return own }
        guard let last = out.last, [.click, .dblclick, .hover, .check, .select].contains(last.kind) else { return nil }
        return last.target?.point
    }

    /// The box a pointer at `p` (CSS pixels) covers in a crop `crop` of the video (video pixels),
    /// in the crop's own pixels: an arrow's tip (its body right and below) or an I-beam's middle
    /// (half a line above and below); nil when it misses the crop.
    func pointerBox(_ p: Point, in crop: PixelRect) -> PixelRect? {
        guard let vp = timeline.viewport else { return nil }
        return Self.pointerBox(x: Double(vp.x) + p.x * dpr - Double(crop.x), y: Double(vp.y) + p.y * dpr - Double(crop.y),
                               scale: dpr, width: crop.width, height: crop.height)
    }

    /// The pointer's box around the crop point (`x`, `y`) at `scale` video pixels per CSS pixel,
    /// clipped to a `width`×`height` crop; nil when it misses it.
    static func pointerBox(x: Double, y: Double, scale: Double, width: Int, height: Int) -> PixelRect? {
        let x0 = max(0, Int((x - 6 * scale).rounded(.down))), x1 = min(width, Int((x + 13 * scale).rounded(.up)))
        let y0 = max(0, Int((y - 11 * scale).rounded(.down))), y1 = min(height, Int((y + 20 * scale).rounded(.up)))
        guard x1 > x0, y1 > y0 else { return nil }
        return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
