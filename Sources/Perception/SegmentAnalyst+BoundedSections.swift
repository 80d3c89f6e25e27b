// A per-section control whose copies are all scrolled out of view (a docs page's "Yes / No"
// under each section, only one section on screen): it is told apart by its section's heading
// only when the screen shows it inside one section of a run — a heading above it and a heading
// of the same look below it. A lone heading over a unique button (a results page's title over
// its one "Add to cart", a form's option line over "Register") is no sign that the button repeats.

import ScreenCore

extension SegmentAnalyst {
    /// The heading of the section holding `box` when no copy of the element is in view, read on
    /// `image` (see `boundedSectionHeading(_:element:text:)`).
    /// The band is read only when both sides of the element show a mark that may be part of a
    /// line of text (`hasMarks`): the rule needs a heading above and one below, and a full-height
    /// band is the costliest OCR read of a segment (a button in a page's header or at its foot
    /// has no room for one of them).
    /// `marked`: `sidesMarked(box, in: image)` when the caller has it already.
    func boundedSectionHeading(of box: PixelRect, text: String, in image: Image, marked: Bool? = nil) async throws -> String? {
        guard marked ?? sidesMarked(box, in: image) else {
            Debug.log("seg \(span.index) bounded section heading of \(box): - (no marks above or below)")
            return nil
        }
        guard let lines = try await columnLines(beside: box, in: image) else { return nil }
        let heading = Self.boundedSectionHeading(lines, element: box, text: text)
        Debug.log("seg \(span.index) bounded section heading of \(box): \(heading ?? "-") among \(lines.count) lines")
        return heading
    }

    /// Whether both sides of `box` — the band's columns above and below it, up to `markSlack`
    /// right of it — show a mark (`hasMarks`): only then is its column band read.
    func sidesMarked(_ box: PixelRect, in image: Image) -> Bool {
        let vp = layout.viewport
        let right = min(vp.maxX, box.maxX + Self.markSlack)
        let above = PixelRect(x: vp.x, y: vp.y, width: right - vp.x, height: box.y - vp.y)
        let below = PixelRect(x: vp.x, y: box.maxY, width: right - vp.x, height: vp.maxY - box.maxY)
        return Self.hasMarks(in: image, region: above) && Self.hasMarks(in: image, region: below)
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

    // Whether a part of the screen can hold a line of text at all, without reading it.

    /// How far right of the element (px) a heading of its column may start and still count
    /// (a heading starts left of the element's right edge; the one below within `runAlign` of it).
    static let markSlack = 16

    /// Pixels differing from the region's background by more than this are marks. Lower than
    /// `InkAnalysis.inkContrast`: a faint line of text must still count.
    static let markContrast = 32

    /// Whether `region` of `image` shows any mark that may belong to text: a connected patch of
    /// pixels (8-connected) unlike the region's background (its border's most common luma), other
    /// than a thin line (at most 3 px thick and 30 px long or more: a rule or a border) or an
    /// outline (60 px or more across with under a fifth of its box filled: a field's or a box's
    /// frame, cut or whole). Anything else — a letter, a word whose letters touch, an icon, a
    /// panel or a picture — counts, so that a region is passed over only when it is blank but
    /// for frames and rules: there OCR finds no line, let alone a heading.
    static func hasMarks(in image: Image, region: PixelRect) -> Bool {
        let r = region.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard r.width > 0, r.height > 0 else { return false }
        let crop = image.cropped(to: r).grayscale()
        let w = crop.width, h = crop.height
        let bg = Int(TextRegions.backgroundLuma(crop))
        var mark = [Bool](repeating: false, count: w * h)
        var any = false
        crop.pixels.withUnsafeBufferPointer { px in
            for i in 0..<(w * h) where abs(Int(px[i]) - bg) > markContrast { mark[i] = true; any = true }
        }
        guard any else { return false }
        var stack: [Int] = []
        for start in 0..<(w * h) where mark[start] {
            // One patch: flood it, clearing its pixels, and keep its box and size.
            mark[start] = false
            stack.append(start)
            var minX = w, maxX = -1, minY = h, maxY = -1, count = 0
            while let i = stack.popLast() {
                let x = i % w, y = i / w
                count += 1
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                for dy in -1...1 {
                    let ny = y + dy
                    guard ny >= 0, ny < h else { continue }
                    for dx in -1...1 {
                        let nx = x + dx
                        guard nx >= 0, nx < w else { continue }
                        let j = ny * w + nx
                        if mark[j] { mark[j] = false; stack.append(j) }
                    }
                }
            }
            let bw = maxX - minX + 1, bh = maxY - minY + 1
            if isTextMark(width: bw, height: bh, pixels: count) { return true }
        }
        return false
    }

    /// Whether a patch of `pixels` marked pixels in a `width`×`height` box may belong to text
    /// (see `hasMarks(in:region:)`): not a speck, a thin line or an outline.
    static func isTextMark(width: Int, height: Int, pixels: Int) -> Bool {
        guard pixels >= 3 else { return false }
        if min(width, height) <= 3 && max(width, height) >= 30 { return false }
        if max(width, height) >= 60 && pixels * 5 < width * height { return false }
        return true
    }
}
