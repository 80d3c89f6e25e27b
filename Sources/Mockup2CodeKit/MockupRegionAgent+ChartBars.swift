import ScreenCore

extension RegionAgent {
    /// Bars of a chart: three or more empty filled shapes side by side, of one width (±2 px), on one
    /// baseline (±2 px), not all of one height. The rule that takes an empty filled box for a picture
    /// placeholder (as mockups draw pictures) does not hold for them: they stay plain filled blocks.
    static func keepChartBars(_ kids: inout [UINode]) {
        let bars = kids.indices.filter {
            (kids[$0].kind == .image || kids[$0].kind == .icon) && kids[$0].children.isEmpty && kids[$0].style.background != nil
                && kids[$0].box.height >= 2 * kids[$0].box.width / 3
        }
        guard bars.count >= 3 else { return }
        // Runs of consecutive candidates sharing width and baseline.
        var run: [Int] = []
        func close() {
            defer { run.removeAll() }
            guard run.count >= 3, Set(run.map { kids[$0].box.height }).count >= 2 else { return }
            for i in run {
                kids[i].kind = .container; kids[i].label = nil; kids[i].style.direction = .column
            }
        }
        for i in bars {
            if let j = run.last, abs(kids[j].box.width - kids[i].box.width) <= 2, abs(kids[j].box.maxY - kids[i].box.maxY) <= 2,
               i == j + 1 {
                run.append(i)
            } else {
                close(); run = [i]
            }
        }
        close()
    }
}
