extension ActionTimeline {
    /// The timeline with its points, boxes and scroll distances divided by `scale` (video pixels
    /// per CSS pixel), so they are the page's CSS pixels of a HiDPI recording. The viewport stays
    /// the video's rectangle. Unchanged at a scale of 1 (or one that is not positive and finite).
    public func inCSSPixels(scale: Double) -> ActionTimeline {
        guard scale.isFinite, scale > 0, scale != 1 else { return self }
        var t = self
        for k in t.actions.indices {
            var a = t.actions[k]
            if var target = a.target {
                target.point = target.point.map { Point(x: $0.x / scale, y: $0.y / scale) }
                target.box = target.box.map { Box(x: $0.x / scale, y: $0.y / scale, width: $0.width / scale, height: $0.height / scale) }
                a.target = target
            }
            if a.kind == .scroll, case .pixels(let d)? = a.value { a.value = .pixels(d / scale) }
            t.actions[k] = a
        }
        return t
    }
}
