/// When each part of one analysis ran, in wall-clock seconds from the start of the run: what the
/// review report's swarm chart draws (segments per agent over time, the critical path).
///
/// Optional in the timeline (`swarm.timing`): absent from timelines written before it existed and
/// from runs that did not record it, so readers must cope without it.
public struct SwarmTiming: Sendable, Codable, Hashable {
    /// The orchestrator's and the aggregator's stages (`plan`, `analyse`, `aggregate`), in order.
    public var stages: [StageSpan]
    /// Every segment an agent analysed, in the order they started.
    public var segments: [SegmentSpan]

    public init(stages: [StageSpan] = [], segments: [SegmentSpan] = []) {
        self.stages = stages; self.segments = segments
    }

    /// One stage of the run.
    public struct StageSpan: Sendable, Codable, Hashable {
        public var name: String
        public var start: Double
        public var end: Double
        public init(name: String, start: Double, end: Double) { self.name = name; self.start = start; self.end = end }
    }

    /// One segment's analysis by one agent.
    public struct SegmentSpan: Sendable, Codable, Hashable {
        /// The segment's index in the plan.
        public var segment: Int
        /// Which of the at most `agents` concurrent agents ran it (0-based): a lane of the chart.
        public var agent: Int
        /// Wall-clock seconds from the start of the run.
        public var start: Double
        public var end: Double
        /// The stretch of video the segment owns, in seconds of the recording.
        public var videoStart: Double
        public var videoEnd: Double
        /// The model call failed on this segment (after its retry): its span is lost.
        public var failed: Bool

        public init(segment: Int, agent: Int, start: Double, end: Double, videoStart: Double, videoEnd: Double,
                    failed: Bool = false) {
            self.segment = segment; self.agent = agent; self.start = start; self.end = end
            self.videoStart = videoStart; self.videoEnd = videoEnd; self.failed = failed
        }
    }

    /// The agent that finished last: the one on the critical path of the analyse stage (nil without segments).
    public var criticalAgent: Int? {
        segments.max { $0.end < $1.end }?.agent
    }
}
