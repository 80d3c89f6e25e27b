import ScreenCore

extension SegmentAnalyst {
    /// The left edge of the pane holding `box`: just right of the nearest vertical line to its
    /// left that runs through most of the viewport's height (a sidebar's border or the edge of
    /// its background), else the viewport's left edge. A row's text beyond such a line is
    /// another pane's (a sidebar's "FAQ" link level with a section's "Was this helpful? Yes No"),
    /// not the row's; a table's cell borders stop with the table, so a row's first cell stays.
    func paneLeft(of box: PixelRect, in image: Image) -> Int {
        Self.paneLeft(of: box, in: image, viewport: layout.viewport)
    }

    /// See `paneLeft(of:in:)`: a column is such a line when the luma steps by at least 6 across
    /// it on at least 70 % of the viewport's rows (sampled every 4 pixels).
    static func paneLeft(of box: PixelRect, in image: Image, viewport vp: PixelRect) -> Int {
        let y0 = max(vp.y, 0), y1 = min(vp.maxY, image.height)
        guard y1 - y0 >= 40 else { return vp.x }
        let rows = Array(stride(from: y0, to: y1, by: 4))
        var x = min(box.x - 2, image.width - 1)
        while x > max(vp.x, 1) {
            var stepped = 0
            for y in rows where abs(Int(image.luma(x: x, y: y)) - Int(image.luma(x: x - 1, y: y))) >= 6 { stepped += 1 }
            if stepped * 10 >= rows.count * 7 { return x }   // (column x - 1 is the line)
            x -= 1
        }
        return vp.x
    }
}
