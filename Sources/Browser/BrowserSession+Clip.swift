import Foundation

extension BrowserSession {
    /// The page's pixels inside `clip` as PNG at the device scale, captured by Chrome DevTools'
    /// `Page.captureScreenshot` (through `goog/cdp/execute`). `clip` is in CSS pixels of the
    /// *document* (a viewport point plus the page's scroll), as the protocol takes it. The pixels
    /// are the whole screenshot's in that rectangle; only the encoding, the transfer and the
    /// decoding shrink (a 300×40 field at device scale 2: ~0.4 kB against ~170 kB).
    public func screenshot(clip: (x: Double, y: Double, width: Double, height: Double)) async throws -> Data {
        let value = try await cdp("Page.captureScreenshot", Self.captureParameters(clip: clip))
        guard let base64 = value["data"]?.string, let data = Data(base64Encoded: base64) else {
            throw BrowserError.webDriver(command: "cdp Page.captureScreenshot", error: "invalid reply", message: "not base64 PNG data")
        }
        return data
    }
}
