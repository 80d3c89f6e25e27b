/// An integer rectangle in pixels; the origin is the top-left corner.
public struct PixelRect: Sendable, Hashable, Codable, CustomStringConvertible {
    public var x: Int, y: Int, width: Int, height: Int
    @inlinable
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    @inlinable
    public var maxX: Int { x + width }
    @inlinable
    public var maxY: Int { y + height }
    @inlinable
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    @inlinable
    public var area: Int { isEmpty ? 0 : width * height }
    @inlinable
    public var center: PixelPoint { PixelPoint(x: x + width / 2, y: y + height / 2) }
    public var description: String { "\(width)x\(height)+\(x)+\(y)" }

    /// The overlap of two rectangles (empty when they do not meet).
    @inlinable
    public func intersection(_ o: PixelRect) -> PixelRect {
        let nx = max(x, o.x), ny = max(y, o.y)
        let mx = min(maxX, o.maxX), my = min(maxY, o.maxY)
        return PixelRect(x: nx, y: ny, width: max(0, mx - nx), height: max(0, my - ny))
    }
    /// The smallest rectangle holding both.
    @inlinable
    public func union(_ o: PixelRect) -> PixelRect {
        if isEmpty { return o }
        if o.isEmpty { return self }
        let nx = min(x, o.x), ny = min(y, o.y)
        return PixelRect(x: nx, y: ny, width: max(maxX, o.maxX) - nx, height: max(maxY, o.maxY) - ny)
    }
    /// Whether the point lies inside.
    @inlinable
    public func contains(_ p: PixelPoint) -> Bool { p.x >= x && p.y >= y && p.x < maxX && p.y < maxY }
    /// The rectangle grown by `d` on every side.
    public func insetBy(_ d: Int) -> PixelRect { PixelRect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
}

/// An integer point in pixels.
public struct PixelPoint: Sendable, Hashable, Codable {
    public var x: Int, y: Int
    @inlinable
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}
