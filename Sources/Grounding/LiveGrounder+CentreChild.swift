import Foundation

/// Whether a click keeps its recorded point rather than its locator (`keepPointIfCentreDiffers`).
/// A locator clicks the element's centre. Where the person pressed the element's own surface and
/// its centre holds a plain child of it, the two differ only for an element whose handler looks
/// at the press's own target (a dialog's backdrop closes when pressed outside the dialog, its
/// child): the centre would press the dialog. A control (a button, a link, an input, or their
/// roles) is activated by a press anywhere inside it, its content included — the icon or glyph at
/// a button's centre (contacts-add-favourite-firefox's "+" in the Add contact button, pressed on
/// its top edge) — so its centre repeats the click, and the step keeps its locator and name.
extension Run {
    /// Whether the click keeps its point: the centre acts on something else (`sameAtCentre`
    /// false), or the person pressed the surface of an element that is no control while its
    /// centre holds a child of it.
    static func pointKept(surfaceAtPoint: Bool, surfaceAtCentre: Bool, sameAtCentre: Bool, control: Bool) -> Bool {
        !sameAtCentre || surfaceAtPoint && !surfaceAtCentre && !control
    }
}
