import ArgumentParser
import Foundation
import Swarm
import Vid2AutoKit

/// The options every command that generates scripts takes (`analyze`, `batch`), parsed and
/// validated once.
struct ScriptOptions: ParsableArguments {
    @Option(help: "What to generate: \(Vid2AutoKit.targets.joined(separator: ", ")).") var target: String = "playwright-python"
    @Option(help: "Sub-agents running at once (1–100; default: the number of cores).")
    var agents: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Seconds a sub-agent may spend on one segment before it is retried.") var agentTimeout: Double?
    @Option(help: "Directory of code templates (overrides the built-in ones).") var templates: String?
    @Flag(help: "Leave assertions out of generated scripts.") var noAssert = false
    @Flag(help: ArgumentHelp("Ground every step in the running app: replay the recording in a headless Chromium and correct it against the live page.",
                             discussion: "Performs the recorded actions on the app at the recording's address (or --start-url)."))
    var live = false
    @Option(help: "With --live: the app's first page, when the recording's address bar does not show it or the app moved.")
    var startURL: String?
    @Option(help: "With --live: device pixels per CSS pixel of the recording (2 for a HiDPI screen; default: found by comparing the first page at 1, 1.25, 1.5 and 2 with the video).") var deviceScale: Double?
    @OptionGroup(title: "Remote model (docs/models.md)") var model: ModelOptions

    func validate() throws {
        guard (1...100).contains(agents) else { throw ValidationError("--agents must be between 1 and 100") }
        try validateTarget(target)
        if let t = agentTimeout, t <= 0 { throw ValidationError("--agent-timeout must be positive") }
        if startURL != nil && !live { throw ValidationError("--start-url needs --live") }
        if let u = startURL, URLComponents(string: u)?.host == nil, URLComponents(string: "http://" + u)?.host == nil {
            throw ValidationError("--start-url must be an address such as http://localhost:3000/")
        }
        if let d = deviceScale, !(0.5...4).contains(d) { throw ValidationError("--device-scale must be between 0.5 and 4") }
        try model.validate()
    }

    /// The live settings these options ask for (nil without --live).
    var liveSettings: LiveSettings? {
        guard live else { return nil }
        return LiveSettings(startURL: startURL, deviceScale: deviceScale) { line in
            FileHandle.standardError.write(Data("vid2auto: \(line)\n".utf8))
        }
    }
}

/// Refuses a `--target` vid2auto does not generate (exit 64 with the list of targets).
func validateTarget(_ target: String) throws {
    guard Vid2AutoKit.targets.contains(target) else {
        throw ValidationError("unsupported target '\(target)' (choose one of: \(Vid2AutoKit.targets.joined(separator: ", ")))")
    }
}

/// Writes generated text to `output` (atomically), or to standard output ending in one newline.
func emit(_ text: String, to output: String?) throws {
    if let output {
        do { try text.write(toFile: output, atomically: true, encoding: .utf8) }
        catch { throw OutputError.cannotWrite(path: output, reason: (error as NSError).localizedDescription) }
    } else {
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }
}

/// `--model NAME --api-base URL` and the run settings of a remote model. Flags win over
/// `VID2AUTO_MODEL_NAME`/`VID2AUTO_MODEL_URL`; the key only ever comes from the environment.
struct ModelOptions: ParsableArguments {
    @Option(help: "A remote multimodal model (OpenAI-compatible), e.g. kimi-k2.5; default: VID2AUTO_MODEL_NAME, else the embedded model alone.")
    var model: String?
    @Option(help: "Its API base, e.g. https://api.moonshot.ai/v1 or http://localhost:8000/v1 (default: VID2AUTO_MODEL_URL). Key: VID2AUTO_MODEL_KEY.")
    var apiBase: String?
    @Flag(help: "Send every segment to the remote model (default: only those the embedded model explains poorly).")
    var modelAll = false
    @Flag(help: "With --model-all: each call's embedded hint from a short job on its own segment, not the coarse plan's (docs/models.md).")
    var fineHints = false
    @Option(help: "Requests to the model in flight at once, whatever --agents is (default 8).") var maxRequests: Int?
    @Option(help: "Seconds one model request may take, answer included (default 120).") var requestTimeout: Double?
    @Option(help: "The remote plan's minimum parallelism: with fewer segments its longest bursts are split between actions, one more request each (default 8, at most --max-requests; 0: off).")
    var minSegments: Int?
    @Flag(help: "Do not read or write the model's response cache.") var noCache = false
    @Option(help: "Price per million prompt tokens, for the cost in the timeline's swarm section.") var priceInput: Double?
    @Option(help: "Price per million completion tokens.") var priceOutput: Double?

    func validate() throws {
        if let n = maxRequests, !(1...1000).contains(n) { throw ValidationError("--max-requests must be between 1 and 1000") }
        if let t = requestTimeout, t <= 0 { throw ValidationError("--request-timeout must be positive") }
        if (priceInput ?? 0) < 0 || (priceOutput ?? 0) < 0 { throw ValidationError("--price-input/--price-output must not be negative") }
        if fineHints, !modelAll { throw ValidationError("--fine-hints only applies with --model-all") }
        if let n = minSegments, !(0...1000).contains(n) { throw ValidationError("--min-segments must be between 0 and 1000") }
        if try config() == nil, minSegments != nil { throw ValidationError("--min-segments needs a model (--model NAME --api-base URL)") }
    }

    /// The remote model these flags and the environment configure (nil: embedded only).
    func config() throws -> RemoteModelConfig? {
        do {
            var c = try RemoteModelConfig.resolve(model: model, apiBase: apiBase, sendAll: modelAll, maxRequests: maxRequests,
                                                  requestTimeout: requestTimeout, noCache: noCache, priceInput: priceInput,
                                                  priceOutput: priceOutput)
            c?.fineHints = fineHints
            if let n = minSegments { c?.minSegments = n }
            return c
        } catch let e as RemoteModelConfig.ConfigError {
            throw ValidationError(e.description)
        }
    }
}
