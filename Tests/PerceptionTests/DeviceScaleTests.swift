@testable import Perception
import ScreenCore
import XCTest

/// The device scale of a recording, from the height of the browser's own bar above the page.
final class DeviceScaleTests: XCTestCase {
    func testTheBarsHeightGivesTheDesktopScale() {
        // Chromium and Firefox at 1 (and a bar found a few pixels short): no scale.
        for h in [80, 84, 85, 86, 87, 90] { XCTAssertNil(ChromeDetector.deviceScale(chromeHeight: h), "\(h)") }
        XCTAssertEqual(ChromeDetector.deviceScale(chromeHeight: 107), 1.25)
        XCTAssertEqual(ChromeDetector.deviceScale(chromeHeight: 106), 1.25)
        XCTAssertEqual(ChromeDetector.deviceScale(chromeHeight: 129), 1.5)
        XCTAssertEqual(ChromeDetector.deviceScale(chromeHeight: 172), 2)
        XCTAssertEqual(ChromeDetector.deviceScale(chromeHeight: 174), 2)
        // A bookmarks bar at 1 (about 30 px more) and other shapes match no scale.
        for h in [116, 120, 140, 160, 200] { XCTAssertNil(ChromeDetector.deviceScale(chromeHeight: h), "\(h)") }
    }

    func testTheBarIsMeasuredFromTheWindowsTopAndOnlyWithAnAddressBar() {
        let bar = PixelRect(x: 100, y: 40, width: 600, height: 30)
        // A window inset on the desktop at 1: its bar starts at the window's top, not the frame's.
        let windowed = ScreenLayout(frameWidth: 1280, frameHeight: 800, window: PixelRect(x: 80, y: 36, width: 1120, height: 740),
                                    viewport: PixelRect(x: 80, y: 122, width: 1120, height: 654), addressBar: bar)
        XCTAssertNil(ChromeDetector.deviceScale(windowed))
        let hidpi = ScreenLayout(frameWidth: 1920, frameHeight: 1080, window: PixelRect(x: 0, y: 0, width: 1920, height: 1080),
                                 viewport: PixelRect(x: 0, y: 172, width: 1920, height: 908), addressBar: bar)
        XCTAssertEqual(ChromeDetector.deviceScale(hidpi), 2)
        // No address bar: the page may start anywhere (a kiosk, a cropped capture), so no guess.
        var kiosk = hidpi
        kiosk.addressBar = nil
        XCTAssertNil(ChromeDetector.deviceScale(kiosk))
    }
}
