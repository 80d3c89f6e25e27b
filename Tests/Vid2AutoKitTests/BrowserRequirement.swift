import Browser
import Foundation
import XCTest

/// Skips a test that needs a real browser when Chromium or chromedriver is not installed.
func requireBrowser(_ options: BrowserOptions) throws {
    guard FileManager.default.isExecutableFile(atPath: options.resolvedChromium),
          FileManager.default.isExecutableFile(atPath: options.resolvedChromedriver) else {
        throw XCTSkip("Chromium or chromedriver not installed (apt install chromium chromium-driver)")
    }
}
