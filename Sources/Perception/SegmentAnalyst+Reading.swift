// Reading text for `SegmentAnalyst`: an element's text under the pointer (from clear views in the
// recent frame history and from copies of it on screen), a field's label and placeholder, the
// context that tells a repeated element apart from its copies (the heading of its card or row),
// and the pixel measures these rest on (median ink, plain-background fraction).

import Foundation
import ScreenCore

extension SegmentAnalyst {
    /// The last frame before `time` in which the pointer lay clear of `box` (and the screen
    /// there looked the same, text-wise, as in `reference`); nil when there is none.
    private func unobscured(_ box: PixelRect, before time: Double, like reference: Image) -> Image? {
        Debug.log("seg \(span.index) clear view of \(box) before \(time)? history \(history.map { "\(String(format: "%.2f", $0.time)) \($0.pointer.map { "\($0)" } ?? "-")" }.suffix(8))")
        for h in history.reversed() where h.time < time {
            guard let p = h.pointer, tracker.seen else { continue }
            if p.expanded(4, 4).intersection(box).area > 0 { continue }
            // The same element in the same place: its ink layout matches (a hover may recolour it).
            let a = InkAnalysis.textBand(in: h.image, region: box.insetBy(2))
            let b = InkAnalysis.textBand(in: reference, region: box.insetBy(2))
            // (A hover may also darken the element's border: then the band with the pointer holds
            // the clear one, a little wider on either side.)
            guard let a, let b, (abs(a.x - b.x) <= 6 && (abs(a.width - b.width) <= 12 || b.width > a.width))
                    || (b.x <= a.x + 2 && b.maxX >= a.maxX - 2 && b.width <= a.width + 24) else {
                Debug.log("seg \(span.index) no clear view of \(box) at \(String(format: "%.2f", h.time)): the text there differs (\(a.map { "\($0)" } ?? "-") vs \(b.map { "\($0)" } ?? "-"))")
                return nil
            }
            return h.image
        }
        return nil
    }

    /// The icon glyph an icon-sized element shows (`GlyphReader`), read where the pointer does
    /// not cover it: in `image`, else the last clear view before `time`, else a copy of the
    /// element elsewhere on screen (the same button on another card or row).
    func iconGlyph(_ box: PixelRect, in image: Image, before time: Double, pointer: PixelRect?, squares: Bool = false) -> String? {
        // Icon buttons are at most about 48 px a side at scale 1 (twice that on a HiDPI screen)
        // and not much wider than high; a glyph drawn as bare text hugs its ink.
        guard box.width <= 100, box.height <= 100, box.width <= box.height * 2 + 12, box.height <= box.width * 2 + 12 else { return nil }
        let area = box.expanded(4, 4)
        // Where `box` is a button's own outline (`squares`), its face is read too: around it, a
        // white button on a dark code block (or a faint glyph on a grey one) sets the background
        // and threshold so that the glyph's grey strokes are no ink; on the face they are.
        let face = squares && box.width >= 18 && box.height >= 18 ? box.insetBy(3) : nil
        func read(_ view: Image, avoid: PixelRect?) -> String? {
            GlyphReader.glyph(in: view, box: area, avoid: avoid, squares: squares)
                ?? face.flatMap { GlyphReader.glyph(in: view, box: $0, avoid: avoid, squares: squares) }
        }
        if let g = read(image, avoid: pointer) { return g }
        guard let p = pointer, p.expanded(2, 2).intersection(box).area > 0 else { return nil }
        if let clear = unobscured(box, before: time, like: image), let g = read(clear, avoid: nil) { return g }
        for copy in copySearches.find(box, in: image, within: layout.viewport, ignoring: p, split: tools.split).prefix(3) {
            if let g = GlyphReader.glyph(in: image, box: copy.expanded(4, 4), avoid: p, squares: squares) { return g }
        }
        return nil
    }

    /// Reads an element's text. With the pointer over it, other views compete with `image`: the
    /// last frame before the pointer covered it, and copies of it elsewhere on screen (a grid of
    /// the same button) that read much like it; the most confident reading wins. A `framed`
    /// element (a button read inside its border) that reads as nothing is read again with the ink
    /// touching the edge of `box` erased (`TextRegions.readFramelessLineScored`).
    func readElementText(_ box: PixelRect, in image: Image, before time: Double, pointer: PixelRect?,
                         framed: Bool = false) async throws -> String? {
        func read(_ r: PixelRect, _ img: Image) async throws -> (text: String, confidence: Double)? {
            if let t = try await TextRegions.readLineScored(r, in: img, reader: reader) { return t }
            guard framed, let t = try await TextRegions.readFramelessLineScored(r, in: img, reader: reader) else { return nil }
            Debug.log("seg \(span.index) \(r) read with its frame erased: \(t.text) (\(Int(t.confidence)))")
            return t
        }
        let seen = try await read(box, image)
        guard let p = pointer, p.expanded(2, 2).intersection(box).area > 0 else { return seen?.text }
        var best = seen
        if let clear = unobscured(box, before: time, like: image),
           let r = try await read(box, clear) {
            Debug.log("seg \(span.index) clear view of \(box) reads \(r.text) (\(Int(r.confidence))) vs \(seen.map { "\($0.text) (\(Int($0.confidence)))" } ?? "-")")
            if r.confidence > (best?.confidence ?? 0) { best = r }
        }
        if let anchor = best {
            for copy in copySearches.find(box, in: image, within: layout.viewport, ignoring: p, split: tools.split).prefix(3) {
                if let r = try await read(copy, image),
                   r.confidence > (best?.confidence ?? 0), TextSimilarity.ratio(r.text, anchor.text) >= 0.6 {
                    Debug.log("seg \(span.index) reading \(box) from its copy at \(copy): \(r.text) (\(Int(r.confidence)))")
                    best = r
                }
            }
        }
        return best?.text
    }

    /// How far left of a field its label may end (px at scale 1): a form's label column.
    static let labelReach = 48
    /// How far left a field that shows no placeholder may find its label: a settings form puts
    /// its label column 60–120 px from the fields. Only for a field that is otherwise nameless — a
    /// field with a placeholder is found by it, and a far text beside one is as likely a nav link
    /// left of a search field as a label.
    static let farLabelReach = 120

    /// The label of a field: the text just above it, else just left of it (ending at most
    /// `reach` px from it).
    func labelFor(field f: PixelRect, in image: Image, reach: Int = SegmentAnalyst.labelReach) async throws -> String? {
        var above = PixelRect(x: f.x - 2, y: f.y - 30, width: min(f.width, 420), height: 28).intersection(layout.viewport)
        // (A thin edge along the search area's top — the bottom border of the field above, dark
        // when it has focus — is no part of the label under it: search below it.)
        if let below = InkAnalysis.belowTopEdge(in: image, region: above) { above = below }
        // (Ink cut off by the top of the search area is the bottom of something bigger — a heading — not a label.)
        if let band = InkAnalysis.textBand(in: image, region: above), band.height >= 8, band.y > above.y,
           let t = try await TextRegions.readLineScored(InkAnalysis.leadingRun(of: band, in: image), in: image, reader: reader),
           Self.plausibleLabel(t.text, confidence: t.confidence) {
            return t.text
        }
        let left = PixelRect(x: f.x - 240, y: f.y, width: 236, height: f.height).intersection(layout.viewport)
        if let band = InkAnalysis.textBand(in: image, region: left), band.height >= 8, band.maxX >= f.x - reach,
           let t = try await TextRegions.readLineScored(band, in: image, reader: reader), Self.plausibleLabel(t.text, confidence: t.confidence) {
            return t.text
        }
        return nil
    }

    /// Whether a reading beside a field can be its label: a word of three letters or more, or a
    /// short one read surely ("ID", "To"). An icon or a logo fragment read as "ee" is none — the
    /// field is then known by its placeholder.
    static func plausibleLabel(_ text: String, confidence: Double) -> Bool {
        let longest = text.split(whereSeparator: { !$0.isLetter }).map(\.count).max() ?? 0
        return longest >= 3 || (longest >= 2 && confidence >= 85 && text.first?.isUppercase == true)
    }

    /// The share of `region`'s pixels within a few levels of its median: 1 for plain background.
    static func plainFraction(_ image: Image, region: PixelRect) -> Double {
        let r = region.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard r.area > 0 else { return 1 }
        var histogram = [Int](repeating: 0, count: 256)
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { histogram[Int(image.luma(x: x, y: y))] += 1 } }
        var seen = 0, median = 0
        for (v, n) in histogram.enumerated() { seen += n; if seen * 2 >= r.area { median = v; break } }
        let near = histogram[max(0, median - 6)...min(255, median + 6)].reduce(0, +)
        return Double(near) / Double(r.area)
    }

    /// The median luma of the ink (pixels darker than 235) in `crop`; nil when there is hardly any.
    static func medianInk(_ crop: Image) -> Int? {
        var inks: [Int] = []
        for y in 0..<crop.height { for x in 0..<crop.width { let v = Int(crop.luma(x: x, y: y)); if v < 235 { inks.append(v) } } }
        guard inks.count >= 20 else { return nil }
        inks.sort()
        return inks[inks.count / 2]
    }

    /// The grey hint text of an empty field, read before anything was typed.
    func placeholderIn(field f: PixelRect, frame: Image) async throws -> String? {
        let inner = f.insetBy(3)
        guard let band = InkAnalysis.textBand(in: frame, region: inner) else { return nil }
        let crop = InkAnalysis.eraseCarets(frame.cropped(to: band))
        // Placeholders are light: most of their ink is far from black.
        guard let median = Self.medianInk(crop) else { return nil }
        Debug.log("placeholder band \(band) median ink \(median)")
        guard median > 120 else { return nil }
        return try await TextRegions.readLine(PixelRect(x: 0, y: 0, width: crop.width, height: crop.height), in: crop, reader: reader)
    }

    /// When the element's look repeats on screen (a grid of "Add to cart", a "Delete" per row),
    /// the nearest text that tells this one apart: the row's first cell, or the card's heading.
    /// With `sections` (a button), a page of sections gives its section's heading when the row's
    /// words repeat beside each copy (see `sectionHeading`), or when no copy is in view but the
    /// button lies between two same-look headings (see `boundedSectionHeading`).
    /// With `deferBand`, a section heading read off a band a spare core is reading already is left
    /// to that core: the context returned then stands for the heading until the segment ends
    /// (`deferredContext`), and the analyst goes on meanwhile.
    func contextFor(element box: PixelRect, text: String, in image: Image, before time: Double, pointer: PixelRect?,
                    sections: Bool = false, deferBand: Bool = false) async throws -> String? {
        // (The box's inside: its corners show what is behind the element, which differs from copy to copy.)
        // Copies by look, confirmed by their text (a look alone matches any row of small text).
        var matches: [PixelRect] = []
        // A glyph (×, +) is compared with the patch around it; its copies are too small to read back.
        // (So is an icon button's glyph read from its shape: the button around it is bigger.)
        let glyph = (box.width < 24 && box.height < 24) || GlyphReader.glyphs.contains(text)
        let probe = glyph ? PixelRect(x: box.center.x - 14, y: box.center.y - 12, width: 28, height: 24) : box.insetBy(2)
        // A button's section heading, with no copy in view (`boundedSectionHeading`) or beside
        // copies in a column (`sectionHeading`), is read off its column band: the costliest read
        // of a segment, and the last of this search. It is announced first, when both sides of
        // the button show marks (without them no heading is read in the no-copy case), so that a
        // spare core reads it while the agent searches and reads the copies, the column and the
        // row; the reading is the one the band's read takes, whether or not it is needed.
        var marked: Bool?
        var bandAhead = false
        if sections, !glyph {
            marked = sidesMarked(box, in: image)
            if marked == true { bandAhead = columnLinesAhead(beside: box, in: image) }
        }
        // (Only a band a spare core reads already is left to it: without one the reading is the agent's.
        // Where the rule is about to read the band, it is offered once more — a core may have come
        // free since, e.g. the read ahead that held it then is done: `bandDeferrable`.)
        // The element as it looks hovered (under the pointer) matches no copy: its look from the
        // last frame the pointer left it alone is searched too.
        var views = [image]
        if let p = pointer, p.expanded(2, 2).intersection(box).area > 0, let clear = unobscured(box, before: time, like: image) { views.append(clear) }
        for (i, view) in views.enumerated() where matches.isEmpty {
            for m in copySearches.find(probe, in: view, within: layout.viewport, ignoring: i == 0 ? pointer : nil, split: tools.split).prefix(6) {
                if glyph { matches.append(m); continue }
                if let t = try await TextRegions.readLine(m, in: view, reader: reader), TextSimilarity.ratio(t, text) >= 0.8 { matches.append(m) }
                if matches.count >= 2 { break }
            }
        }
        // Copies the look search misses (small text a few pixels off its grid, a hovered link):
        // the same words read in the element's column or row.
        if matches.isEmpty, !glyph {
            let vp = layout.viewport
            let column = PixelRect(x: box.x - 24, y: vp.y, width: box.width + 48, height: vp.height).intersection(vp)
            let row = PixelRect(x: vp.x, y: box.y - 4, width: vp.width, height: box.height + 8).intersection(vp)
            // (The row's reading follows when the column's finds nothing: announced, so that an
            // idle core can start it meanwhile.)
            TextRegions.readLinesAhead(row, in: image, reader: reader)
            for band in [column, row] where matches.isEmpty {
                let lines = try await TextRegions.readLines(band, in: image, reader: reader, minConfidence: 60)
                matches = lines.filter { $0.box.intersection(box.expanded(6, 6)).area == 0 && TextSimilarity.ratio($0.text, text) >= 0.8 }.map(\.box)
            }
        }
        Debug.log("seg \(span.index) copies of \(box): \(matches)")
        // With no copy in view, a button between two same-look section headings may still repeat
        // per section, its copies out of view: its section's heading (`boundedSectionHeading`).
        // (Any heading above was too loose a sign: it gave the old corpus's unique "Add to cart"
        // and "Register" contexts their scripts could not find — docs/accuracy.md, offline14.)
        guard !matches.isEmpty || glyph else {
            guard sections else { return nil }
            if bandDeferrable(deferBand, ahead: &bandAhead, needed: marked == true, beside: box, in: image) {
                return deferredContext(.bounded, of: box, text: text, in: image)
            }
            return try await boundedSectionHeading(of: box, text: text, in: image, marked: marked)
        }
        // The card, row or panel holding the element: its heading tells this copy apart. (Text
        // outside it — a sticky header over a scrolled card, the next card — belongs to others.)
        let stacked = matches.allSatisfy { abs($0.x - box.x) <= 12 }
        // (An icon button is told apart by its row even when its hovered look matched no copy:
        // a lone glyph says nothing by itself.)
        let byRow = stacked || (glyph && matches.isEmpty)
        // (The row of the element's own pane: text beyond a sidebar's border is the sidebar's.)
        let rowLeft = byRow ? paneLeft(of: box, in: image) : layout.viewport.x
        let row = PixelRect(x: rowLeft + 4, y: box.y - 6, width: box.x - rowLeft - 8, height: box.height + 12)
        let above = PixelRect(x: box.x - 120, y: box.y - 240, width: box.width + 240, height: 236).intersection(layout.viewport)
        // Each reading below follows the one before when that one names nothing: announced one
        // ahead, so that an idle core reads the next while this one is read.
        let holders = Array(ElementFinder.containers(of: box, in: image, bounds: layout.viewport, avoid: pointer).prefix(2))
        for (k, holder) in holders.enumerated() {
            TextRegions.readLinesAhead(k + 1 < holders.count ? holders[k + 1].insetBy(1) : byRow ? row : above, in: image, reader: reader)
            let read = try await TextRegions.readLines(holder.insetBy(1), in: image, reader: reader, minConfidence: 60)
            Debug.log("seg \(span.index) context of \(box): in \(holder) lines \(read.map { "\($0.text) \($0.box)" })")
            if let heading = Self.heading(read, element: box, text: text, holder: holder) { return heading }
        }
        if byRow {
            let lines = try await TextRegions.readLines(row, in: image, reader: reader, minConfidence: 55)
            let rowText = lines.filter { TextRegions.clean($0.text) != text }.min { $0.box.x < $1.box.x }?.text
            // The same words beside a copy (a prompt before each section's buttons) tell nothing
            // apart: the heading of the element's section does, if one lies between it and the copy above.
            if sections, !glyph, let r = rowText, let copy = matches.min(by: { abs($0.y - box.y) < abs($1.y - box.y) }) {
                let copyRow = PixelRect(x: row.x, y: copy.y - 6, width: row.width, height: copy.height + 12).intersection(layout.viewport)
                let beside = try await TextRegions.readLines(copyRow, in: image, reader: reader, minConfidence: 55)
                if beside.contains(where: { TextSimilarity.ratio($0.text, r) >= 0.8 }) {
                    let floor = matches.filter { $0.maxY <= box.y }.map(\.maxY).max()
                    if bandDeferrable(deferBand, ahead: &bandAhead, needed: true, beside: box, in: image) {
                        return deferredContext(.section(floor: floor, otherwise: rowText), of: box, text: text, in: image)
                    }
                    if let heading = try await sectionHeading(of: box, text: text, in: image, floor: floor) { return heading }
                }
            }
            return rowText
        }
        let read = try await TextRegions.readLines(above, in: image, reader: reader, minConfidence: 60)
        Debug.log("seg \(span.index) context of \(box): copies \(matches), lines above \(read.map { "\($0.text) \($0.box)" })")
        let lines = read
            .filter { $0.text != text && $0.text.count >= 3 && $0.box.x < box.maxX + 40 && $0.box.maxX > box.x - 40 }
        // The heading: the tallest line, the nearest among equals.
        return lines.max { a, b in
            a.box.height != b.box.height ? a.box.height < b.box.height : a.box.maxY < b.box.maxY
        }?.text
    }

    /// The line that names a card or row, among the lines read inside it: not the element's own
    /// text, not cut by the holder's edges (a line half under a sticky header reads as something
    /// else), words before figures (a title before a price or a count), then the tallest, then the
    /// first (top, then left). A figure stands in when the title is out of view.
    static func heading(_ lines: [(text: String, box: PixelRect)], element box: PixelRect, text: String, holder: PixelRect) -> String? {
        let own = TextRegions.clean(text)
        let usable = lines.filter { l in
            TextRegions.clean(l.text) != own && l.text.count >= 3 && l.box.intersection(box.expanded(2, 2)).area * 2 < l.box.area
                && l.box.y > holder.y + 1 && l.box.maxY < holder.maxY - 1
        }
        // Words, not figures: a line with fewer letters than digits (a price, a rating's "(128)"
        // beside stars read as a word) names nothing.
        let worded = usable.filter { l in
            let letters = l.text.filter(\.isLetter).count
            return letters >= 3 && letters > l.text.filter(\.isNumber).count
        }
        let pool = worded.isEmpty ? usable : worded
        guard let tallest = pool.map(\.box.height).max() else { return nil }
        let tall = pool.filter { $0.box.height * 10 >= tallest * 9 }
        let top = tall.map(\.box.y).min()!
        return tall.filter { $0.box.y <= top + 6 }.min { $0.box.x < $1.box.x }?.text
    }
}
