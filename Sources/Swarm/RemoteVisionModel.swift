import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ScreenCore

/// A `VisionModel` that hands a segment to a remote multimodal model behind an OpenAI-compatible
/// chat-completions endpoint (Kimi K2.5, or any other): a few key frames as PNG data URLs, the
/// layout and the observation schema in the prompt, observations back as JSON. The model may ask
/// for OCR of crops, answered with the agent's own tools. See docs/models.md.
public struct RemoteVisionModel: VisionModel {
    public let name: String
    public var endpoint: URL
    public var model: String
    /// Sent as a bearer token; never logged.
    var apiKey: String?
    /// Frames per second scanned for key frames, most key frames sent, their width.
    public var scanFPS = 2.0
    public var maxFrames = 8
    public var maxWidth = 960
    /// Rounds of tool requests (OCR) the model may make.
    public var maxRounds = 2
    public var timeout: TimeInterval = 120

    public init(endpoint: URL, model: String, apiKey: String?) {
        self.endpoint = endpoint; self.model = model; self.apiKey = apiKey; name = "remote:\(model)"
    }

    /// The backend configured by `VID2AUTO_MODEL_URL`, `VID2AUTO_MODEL_NAME`, `VID2AUTO_MODEL_KEY`; nil when unset.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> RemoteVisionModel? {
        guard let u = env["VID2AUTO_MODEL_URL"], let url = URL(string: u), let m = env["VID2AUTO_MODEL_NAME"] else { return nil }
        return RemoteVisionModel(endpoint: url, model: m, apiKey: env["VID2AUTO_MODEL_KEY"])
    }

    /// A remote call that could not be used.
    public struct RemoteError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public func analyse(segment: SegmentContext, tools: any AgentTools) async throws -> [Observation] {
        // Key frames: the first frame, then each frame that differs from the last one kept.
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
        var messages: [[String: Any]] = [["role": "system", "content": Self.systemPrompt]]
        var content: [[String: Any]] = [["type": "text", "text": Self.segmentPrompt(segment, frames: keys)]]
        for f in keys {
            let small = Self.downscaled(f.images[0], maxWidth: maxWidth)
            content.append(["type": "text", "text": String(format: "frame t=%.3f", f.time)])
            content.append(["type": "image_url", "image_url": ["url": "data:image/png;base64," + TinyPNG.encode(small).base64EncodedString()]])
        }
        messages.append(["role": "user", "content": content])
        for _ in 0...maxRounds {
            let reply = try await complete(messages)
            let scale = Double(full.width) / Double(min(full.width, maxWidth))
            let parsed = try Self.parse(reply, segment: segment.segment.index, scale: scale)
            if parsed.reads.isEmpty || messages.count > 2 + 2 * maxRounds { return parsed.observations }
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
        return []
    }

    func complete(_ messages: [[String: Any]]) async throws -> String {
        var req = URLRequest(url: endpoint, timeoutInterval: timeout)
        req.httpMethod = "POST"
        req.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let k = apiKey { req.setValue("Bearer \(k)", forHTTPHeaderField: "Authorization") }
        req.httpBody = try JSONSerialization.data(withJSONObject: ["model": model, "messages": messages, "temperature": 0])
        let data: Data, response: URLResponse
        do { (data, response) = try await URLSession.shared.data(for: req) }
        catch is CancellationError { throw CancellationError() }
        catch {
            // One line, naming the endpoint (never the key).
            throw RemoteError(description: "cannot reach the model endpoint \(endpoint.absoluteString): \((error as NSError).localizedDescription)")
        }
        guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            throw RemoteError(description: "the model endpoint \(endpoint.absoluteString) answered HTTP \(status)\(Self.errorDetail(data).map { ": \($0)" } ?? "")")
        }
        guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let choice = (obj["choices"] as? [[String: Any]])?.first,
              let text = (choice["message"] as? [String: Any])?["content"] as? String else {
            throw RemoteError(description: "model endpoint returned no message")
        }
        return text
    }

    /// The message of an OpenAI-style error body (`{"error": {"message": …}}`) or the body's first
    /// line, cut short; nil when empty.
    static func errorDetail(_ data: Data) -> String? {
        let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        let message = ((obj?["error"] as? [String: Any])?["message"] as? String) ?? (obj?["error"] as? String)
            ?? String(decoding: data.prefix(400), as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
        guard let m = message?.trimmingCharacters(in: .whitespaces), !m.isEmpty else { return nil }
        return m.count > 160 ? String(m.prefix(159)) + "…" : m
    }

    static let systemPrompt = """
        You watch frames of a screen recording of a web browser and report what the person did, as JSON only:
        {"observations": [{"kind": "click|typing|press|select|check|scroll|navigation", "time": seconds, "endTime": seconds,
          "box": {"x":..,"y":..,"width":..,"height":..}, "point": {"x":..,"y":..}, "role": "button|link|textbox|checkbox|radio|combobox|tab|menuitem",
          "text": "...", "label": "...", "placeholder": "...", "context": "...", "value": "text, true/false, or pixels",
          "secret": false, "url": "..."}],
         "read": [{"x":..,"y":..,"width":..,"height":..,"time": seconds}]}
        Coordinates are pixels of the frames as sent. "typing" carries the field's final text; masked fields are
        secret with no value. Use "read" to ask for OCR of small regions; you will get the text back.
        """

    static func segmentPrompt(_ s: SegmentContext, frames: [Frame]) -> String {
        let vp = s.layout.viewport
        return """
            Segment \(s.segment.index): report what starts between \(s.segment.start) and \(s.segment.end) s.
            Viewport (page area) \(vp.x),\(vp.y) \(vp.width)x\(vp.height); address bar \(s.layout.addressBar.map { "\($0.x),\($0.y) \($0.width)x\($0.height)" } ?? "none").
            \(frames.count) key frames follow, full size \(s.layout.frameWidth)x\(s.layout.frameHeight) (sent scaled; answer in the sent frames' pixels).
            """
    }

    /// A model's answer as observations (scaled back to video pixels later by `scale`) and OCR requests.
    public static func parse(_ reply: String, segment: Int, scale: Double = 1) throws
        -> (observations: [Observation], reads: [(box: PixelRect, time: Double)]) {
        // Tolerate prose or code fences around the JSON object.
        guard let open = reply.firstIndex(of: "{"), let close = reply.lastIndex(of: "}"),
              let obj = try JSONSerialization.jsonObject(with: Data(reply[open...close].utf8)) as? [String: Any] else {
            throw RemoteError(description: "model reply is not JSON")
        }
        func rect(_ a: Any?) -> PixelRect? {
            guard let d = a as? [String: Any], let x = d["x"] as? Double, let y = d["y"] as? Double,
                  let w = d["width"] as? Double, let h = d["height"] as? Double else { return nil }
            return PixelRect(x: Int(x * scale), y: Int(y * scale), width: Int(w * scale), height: Int(h * scale))
        }
        var out: [Observation] = []
        for o in obj["observations"] as? [[String: Any]] ?? [] {
            guard let k = (o["kind"] as? String).flatMap(Observation.Kind.init(rawValue:)), let t = o["time"] as? Double else { continue }
            let secret = o["secret"] as? Bool ?? false
            var value: ActionValue?
            switch o["value"] {
            case let b as Bool: value = .flag(b)
            case let n as Double: value = .pixels(n)
            case let s as String: value = .text(s)
            default: value = nil
            }
            let point = (o["point"] as? [String: Any]).flatMap { p -> PixelPoint? in
                guard let x = p["x"] as? Double, let y = p["y"] as? Double else { return nil }
                return PixelPoint(x: Int(x * scale), y: Int(y * scale))
            }
            out.append(Observation(kind: k, time: t, endTime: o["endTime"] as? Double, segment: segment, point: point,
                                   box: rect(o["box"]), role: (o["role"] as? String).flatMap(Role.init(rawValue:)),
                                   text: o["text"] as? String, label: o["label"] as? String, placeholder: o["placeholder"] as? String,
                                   context: o["context"] as? String, value: secret ? nil : value, secret: secret,
                                   url: o["url"] as? String, confidence: 0.6, evidence: [t]))
        }
        let reads = (obj["read"] as? [[String: Any]] ?? []).compactMap { r -> (PixelRect, Double)? in
            guard let b = rect(r), let t = r["time"] as? Double else { return nil }
            return (b, t)
        }
        return (out, reads)
    }

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

/// The smallest PNG writer: 8-bit gray, stored (uncompressed) deflate blocks. Swarm cannot use
/// Media's libpng, and a remote model only needs a valid image.
public enum TinyPNG {
    public static func encode(_ img: Image) -> Data {
        let g = img.grayscale()
        var raw = [UInt8]()
        raw.reserveCapacity((g.width + 1) * g.height)
        for y in 0..<g.height { raw.append(0); raw += g.pixels[(y * g.bytesPerRow)..<(y * g.bytesPerRow + g.width)] }
        var z: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65_535, raw.count - i)
            z.append(i + n >= raw.count ? 1 : 0)
            z += [UInt8(n & 255), UInt8(n >> 8), UInt8(~n & 255), UInt8((~n >> 8) & 255)]
            z += raw[i..<(i + n)]
            i += n
        } while i < raw.count
        var a: UInt32 = 1, b: UInt32 = 0
        for v in raw { a = (a + UInt32(v)) % 65_521; b = (b + a) % 65_521 }
        z += be((b << 16) | a)
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        out += chunk("IHDR", be(UInt32(g.width)) + be(UInt32(g.height)) + [8, 0, 0, 0, 0])
        out += chunk("IDAT", z)
        out += chunk("IEND", [])
        return Data(out)
    }

    static func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 255), UInt8((v >> 8) & 255), UInt8(v & 255)] }

    static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let tb = Array(type.utf8) + body
        var c: UInt32 = 0xffff_ffff
        for byte in tb {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xedb8_8320 ^ (c >> 1) : c >> 1 }
        }
        return be(UInt32(body.count)) + tb + be(~c)
    }
}
