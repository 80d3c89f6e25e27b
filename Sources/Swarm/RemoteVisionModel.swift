import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ScreenCore

/// A `VisionModel` that hands a segment to a remote multimodal model behind an OpenAI-compatible
/// chat-completions endpoint (Kimi K2.5, vLLM, Ollama, llama.cpp's server…): a few key frames as
/// PNG data URLs in a list of content parts, the layout, the embedded model's observations as a
/// hint when there are some, and the observation schema (also sent as `response_format`);
/// observations back as JSON. The model may ask for OCR of crops, answered with the agent's own
/// tools; a malformed answer gets one repair round. HTTP behaviour (retries, cap on requests in
/// flight, cache, cost) is `ModelClient`'s. See docs/models.md.
public struct RemoteVisionModel: VisionModel {
    public let name: String
    public let client: ModelClient
    /// Frames per second scanned for key frames, most key frames sent, their width.
    public var scanFPS = 2.0
    public var maxFrames = 8
    public var maxWidth = 960
    /// Rounds of tool requests (OCR) the model may make.
    public var maxRounds = 2
    /// Encodes a key frame as PNG. Swarm imports no C library, so the assembly injects the
    /// project's one PNG codec (Media's libpng, zlib-compressed: a screen frame is ~10-20x smaller
    /// than stored pixels, and the request the model's server must parse shrinks with it). A frame
    /// it cannot encode fails its segment, which then keeps the embedded model's observations.
    public var encodePNG: @Sendable (Image) throws -> Data

    /// A backend behind `client`, its key frames encoded by `encodePNG`.
    public init(client: ModelClient, encodePNG: @escaping @Sendable (Image) throws -> Data) {
        self.client = client; self.encodePNG = encodePNG; name = "remote:\(client.config.model)"
    }

    /// A backend at `endpoint` serving `model`.
    public init(endpoint: URL, model: String, apiKey: String?, encodePNG: @escaping @Sendable (Image) throws -> Data) {
        self.init(client: ModelClient(config: RemoteModelConfig(endpoint: endpoint, model: model, apiKey: apiKey)),
                  encodePNG: encodePNG)
    }

    /// The backend configured by `VID2AUTO_MODEL_URL`, `VID2AUTO_MODEL_NAME`, `VID2AUTO_MODEL_KEY`; nil when unset.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment,
                                       encodePNG: @escaping @Sendable (Image) throws -> Data) -> RemoteVisionModel? {
        guard let c = try? RemoteModelConfig.resolve(model: nil, apiBase: nil, environment: env) else { return nil }
        return RemoteVisionModel(client: ModelClient(config: c), encodePNG: encodePNG)
    }

    /// A model answer that does not fit the schema.
    public struct RemoteError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public func analyse(segment: SegmentContext, tools: any AgentTools) async throws -> [Observation] {
        try await analyse(segment: segment, tools: tools, hint: nil)
    }

    /// What a request for one segment needs besides the hint: its key frames and their content
    /// parts (PNG data URLs), made from the frames alone. `prepare` makes it before the embedded
    /// observations exist, so the frame work is off the path from the embedded pass to the call.
    public struct PreparedSegment: Sendable {
        /// The segment it was made for (its index and spans).
        public let segment: Segment
        /// The key frames sent (kept for the model's OCR requests).
        public let keys: [Frame]
        /// Frame pixels as sent over pixels of the recording's frames.
        public let scale: Double
        /// The segment's prompt without the hint.
        public let prompt: String
        /// One "frame t=…" text part and one image part per key frame, JSON-ready.
        let frameParts: [[String: String]]
    }

    /// Picks the segment's key frames (the first frame, then each frame that differs from the
    /// last one kept; at most `maxFrames`) and encodes them: everything of a request but the hint.
    public func prepare(segment: SegmentContext, tools: any AgentTools) async throws -> PreparedSegment {
        var keys: [Frame] = []
        let full = PixelRect(x: 0, y: 0, width: segment.layout.frameWidth, height: segment.layout.frameHeight)
        try await tools.forEachFrame(from: segment.segment.decodeStart, to: segment.segment.decodeEnd, fps: scanFPS) { f in
            if let last = keys.last, tools.compare(last.images[0], f.images[0], region: full) < 1.0 { return }
            keys.append(f)
        }
        if keys.count > maxFrames {
            let step = Double(keys.count - 1) / Double(maxFrames - 1)
            keys = (0..<maxFrames).map { keys[Int((Double($0) * step).rounded())] }
        }
        let scale = Double(full.width) / Double(max(1, min(full.width, maxWidth)))
        var parts: [[String: String]] = []
        for f in keys {
            let small = Self.downscaled(f.images[0], maxWidth: maxWidth)
            parts.append(["text": String(format: "frame t=%.3f", f.time)])
            parts.append(["image": "data:image/png;base64," + (try encodePNG(small)).base64EncodedString()])
        }
        return PreparedSegment(segment: segment.segment, keys: keys, scale: scale,
                               prompt: Self.segmentPrompt(segment, frames: keys), frameParts: parts)
    }

    /// Like `analyse`, with what the embedded model saw in the segment as a hint the model may
    /// confirm, correct or complete. `prepared` (from `prepare` on the same segment) saves
    /// picking and encoding the key frames again; nil, or made for another segment, they are made here.
    public func analyse(segment: SegmentContext, tools: any AgentTools, hint: [Observation]?,
                        prepared: PreparedSegment? = nil) async throws -> [Observation] {
        let p: PreparedSegment
        if let prepared, prepared.segment == segment.segment { p = prepared } else { p = try await prepare(segment: segment, tools: tools) }
        let keys = p.keys, scale = p.scale
        var prompt = p.prompt
        if let hint {
            let wire = hint.map { Self.wire($0, scale: scale) }
            let json = (try? JSONSerialization.data(withJSONObject: ["observations": wire], options: [.sortedKeys]))
                .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            prompt += "\nA computer-vision pass reported this (it may be wrong or incomplete; correct it):\n" + json
        }
        var messages: [[String: Any]] = [["role": "system", "content": Self.systemPrompt]]
        var content: [[String: Any]] = [["type": "text", "text": prompt]]
        for part in p.frameParts {
            if let text = part["text"] { content.append(["type": "text", "text": text]) }
            if let url = part["image"] { content.append(["type": "image_url", "image_url": ["url": url]]) }
        }
        messages.append(["role": "user", "content": content])
        let index = segment.segment.index
        var repaired = false
        var rounds = 0
        while true {
            let reply = try await client.complete(messages, schema: Self.schema, segment: index)
            let parsed: (observations: [Observation], reads: [(box: PixelRect, time: Double)])
            do {
                parsed = try Self.parse(reply, segment: index, scale: scale)
            } catch let e as RemoteError {
                // One repair round: show the model its answer and what is wrong with it.
                if repaired {
                    throw ModelEndpointError.badAnswer(endpoint: client.config.endpoint.absoluteString, reason: "\(e), even after a repair round")
                }
                repaired = true
                messages.append(["role": "assistant", "content": String(reply.prefix(4000))])
                messages.append(["role": "user", "content": "That answer could not be used (\(e)). Answer again with only the JSON object the system message describes."])
                continue
            }
            if parsed.reads.isEmpty || rounds >= maxRounds {
                return parsed.observations.filter { segment.segment.owns($0.time) }.map { var o = $0; o.model = name; return o }
            }
            rounds += 1
            // Answer the model's OCR requests with the agent's own tool.
            var answers: [String] = []
            for r in parsed.reads {
                var text = ""
                if let frame = keys.min(by: { abs($0.time - r.time) < abs($1.time - r.time) }) {
                    text = try await tools.readText(r.box, in: frame.images[0], mode: .line).text
                }
                let b = [r.box.x, r.box.y, r.box.width, r.box.height].map { String(Int(Double($0) / scale)) }
                answers.append("\(b.joined(separator: ","))@\(r.time): \(text)")
            }
            messages.append(["role": "assistant", "content": reply])
            messages.append(["role": "user", "content": "OCR results:\n" + answers.joined(separator: "\n")])
        }
    }

    static let systemPrompt = """
        You watch frames of a screen recording of a web browser and report what the person did, as JSON only:
        {"observations": [{"kind": "click|typing|press|select|check|scroll|navigation", "time": seconds, "endTime": seconds,
          "box": {"x":..,"y":..,"width":..,"height":..}, "point": {"x":..,"y":..}, "role": "button|link|textbox|checkbox|radio|combobox|tab|menuitem",
          "text": "...", "label": "...", "placeholder": "...", "context": "...", "value": "text, true/false, or pixels",
          "secret": false, "url": "...", "popup": {box of a list the click opened}, "appeared": ["text that appeared"],
          "confidence": 0..1, "evidence": [seconds]}],
         "read": [{"x":..,"y":..,"width":..,"height":..,"time": seconds}]}
        Coordinates are pixels of the frames as sent. "typing" carries the field's final text; masked fields are
        secret with no value. Use "read" to ask for OCR of small regions; you will get the text back.
        """

    /// The JSON schema of an answer, sent as `response_format` where the server supports it.
    static var schema: [String: Any] {
        let box: [String: Any] = ["type": "object", "properties": ["x": ["type": "number"], "y": ["type": "number"],
                                                                      "width": ["type": "number"], "height": ["type": "number"]]]
        let observation: [String: Any] = [
            "type": "object", "required": ["kind", "time"],
            "properties": [
                "kind": ["type": "string", "enum": Observation.Kind.allCases.map(\.rawValue)],
                "time": ["type": "number"], "endTime": ["type": "number"], "box": box, "popup": box,
                "point": ["type": "object", "properties": ["x": ["type": "number"], "y": ["type": "number"]]],
                "role": ["type": "string"], "text": ["type": "string"], "label": ["type": "string"],
                "placeholder": ["type": "string"], "context": ["type": "string"],
                "value": ["type": ["string", "number", "boolean"]], "secret": ["type": "boolean"], "url": ["type": "string"],
                "appeared": ["type": "array", "items": ["type": "string"]], "confidence": ["type": "number"],
                "evidence": ["type": "array", "items": ["type": "number"]],
            ] as [String: Any],
        ]
        let read: [String: Any] = ["type": "object", "required": ["x", "y", "width", "height", "time"],
                                   "properties": ["x": ["type": "number"], "y": ["type": "number"], "width": ["type": "number"],
                                                  "height": ["type": "number"], "time": ["type": "number"]]]
        return ["type": "object", "required": ["observations"],
                "properties": ["observations": ["type": "array", "items": observation], "read": ["type": "array", "items": read]]]
    }

    static func segmentPrompt(_ s: SegmentContext, frames: [Frame]) -> String {
        let vp = s.layout.viewport
        return """
            Segment \(s.segment.index): report what starts between \(s.segment.start) and \(s.segment.end) s.
            Viewport (page area) \(vp.x),\(vp.y) \(vp.width)x\(vp.height); address bar \(s.layout.addressBar.map { "\($0.x),\($0.y) \($0.width)x\($0.height)" } ?? "none").
            \(frames.count) key frames follow, full size \(s.layout.frameWidth)x\(s.layout.frameHeight) (sent scaled; answer in the sent frames' pixels).
            """
    }

    /// An observation in the answer's wire format, in the pixels of the frames as sent.
    static func wire(_ o: Observation, scale: Double) -> [String: Any] {
        func px(_ v: Int) -> Double { (Double(v) / scale * 100).rounded() / 100 }
        func rect(_ r: PixelRect) -> [String: Any] { ["x": px(r.x), "y": px(r.y), "width": px(r.width), "height": px(r.height)] }
        var d: [String: Any] = ["kind": o.kind.rawValue, "time": o.time, "endTime": o.endTime, "secret": o.secret,
                                "confidence": o.confidence, "evidence": o.evidence]
        if let b = o.box { d["box"] = rect(b) }
        if let p = o.popup { d["popup"] = rect(p) }
        if let p = o.point { d["point"] = ["x": px(p.x), "y": px(p.y)] }
        if let r = o.role { d["role"] = r.rawValue }
        if let t = o.text { d["text"] = t }
        if let l = o.label { d["label"] = l }
        if let p = o.placeholder { d["placeholder"] = p }
        if let c = o.context { d["context"] = c }
        if let u = o.url { d["url"] = u }
        if !o.appeared.isEmpty { d["appeared"] = o.appeared }
        if !o.secret {
            switch o.value {
            case .text(let s)?: d["value"] = s
            case .flag(let b)?: d["value"] = b
            case .pixels(let n)?: d["value"] = n
            case nil: break
            }
        }
        return d
    }

    /// A model's answer as observations (scaled back to video pixels by `scale`) and OCR requests.
    /// Prose or code fences around the JSON object are tolerated and unknown kinds skipped; an
    /// answer that is not JSON or does not fit the schema throws `RemoteError` (worth a repair round).
    public static func parse(_ reply: String, segment: Int, scale: Double = 1) throws
        -> (observations: [Observation], reads: [(box: PixelRect, time: Double)]) {
        guard let open = reply.firstIndex(of: "{"), let close = reply.lastIndex(of: "}"), open < close,
              let parsed = try? JSONSerialization.jsonObject(with: Data(reply[open...close].utf8)) else {
            throw RemoteError(description: "the answer is not JSON")
        }
        guard let obj = parsed as? [String: Any] else { throw RemoteError(description: "the answer is not a JSON object") }
        guard obj["observations"] != nil || obj["read"] != nil else {
            throw RemoteError(description: "the answer has no \"observations\" list")
        }
        guard let list = (obj["observations"] ?? [Any]()) as? [Any] else {
            throw RemoteError(description: "\"observations\" is not a list")
        }
        // JSON's true/false arrive as NSNumbers of the boolean subclass, and any 0 or 1 passes `is Bool`.
        func isFlag(_ a: Any?) -> Bool {
            guard let n = a as? NSNumber else { return false }
            return ObjectIdentifier(type(of: n)) == Self.flagType
        }
        func number(_ a: Any?) -> Double? {
            guard let n = a as? NSNumber, !isFlag(a) else { return nil }
            return n.doubleValue
        }
        func rect(_ a: Any?) -> PixelRect? {
            guard let d = a as? [String: Any], let x = number(d["x"]), let y = number(d["y"]),
                  let w = number(d["width"]), let h = number(d["height"]) else { return nil }
            return PixelRect(x: Int((x * scale).rounded()), y: Int((y * scale).rounded()),
                             width: Int((w * scale).rounded()), height: Int((h * scale).rounded()))
        }
        var out: [Observation] = []
        for (i, item) in list.enumerated() {
            guard let o = item as? [String: Any], let kind = o["kind"] as? String, let t = number(o["time"]) else {
                throw RemoteError(description: "observation \(i + 1) lacks a \"kind\" or a numeric \"time\"")
            }
            guard let k = Observation.Kind(rawValue: kind) else { continue }
            let secret = o["secret"] as? Bool ?? false
            var value: ActionValue?
            switch o["value"] {
            case let n as NSNumber where isFlag(n): value = .flag(n.boolValue)
            case let s as String: value = .text(s)
            case let n as NSNumber: value = .pixels(n.doubleValue)
            default: value = nil
            }
            let point = (o["point"] as? [String: Any]).flatMap { p -> PixelPoint? in
                guard let x = number(p["x"]), let y = number(p["y"]) else { return nil }
                return PixelPoint(x: Int((x * scale).rounded()), y: Int((y * scale).rounded()))
            }
            let evidence = (o["evidence"] as? [Any])?.compactMap(number) ?? []
            out.append(Observation(kind: k, time: t, endTime: number(o["endTime"]), segment: segment, point: point,
                                   box: rect(o["box"]), role: (o["role"] as? String).flatMap(Role.init(rawValue:)),
                                   text: o["text"] as? String, label: o["label"] as? String, placeholder: o["placeholder"] as? String,
                                   context: o["context"] as? String, value: secret ? nil : value, secret: secret,
                                   url: o["url"] as? String, popup: rect(o["popup"]),
                                   appeared: (o["appeared"] as? [Any])?.compactMap { $0 as? String } ?? [],
                                   confidence: number(o["confidence"]).map { min(1, max(0, $0)) } ?? 0.6,
                                   evidence: evidence.isEmpty ? [t] : evidence))
        }
        let reads = (obj["read"] as? [[String: Any]] ?? []).compactMap { r -> (PixelRect, Double)? in
            guard let b = rect(r), let t = number(r["time"]) else { return nil }
            return (b, t)
        }
        return (out, reads)
    }

    /// The class of a boolean NSNumber (what JSONSerialization gives for true and false).
    static let flagType = ObjectIdentifier(type(of: NSNumber(value: true)))

    /// `img` no wider than `maxWidth` (nearest neighbour, gray).
    static func downscaled(_ img: Image, maxWidth: Int) -> Image {
        let g = img.grayscale()
        guard g.width > maxWidth else { return g }
        let w = maxWidth, h = max(1, g.height * maxWidth / g.width)
        var px = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h { for x in 0..<w { px[y * w + x] = g.pixels[(y * g.height / h) * g.bytesPerRow + x * g.width / w] } }
        return Image(width: w, height: h, format: .gray8, pixels: px)
    }
}
