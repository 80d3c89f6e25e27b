import Foundation
import Media
import ScreenCore
import Swarm

/// `mockup2code --model`: the regions go to a remote multimodal model, the layout stays the
/// embedded pass's. Each region's crop is sent (a PNG data URL) with the elements the embedded
/// pass found in it — kind, text, box — and the model answers corrected texts and kinds by
/// element id. Hybrid as in vid2auto: only regions with an element the embedded pass doubts (low
/// OCR confidence, a button or field without text) go out, all of them with `sendAll`. A region
/// whose answer cannot be used keeps the embedded elements (a diagnostic says why); a refused key
/// or wrong address stops the run.
struct MockupModelPass: Sendable {
    let client: ModelClient
    let sendAll: Bool
    let threshold: Double

    /// An element of a region, by its path of child indices.
    private struct Element { var path: [Int]; var node: UINode }

    private func elements(_ nodes: [UINode]) -> [Element] {
        var out: [Element] = []
        func walk(_ n: UINode, _ path: [Int]) {
            if n.kind != .container { out.append(Element(path: path, node: n)) }
            for (i, c) in n.children.enumerated() { walk(c, path + [i]) }
        }
        for (i, n) in nodes.enumerated() { walk(n, [i]) }
        return out
    }

    /// Why a region's elements need the model, or nil.
    func doubt(_ nodes: [UINode]) -> String? {
        if sendAll { return "--model-all" }
        for e in elements(nodes) {
            let text = (e.node.text ?? e.node.label ?? e.node.placeholder ?? "").trimmingCharacters(in: .whitespaces)
            if (e.node.kind == .button || e.node.kind == .text) && text.isEmpty { return "\(e.node.kind.rawValue) without text" }
            // OCR confidence is 0–100 in a UI document.
            if let c = e.node.confidence, c < threshold * 100, e.node.kind != .image { return String(format: "low OCR confidence %.0f", c) }
        }
        return nil
    }

    static var schema: [String: Any] { [
        "type": "object", "required": ["elements"],
        "properties": ["elements": ["type": "array", "items": [
            "type": "object", "required": ["id"],
            "properties": ["id": ["type": "integer"], "text": ["type": "string"],
                           "kind": ["type": "string", "enum": UINodeKind.allCases.map(\.rawValue)]] as [String: Any],
        ] as [String: Any]]],
    ] }

    /// The region's nodes with the model's corrections applied.
    func refine(_ nodes: [UINode], region: PixelRect, image: Image, index: Int) async throws -> [UINode] {
        let els = elements(nodes)
        guard !els.isEmpty else { return nodes }
        let crop = image.cropped(to: region)
        let list = els.enumerated().map { i, e -> [String: Any] in
            var d: [String: Any] = ["id": i, "kind": e.node.kind.rawValue,
                                    "box": ["x": e.node.box.x - region.x, "y": e.node.box.y - region.y,
                                            "width": e.node.box.width, "height": e.node.box.height]]
            if let t = e.node.text ?? e.node.label ?? e.node.placeholder { d["text"] = t }
            return d
        }
        let listJSON = String(decoding: try JSONSerialization.data(withJSONObject: list, options: [.sortedKeys]), as: UTF8.self)
        let prompt = """
            This is one region of a UI design (\(region.width)x\(region.height) px). A computer-vision pass found these
            elements (boxes in the region's pixels; texts read by OCR, maybe wrong):
            \(listJSON)
            Answer as JSON only: {"elements": [{"id": n, "text": "the exact visible text", "kind": "\(UINodeKind.allCases.map(\.rawValue).joined(separator: "|"))"}]}
            for the elements whose text or kind is wrong or missing.
            """
        var messages: [[String: Any]] = [
            ["role": "system", "content": "You read UI designs and correct what an OCR pass found. Answer with JSON only."],
            ["role": "user", "content": [["type": "text", "text": prompt],
                                         ["type": "image_url", "image_url": ["url": "data:image/png;base64," + (try PNG.encode(crop)).base64EncodedString()]]]],
        ]
        var answer: [[String: Any]]?
        for round in 0..<2 {
            let reply = try await client.complete(messages, schema: Self.schema, segment: index)
            if let open = reply.firstIndex(of: "{"), let close = reply.lastIndex(of: "}"), open < close,
               let obj = try? JSONSerialization.jsonObject(with: Data(reply[open...close].utf8)) as? [String: Any],
               let list = obj["elements"] as? [[String: Any]] {
                answer = list; break
            }
            if round == 1 { throw ModelEndpointError.badAnswer(endpoint: client.config.endpoint.absoluteString, reason: "the answer is not the elements JSON, even after a repair round") }
            messages.append(["role": "assistant", "content": String(reply.prefix(4000))])
            messages.append(["role": "user", "content": "That answer could not be used. Answer again with only {\"elements\": [...]} as described."])
        }
        var out = nodes
        func update(_ nodes: inout [UINode], _ path: ArraySlice<Int>, _ body: (inout UINode) -> Void) {
            guard let first = path.first else { return }
            if path.count == 1 { body(&nodes[first]) } else { update(&nodes[first].children, path.dropFirst(), body) }
        }
        for item in answer ?? [] {
            guard let id = item["id"] as? Int, els.indices.contains(id) else { continue }
            update(&out, els[id].path[...]) { n in
                if let t = item["text"] as? String, !t.isEmpty {
                    if n.kind == .input && n.text == nil { n.placeholder = t } else { n.text = t }
                    n.confidence = 90
                }
                if let k = (item["kind"] as? String).flatMap(UINodeKind.init(rawValue:)), k != .container { n.kind = k }
            }
        }
        return out
    }
}
