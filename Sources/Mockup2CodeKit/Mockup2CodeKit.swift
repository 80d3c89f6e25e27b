import CodeGen
import Foundation
import Media
import OCR
import DesignCompare
import DesignLayout
import ScreenCore
import Swarm

/// Errors of the mockup pipeline that are not about reading the input file.
public enum MockupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The image decoded but is too small to be a design (a 1×1 tracking pixel…).
    case tooSmall(path: String, width: Int, height: Int)
    /// The output file (or the React stylesheet beside it) cannot be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .tooSmall(let p, let w, let h): "\(p): image is only \(w)x\(h) pixels, too small to be a design (at least \(Mockup2Code.minimumSide)x\(Mockup2Code.minimumSide))"
        case .cannotWrite(let p, let r): "\(p): cannot write output (\(r))"
        }
    }
}

/// How the analysis runs.
public struct MockupOptions: Sendable {
    /// Sub-agents analysing regions at once.
    public var agents: Int
    /// Seconds one sub-agent may take on one region before it is retried, then skipped.
    public var agentTimeout: Double?
    /// Render the generated page in headless Chromium, compare it with the design and correct the
    /// document (skipped, with a note, when Chromium or chromedriver is missing).
    public var refine: Bool
    /// Correction rounds after the first render (refinement stops earlier once the score stops improving).
    public var rounds: Int
    /// A remote model (`--model`): regions it should look at go to it, the layout stays the embedded pass's.
    public var remote: RemoteModelConfig?
    public init(agents: Int = max(2, ProcessInfo.processInfo.activeProcessorCount * 2), agentTimeout: Double? = 60,
                refine: Bool = true, rounds: Int = 3, remote: RemoteModelConfig? = nil) {
        self.agents = agents; self.agentTimeout = agentTimeout; self.refine = refine; self.rounds = rounds
        self.remote = remote
    }
}

/// The outcome of analysing one design.
public struct MockupAnalysis: Sendable {
    public var document: UIDocument
    /// Critical-steps ledger of the run (cut, region agents, assembly).
    public var ledger: StepLedger
    /// Regions handed to sub-agents.
    public var regions: Int
    public var seconds: Double
    /// What the accessibility stage fixed.
    public var accessibility = DesignAccessibility.Report()
    /// The remote model's requests, tokens and cost (nil without `--model`).
    public var model: ModelUsage?
    /// A refused key or wrong address: the conversion stops with it.
    public var modelFailure: ModelEndpointError?
}

/// One `mockup2code` run: input, target, output.
public struct ConversionRequest: Sendable {
    public var path: String
    public var target: MockupTarget
    /// Output file; nil writes to standard output.
    public var output: String?
    /// Where to write the UI document as JSON, if anywhere.
    public var documentOutput: String?
    public var templatesDirectory: String?
    public var options: MockupOptions
    public init(path: String, target: MockupTarget = .html, output: String? = nil, documentOutput: String? = nil,
                templatesDirectory: String? = nil, options: MockupOptions = MockupOptions()) {
        self.path = path; self.target = target; self.output = output; self.documentOutput = documentOutput
        self.templatesDirectory = templatesDirectory; self.options = options
    }
}

/// What a conversion produced.
public struct ConversionResult: Sendable {
    public var artifact: MockupArtifact
    public var analysis: MockupAnalysis
    /// Files written (main file first).
    public var written: [String]
}

/// The assembly point of the mockup2code pipeline:
/// `design.png ─► ImageDecoder ─► XY-cut into regions ─► sub-agents (segment, OCR, classify)
/// ─► UIDocument (semantics, flow layout) ─► CodeGen (Mustache) ─► file`.
public enum Mockup2Code {
    /// Smallest side accepted as a design.
    public static let minimumSide = 16

    /// One line and an exit code for any error a command can meet (66 missing or unreadable,
    /// 65 bad data, 73 cannot write output, 70 internal).
    public static func describe(_ error: any Error) -> (String, Int32) {
        switch error {
        case let e as InputError: return (e.description, e.exitCode)
        case let e as MockupError:
            switch e {
            case .tooSmall: return (e.description, 65)
            case .cannotWrite: return (e.description, 73)
            }
        case let e as MockupTemplateError: return (e.description, 70)
        case let e as DiffError:
            switch e {
            case .noBrowser: return (e.description, 69)
            case .renderFailed: return (e.description, 65)
            }
        case let e as ModelEndpointError: return (e.description, 69)
        case is CancellationError: return ("cancelled", 130)
        default: return ("\(error)", 70)
        }
    }

    /// Reads and checks a design image: any decodable still image at least `minimumSide` a side.
    public static func loadDesign(path: String) throws -> Image {
        let img = try ImageDecoder.read(path: path, format: .rgb24)
        if img.width < minimumSide || img.height < minimumSide {
            throw MockupError.tooSmall(path: path, width: img.width, height: img.height)
        }
        return img
    }

    /// Analyses a design: the orchestrator cuts it into regions on background gutters, sub-agents
    /// analyse the regions in parallel (a failing region becomes a placeholder and a diagnostic),
    /// and the aggregator assembles, names and lays out the UI document.
    public static func analyse(_ image: Image, reader: any MockupTextReader,
                               options: MockupOptions = MockupOptions()) async -> MockupAnalysis {
        let start = Date()
        var ledger = StepLedger()
        let raster = DesignRaster(image)
        let seg = LayoutSegmenter(raster: raster)
        let bg = seg.pageBackground()
        let regions = seg.topLevelRegions(raster.bounds, background: bg, minimum: max(4, options.agents * 2))
        ledger.record("cut", orchestratorSteps: 2)

        let agent = RegionAgent(raster: raster, reader: reader)
        let jobs = regions.map { RegionJob(rect: $0.0, background: $0.1) }
        let swarm = Swarm(agents: options.agents, timeout: options.agentTimeout, retries: 1)
        let stage = await swarm.run(jobs) { job, ctx in try await agent.analyse(job, ctx: ctx) }
        ledger.record("regions", orchestratorSteps: 1, agentSteps: stage.agentSteps)

        var outputs = stage.outputs
        var diagnostics = stage.diagnostics
        var usage: ModelUsage?
        var failure: ModelEndpointError?
        if let remote = options.remote {
            // Second pass: the regions the embedded pass doubts (all with --model-all) to the remote model.
            let pass = MockupModelPass(client: ModelClient(config: remote), sendAll: remote.sendAll, threshold: remote.confidenceThreshold)
            let fatal = Locked<ModelEndpointError?>(nil)
            let firstPass = outputs
            let refined = await swarm.run(Array(jobs.indices)) { i, ctx -> [UINode]? in
                guard let nodes = firstPass[i], let why = pass.doubt(nodes) else { return nil }
                ctx.step()
                do {
                    let out = try await pass.refine(nodes, region: jobs[i].rect, image: image, index: i)
                    pass.client.meter.route(segment: i, model: "remote:\(remote.model)", reason: why)
                    return out
                } catch let e as ModelEndpointError where e.isFatal {
                    fatal.set(e); throw e
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    pass.client.meter.route(segment: i, model: "embedded", reason: why, fallback: "\(error)")
                    return nil
                }
            }
            failure = fatal.value
            for (i, r) in refined.outputs.enumerated() { if let r = r ?? nil { outputs[i] = r } }
            ledger.record("model", orchestratorSteps: 1, agentSteps: refined.agentSteps)
            let u = pass.client.meter.report(name: "remote:\(remote.model)", endpoint: remote.endpoint.absoluteString,
                                             routing: remote.sendAll ? "all" : "hybrid")
            for s in u.segments { if let f = s.fallback {
                diagnostics.append(Diagnostic(.warning, "region \(s.segment): the remote model failed (\(f)); the embedded analysis was kept", segment: s.segment))
            } }
            usage = u
        }
        var children: [UINode] = []
        for (i, out) in outputs.enumerated() {
            if let out { children += out; continue }
            let r = jobs[i].rect
            children.append(UINode(kind: .image, box: r, style: UIStyle(background: raster.meanColor(in: r, step: 4)),
                                   label: "region that could not be analysed"))
        }
        let root = UINode(kind: .container, box: raster.bounds, style: UIStyle(background: bg, direction: .column),
                          children: children)
        var doc = UIDocument(width: image.width, height: image.height, background: bg, root: root,
                             diagnostics: diagnostics)
        ControlShapes.foldButtonFrames(&doc.root)
        ControlShapes.foldIconButtons(&doc.root)
        DesignSemantics.apply(&doc)
        ledger.record("assemble", orchestratorSteps: 1)
        // The accessibility stage: landmarks, heading order, names, contrast lost in measurement.
        let access = DesignAccessibility.apply(&doc)
        ledger.record("accessibility", orchestratorSteps: 1)
        LayoutFlow.apply(&doc)
        ledger.record("layout", orchestratorSteps: 1)
        return MockupAnalysis(document: doc, ledger: ledger, regions: jobs.count, seconds: Date().timeIntervalSince(start),
                              accessibility: access, model: usage, modelFailure: failure)
    }

    /// The whole command: load templates (fail fast), read the design, analyse it with a pool of
    /// Tesseract engines, render the target and write it (plus the React stylesheet).
    public static func convert(_ req: ConversionRequest, reader: (any MockupTextReader)? = nil) async throws -> ConversionResult {
        let renderer = try MockupRenderer(templatesDirectory: req.templatesDirectory)
        let image = try loadDesign(path: req.path)
        // An output that cannot be written fails before any analysis or browser start.
        for path in [req.output, req.documentOutput].compactMap({ $0 }) { try checkDirectory(of: path) }
        let pool = reader ?? TextReaderPool(size: ProcessInfo.processInfo.activeProcessorCount)
        var analysis = await analyse(image, reader: pool, options: req.options)
        if let f = analysis.modelFailure { throw f }
        if req.options.refine {
            analysis.document = await refine(analysis.document, design: image, renderer: renderer, rounds: req.options.rounds)
        }
        let source = URL(fileURLWithPath: req.path).lastPathComponent
        var stem: String? = nil
        if let out = req.output, req.target == .react {
            stem = URL(fileURLWithPath: out).deletingPathExtension().lastPathComponent
        }
        let artifact = try renderer.render(analysis.document, target: req.target, stem: stem, source: source)
        var written: [String] = []
        if let out = req.output {
            try write(artifact.text, to: out)
            written.append(out)
            if let css = artifact.stylesheet, let stem {
                let cssPath = URL(fileURLWithPath: out).deletingLastPathComponent().appendingPathComponent("\(stem).css").path
                try write(css, to: cssPath)
                written.append(cssPath)
            }
        }
        if let docPath = req.documentOutput {
            try write(try json(analysis.document), to: docPath)
            written.append(docPath)
        }
        return ConversionResult(artifact: artifact, analysis: analysis, written: written)
    }

    /// Render, compare, correct (DesignCompare's `Refiner`): renders the `html` target of `document`
    /// at the design's width, corrects it against the design's pixels, and returns the best
    /// document with every round's score in `refinement`. Never fails: without a browser, or if
    /// the browser fails, the document comes back unchanged with `refinement.skipped` saying why.
    public static func refine(_ document: UIDocument, design: Image, renderer: MockupRenderer, rounds: Int) async -> UIDocument {
        var doc = document
        let started = Date()
        let page: PageRenderer
        do { page = try await PageRenderer.start(width: document.width, viewportHeight: min(document.height, 4096)) }
        catch {
            doc.refinement = UIRefinement(skipped: "refinement skipped: \(error)")
            return doc
        }
        do {
            let outcome = try await Refiner(design: design, rounds: rounds).refine(document, renderer: page) {
                try renderer.render($0, target: .html).text
            }
            await page.close()
            doc = outcome.document
            doc.refinement = UIRefinement(rounds: outcome.rounds.map {
                .init(round: $0.round, score: $0.score.total, visual: $0.score.visual, position: $0.score.position,
                      wrapping: $0.score.wrapping, corrections: $0.corrections, kept: $0.kept)
            }, seconds: Date().timeIntervalSince(started))
        } catch {
            await page.close()
            doc.refinement = UIRefinement(skipped: "refinement stopped: \(error)")
        }
        return doc
    }

    /// Pretty-printed, key-sorted JSON.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(value), as: UTF8.self)
    }

    /// Throws `cannotWrite` when `path`'s directory does not exist or is not a directory.
    static func checkDirectory(of path: String) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MockupError.cannotWrite(path: path, reason: "no directory \(dir)")
        }
    }

    static func write(_ text: String, to path: String) throws {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) }
        catch { throw MockupError.cannotWrite(path: path, reason: (error as NSError).localizedDescription) }
    }
}

/// A value shared by concurrent agents. Invariant: `v` is only touched under `lock`.
final class Locked<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var v: T
    init(_ v: T) { self.v = v }
    func set(_ x: T) { lock.lock(); v = x; lock.unlock() }
    var value: T { lock.lock(); defer { lock.unlock() }; return v }
}
