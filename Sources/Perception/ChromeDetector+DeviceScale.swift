import ScreenCore

extension ChromeDetector {
    /// Height in video pixels of a desktop browser's own bar (tabs and toolbar with the address
    /// field) above the page at a device scale of 1: Chromium 86–87, Firefox 84–85 on this
    /// corpus's desktops.
    static let chromeHeightAtOne = 86.0
    /// The device scales a desktop offers (125 %, 150 %, 175 %, 200 %, 250 %, 300 %).
    static let deviceScales: [Double] = [1.25, 1.5, 1.75, 2, 2.5, 3]

    /// Video pixels per CSS pixel of a HiDPI recording, from the browser's own bar: the bar is
    /// drawn at the device scale like the page, so its height (from the window's top to the
    /// viewport's) is `chromeHeightAtOne` times the scale. Nil at 1, without an address bar, or
    /// when the height is no desktop scale's within 4 % (a bookmarks bar at 1 adds about 30 px,
    /// which matches none), so a bar of another shape is never taken for a scale.
    public static func deviceScale(_ layout: ScreenLayout) -> Double? {
        guard layout.addressBar != nil else { return nil }
        return deviceScale(chromeHeight: layout.viewport.y - layout.window.y)
    }

    /// The desktop scale whose bar is `chromeHeight` pixels high (within 4 %), nil at 1 or none.
    static func deviceScale(chromeHeight: Int) -> Double? {
        let h = Double(chromeHeight)
        return deviceScales.first { abs(h - chromeHeightAtOne * $0) <= chromeHeightAtOne * $0 * 0.04 }
    }
}
