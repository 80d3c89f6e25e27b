/// One decoded video frame, already converted into every rendition the caller asked for
/// (e.g. a small gray copy for motion and a full-size colour copy for text).
public struct Frame: Sendable {
    /// Position in decode (= presentation) order among all frames of the stream.
    public var index: Int
    /// Presentation time in seconds from the stream's start.
    public var time: Double
    /// One image per requested rendition, in request order.
    public var images: [Image]
    public init(index: Int, time: Double, images: [Image]) {
        self.index = index; self.time = time; self.images = images
    }
}

/// How a rendition of each frame should look: size and pixel format. A nil dimension keeps the
/// aspect ratio; both nil keep the source size.
public struct Rendition: Sendable, Hashable {
    public var width: Int?
    public var height: Int?
    public var format: PixelFormat
    public init(width: Int? = nil, height: Int? = nil, format: PixelFormat) {
        self.width = width; self.height = height; self.format = format
    }
    /// The size this rendition gives for a source of `w`×`h` (each side at least 1, even widths kept).
    public func size(forSourceWidth w: Int, height h: Int) -> (width: Int, height: Int) {
        switch (width, height) {
        case let (tw?, th?): return (max(1, tw), max(1, th))
        case let (tw?, nil): return (max(1, tw), max(1, Int((Double(h) * Double(tw) / Double(w)).rounded())))
        case let (nil, th?): return (max(1, Int((Double(w) * Double(th) / Double(h)).rounded())), max(1, th))
        case (nil, nil): return (w, h)
        }
    }
}

/// Which frames to deliver.
public struct FrameSampling: Sendable, Equatable {
    /// Frames per second to deliver (nil = every frame). A frame is delivered when its time reaches the next slot.
    public var fps: Double?
    /// Start time in seconds (seeks there first).
    public var start: Double
    /// End time in seconds (exclusive; nil = to the end).
    public var end: Double?
    public init(fps: Double? = nil, start: Double = 0, end: Double? = nil) {
        self.fps = fps; self.start = start; self.end = end
    }
    /// Every frame of the whole stream.
    public static let everyFrame = FrameSampling()
}
