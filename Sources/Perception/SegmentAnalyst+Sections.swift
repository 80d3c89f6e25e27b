// Section headings for `SegmentAnalyst`: a control repeated once per section of a long page (a
// docs page's "Was this section helpful? Yes / No", a form's per-section "Save") is told apart by
// its section's heading, the way Playwright's codegen scopes it to the section that holds it.

import ScreenCore

extension SegmentAnalyst {
    /// The heading of the page section holding `box`, read on `image`: the nearest line above the
    /// element, in its column, that is drawn larger than the body text around it (a 24 px heading
    /// over 16 px text reads 18 px tall against 14).
    /// `floor` is the lowest edge of the nearest copy above the element: a heading above that
    /// copy heads the copy's section too, so it tells nothing apart.
    func sectionHeading(of box: PixelRect, text: String, in image: Image, floor: Int?) async throws -> String? {
        guard let lines = try await columnLines(beside: box, in: image) else { return nil }
        let heading = Self.sectionHeading(lines, element: box, text: text, floor: floor ?? layout.viewport.y)
        Debug.log("seg \(span.index) section heading of \(box) (floor \(floor.map(String.init) ?? "-")): \(heading ?? "-") among \(lines.count) lines")
        return heading
    }

    /// The text lines of the column band a section heading of `box` is looked for in: the
    /// viewport's height, from its left edge to 240 px right of the element (nil when narrower
    /// than 40 px). One full-height OCR read: the costly part of both heading rules.
    func columnLines(beside box: PixelRect, in image: Image) async throws -> [(text: String, box: PixelRect)]? {
        guard let band = columnBand(beside: box) else { return nil }
        return try await TextRegions.readLines(band, in: image, reader: reader, minConfidence: 60)
    }

    /// The band `columnLines(beside:in:)` reads (nil when narrower than 40 px).
    func columnBand(beside box: PixelRect) -> PixelRect? {
        let vp = layout.viewport
        let right = min(vp.maxX, box.maxX + 240)
        let band = PixelRect(x: vp.x, y: vp.y, width: right - vp.x, height: vp.height)
        return band.width >= 40 ? band : nil
    }

    /// Announces `columnLines(beside: box, in: image)`'s reading (`TextRegions.readLinesAhead`):
    /// a spare core may start the costliest read of a segment while the agent reads the smaller
    /// bands that decide whether it is needed. The reading is the one `columnLines` would make
    /// (same crop, same mode), so nothing read changes; a read ahead that is not taken only cost
    /// a core no agent held.
    /// Returns whether the reading is under way or done (a core was spare: `ReadAheadReporting`).
    @discardableResult
    func columnLinesAhead(beside box: PixelRect, in image: Image) -> Bool {
        guard let band = columnBand(beside: box) else { return false }
        return TextRegions.readLinesAhead(band, in: image) { reader.readAheadIfSpare(mode: .sparse, $0) }
    }

    /// A heading is a few words; a longer line is a sentence of body text.
    static let headingWords = 8

    /// The median height of `lines` (0 for none).
    static func medianHeight(_ lines: [(text: String, box: PixelRect)]) -> Int {
        let heights = lines.map(\.box.height).sorted()
        return heights.isEmpty ? 0 : heights[heights.count / 2]
    }

    /// The heading among `lines` (see `sectionHeading(of:text:in:floor:)`): a worded
    /// line at least 1.2 times as tall as the median line, starting left of the element's right
    /// edge, of at most `headingWords` words, below `floor` and above the element, the nearest
    /// such (the median taken over all lines and over those reaching the element's column — a
    /// sidebar of small links does not lower it — whichever is taller); nil when none.
    static func sectionHeading(_ lines: [(text: String, box: PixelRect)], element box: PixelRect, text: String,
                               floor: Int) -> String? {
        let above = headingLines(lines, element: box, text: text).filter { $0.box.maxY <= box.y && $0.box.y >= floor }
        guard let nearest = above.max(by: { $0.box.maxY < $1.box.maxY }) else { return nil }
        return nearest.text
    }

    /// The lines among `lines` drawn as headings beside the element (see `sectionHeading(_:element:text:floor:)`).
    static func headingLines(_ lines: [(text: String, box: PixelRect)], element box: PixelRect,
                             text: String) -> [(text: String, box: PixelRect)] {
        guard lines.count >= 3 else { return [] }
        let body = max(Self.medianHeight(lines), Self.medianHeight(lines.filter { $0.box.maxX > box.x }))
        let own = TextRegions.clean(text)
        return lines.filter { (l: (text: String, box: PixelRect)) -> Bool in
            let letters: Int = l.text.filter(\.isLetter).count
            let digits: Int = l.text.filter(\.isNumber).count
            let words: Int = l.text.split(separator: " ").count
            guard l.box.height * 10 >= body * 12, words <= headingWords, letters >= 3, letters > digits else { return false }
            return TextRegions.clean(l.text) != own && l.box.x < box.maxX
        }
    }
}
