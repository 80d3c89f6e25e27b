import Foundation
import ScreenCore

/// Hybrid routing, the default when a remote model is configured: the embedded model analyses
/// every segment (cheap, offline); a segment it cannot explain well goes to the remote model with
/// the embedded observations as a hint, and the remote answer replaces them. `sendAll`
/// (`--model-all`) sends every segment. When the remote model fails on a segment (after the
/// client's retries and repair round), the embedded observations stand and the meter says why;
/// only a refused key or a wrong address (`ModelEndpointError.isFatal`) stops the run.
public struct HybridVisionModel: VisionModel {
    public let name: String
    public var embedded: any VisionModel
    public var remote: RemoteVisionModel
    public var sendAll: Bool
    /// With `sendAll`, whether the pipelined analysis takes each call's embedded hint from the
    /// remote model's own fine plan (one short embedded job per fine segment) rather than from the
    /// coarse embedded plan (`RemoteModelConfig.fineHints`, `--fine-hints`).
    public var fineHints = false
    /// An observation below this confidence is a reason to ask the remote model.
    public var confidenceThreshold: Double

    public init(embedded: any VisionModel, remote: RemoteVisionModel, sendAll: Bool = false, confidenceThreshold: Double = 0.5) {
        self.embedded = embedded; self.remote = remote; self.sendAll = sendAll; self.confidenceThreshold = confidenceThreshold
        name = "\(embedded.name)+\(remote.name)"
    }

    public var meter: ModelMeter { remote.client.meter }

    public func analyse(segment: SegmentContext, tools: any AgentTools) async throws -> [Observation] {
        var local: [Observation]?
        var localFailure: String?
        do { local = try await embedded.analyse(segment: segment, tools: tools) }
        catch is CancellationError { throw CancellationError() }
        catch { localFailure = "\(error)" }
        return try await refine(segment: segment, tools: tools, local: local, localFailure: localFailure)
    }

    /// The routing step on its own: `local` is what the embedded model saw in the segment (nil
    /// when it failed, `localFailure` saying why). Returns the observations to keep, each tagged
    /// with the model that made it. `prepared` is the segment's request made ahead
    /// (`RemoteVisionModel.prepare`), used if the segment goes to the remote model.
    public func refine(segment: SegmentContext, tools: any AgentTools, local: [Observation]?,
                       localFailure: String? = nil, prepared: RemoteVisionModel.PreparedSegment? = nil) async throws -> [Observation] {
        let index = segment.segment.index
        let tagged = local.map { $0.map { var o = $0; o.model = o.model ?? embedded.name; return o } }
        let doubt: String? = sendAll ? "--model-all"
            : localFailure.map { "the embedded model failed (\($0))" } ?? Self.doubt(tagged ?? [], segment: segment, threshold: confidenceThreshold)
        guard let doubt else {
            meter.route(segment: index, model: embedded.name, reason: nil)
            return tagged ?? []
        }
        do {
            let answer = try await remote.analyse(segment: segment, tools: tools, hint: tagged, prepared: prepared)
            meter.route(segment: index, model: remote.name, reason: doubt)
            return answer
        } catch let e as ModelEndpointError where e.isFatal {
            throw e
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            guard let tagged else { throw error }   // nothing to fall back on: the swarm retries, then reports
            meter.route(segment: index, model: embedded.name, reason: doubt, fallback: "\(error)")
            return tagged
        }
    }

    /// Why the embedded observations of a segment are not good enough, or nil when they are:
    /// the screen changed in the segment's own span but nothing was seen; an element acted on has
    /// no name (no text, label or placeholder); or an observation's confidence is low.
    public static func doubt(_ observations: [Observation], segment: SegmentContext, threshold: Double) -> String? {
        let s = segment.segment
        if observations.isEmpty {
            let changed = segment.motion.contains { $0.isActive && s.owns($0.time) }
            return changed ? "a change with no action" : nil
        }
        let named: Set<Observation.Kind> = [.click, .typing, .select, .check]
        if let o = observations.first(where: { named.contains($0.kind) && [$0.text, $0.label, $0.placeholder].allSatisfy { ($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty } }) {
            return String(format: "%@ at %.2f s on an element without a name", o.kind.rawValue, o.time)
        }
        if let low = observations.min(by: { $0.confidence < $1.confidence }), low.confidence < threshold {
            return String(format: "low confidence %.2f (%@ at %.2f s)", low.confidence, low.kind.rawValue, low.time)
        }
        return nil
    }
}
