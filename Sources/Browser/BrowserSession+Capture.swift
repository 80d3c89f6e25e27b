import Foundation

extension BrowserSession {
    /// The parameters of a lossless viewport capture that Chromium encodes quickly: PNG with
    /// `optimizeForSpeed` (a faster zlib setting and no filter search — larger files, the same
    /// pixels). `clip` (CSS pixels of the document, scale 1) takes a part of it.
    static func captureParameters(clip: (x: Double, y: Double, width: Double, height: Double)? = nil) -> [String: JSONValue] {
        var p: [String: JSONValue] = ["format": .string("png"), "optimizeForSpeed": true]
        if let clip {
            p["clip"] = .object(["x": .number(clip.x), "y": .number(clip.y), "width": .number(clip.width),
                                 "height": .number(clip.height), "scale": .number(1)])
        }
        return p
    }

    /// The viewport as PNG bytes through CDP's `Page.captureScreenshot`, or nil where the browser
    /// does not take it (then never asked again: the caller falls back to WebDriver's screenshot).
    ///
    /// Why: the live stage takes dozens of whole screenshots per recording (each compare with a
    /// video frame). chromedriver's `GET /screenshot` activates the window and has Chromium
    /// encode the PNG at zlib's default effort; at device scale 2 (1920×908) that is ~85 ms a
    /// screenshot on this machine, ~65 ms with `optimizeForSpeed` (1: ~50 → ~30 ms). The
    /// decoded pixels are the same (checked on the sample apps at device scales 1 and 2).
    /// One difference: with a native `alert`/`confirm` open, WebDriver's screenshot fails (and
    /// dismisses it) while CDP captures the page; no sample app opens one, and the next WebDriver
    /// command still reports it.
    func fastViewportCapture() async throws -> Data? {
        if capturesByCDP.withLock({ $0 }) == false { return nil }
        let value: JSONValue
        do {
            value = try await cdp("Page.captureScreenshot", Self.captureParameters())
        } catch let e as BrowserError {
            if case .webDriver = e, capturesByCDP.withLock({ $0 }) == nil {
                capturesByCDP.withLock { $0 = false }
                return nil
            }
            throw e
        }
        guard let base64 = value["data"]?.string, let data = Data(base64Encoded: base64) else {
            throw BrowserError.webDriver(command: "cdp Page.captureScreenshot", error: "invalid reply", message: "not base64 PNG data")
        }
        capturesByCDP.withLock { $0 = true }
        return data
    }
}
