// A per-section control whose copies are all scrolled out of view (a docs page's "Yes / No"
// under each section, only one section on screen): it is told apart by its section's heading
// only when the screen shows it inside one section of a run — a heading above it and a heading
// of the same look below it. A lone heading over a unique button (a results page's title over
// its one "Add to cart", a form's option line over "Register") is no sign that the button repeats.

import ScreenCore

extension SegmentAnalyst {
    /// The heading of the section holding `box` when no copy of the element is in view, read on
    /// `image` (see `boundedSectionHeading(_:element:text:)`).
    func boundedSectionHeading(of box: PixelRect, text: String, in image: Image) async throws -> String? {
        guard let lines = try await columnLines(beside: box, in: image) else { return nil }
        let heading = Self.boundedSectionHeading(lines, element: box, text: text)
        Debug.log("seg \(span.index) bounded section heading of \(box): \(heading ?? "-") among \(lines.count) lines")
        return heading
    }

    /// How far apart two headings of one run may start (px) and differ in height (per cent).
    static let runAlign = 8, runHeightSlack = 15

    /// The nearest heading above the element (as `sectionHeading` finds it) when a heading of the
    /// same look — starting at the same x, its letters as tall within `runHeightSlack` per cent
    /// (`letterHeight`) — lies below
    /// the element: the element sits inside one section of a run of sections. Nil otherwise.
    static func boundedSectionHeading(_ lines: [(text: String, box: PixelRect)], element box: PixelRect,
                                      text: String) -> String? {
        let headings = headingLines(lines, element: box, text: text)
        guard let above = headings.filter({ $0.box.maxY <= box.y }).max(by: { $0.box.maxY < $1.box.maxY }) else { return nil }
        let size = letterHeight(above)
        let below = headings.contains { l in
            l.box.y >= box.maxY && abs(l.box.x - above.box.x) <= runAlign
                && abs(letterHeight(l) - size) * 100 <= size * Double(runHeightSlack)
        }
        return below ? above.text : nil
    }

    /// A line's height without its descenders: a read line's box reaches down to its g, p, y
    /// ("Deployment" reads a quarter taller than "Middleware" in the same font).
    static func letterHeight(_ line: (text: String, box: PixelRect)) -> Double {
        let descends = line.text.contains { "gjpqy".contains($0) }
        return Double(line.box.height) * (descends ? 0.8 : 1)
    }
}
