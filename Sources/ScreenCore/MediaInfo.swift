/// What `vid2auto probe` reports about a recording: container, codec, geometry and timing.
public struct MediaInfo: Sendable, Codable, Equatable {
    public var path: String
    /// FFmpeg's demuxer name, e.g. `mov,mp4,m4a,3gp,3g2,mj2`.
    public var container: String
    /// The video codec, e.g. `h264`.
    public var codec: String
    /// Coded size in pixels, before rotation.
    public var width: Int
    public var height: Int
    /// Seconds.
    public var duration: Double
    /// Average frames per second (the stream's `avg_frame_rate`, else `r_frame_rate`).
    public var frameRate: Double
    /// Number of video frames (counted from packets when the container does not say).
    public var frameCount: Int
    /// Clockwise rotation in degrees the player applies (0, 90, 180, 270).
    public var rotation: Int
    /// Whether frame durations vary (a variable-frame-rate recording).
    public var variableFrameRate: Bool

    public init(path: String, container: String, codec: String, width: Int, height: Int, duration: Double,
                frameRate: Double, frameCount: Int, rotation: Int, variableFrameRate: Bool) {
        self.path = path; self.container = container; self.codec = codec; self.width = width
        self.height = height; self.duration = duration; self.frameRate = frameRate
        self.frameCount = frameCount; self.rotation = rotation; self.variableFrameRate = variableFrameRate
    }

    /// Size as displayed, after rotation.
    public var displayWidth: Int { rotation % 180 == 0 ? width : height }
    public var displayHeight: Int { rotation % 180 == 0 ? height : width }
}
