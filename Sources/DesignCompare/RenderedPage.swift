import Browser
import Foundation
import Synchronization
import Media
import ScreenCore

/// A rectangle in CSS pixels (fractional, as the DOM reports it).
public struct Box: Sendable, Codable, Equatable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public init(_ r: PixelRect) { self.init(x: Double(r.x), y: Double(r.y), width: Double(r.width), height: Double(r.height)) }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var centerX: Double { x + width / 2 }
    public var centerY: Double { y + height / 2 }
    /// The whole pixels this box touches.
    public var pixelRect: PixelRect {
        let x0 = Int(x.rounded(.down)), y0 = Int(y.rounded(.down))
        return PixelRect(x: x0, y: y0, width: max(0, Int(maxX.rounded(.up)) - x0), height: max(0, Int(maxY.rounded(.up)) - y0))
    }
    /// Intersection over union (0 when either is empty).
    public func iou(_ o: Box) -> Double {
        let w = min(maxX, o.maxX) - max(x, o.x), h = min(maxY, o.maxY) - max(y, o.y)
        guard w > 0, h > 0 else { return 0 }
        let i = w * h
        return i / (width * height + o.width * o.height - i)
    }
}

/// One element of a rendered page, as `PageProbe.js` read it from the DOM.
public struct RenderedElement: Sendable, Codable, Equatable {
    /// Position in `document.body.querySelectorAll('*')` (document order).
    public var index: Int
    /// The parent element's `index` (nil: a child of `body`, or a probe that did not read it).
    public var parent: Int?
    public var tag: String
    public var id: String?
    public var classes: [String]
    /// A CSS selector naming exactly this element.
    public var selector: String
    /// Border box, document coordinates.
    public var box: Box
    /// The element's own text (its direct text nodes, whitespace collapsed), or an input's value
    /// or placeholder.
    public var text: String?
    /// The tight box of the own text's line boxes.
    public var textBox: Box?
    /// Distinct line tops of the own text.
    public var lines: Int
    public var fontSize: Double
    public var fontWeight: Int
    /// Computed `color` / `background-color` (`rgb(…)` / `rgba(…)`).
    public var color: String
    public var background: String
    public var position: String
    /// Computed `margin-top` / `margin-left` in px.
    public var marginTop: Double
    public var marginLeft: Double
    /// The thinnest of the four computed border widths, px (an outline all round when ≥ 1; nil
    /// from a probe that did not read it).
    public var borderWidth: Double?

    /// `color` as RGB.
    public var textColor: RGB? { Self.parseColor(color)?.0 }
    /// `background-color` as RGB when it is opaque enough to be seen (alpha ≥ 0.5).
    public var backgroundColor: RGB? {
        guard let (c, a) = Self.parseColor(background), a >= 0.5 else { return nil }
        return c
    }

    /// Parses `rgb(r, g, b)` / `rgba(r, g, b, a)` (what `getComputedStyle` returns).
    public static func parseColor(_ s: String) -> (RGB, Double)? {
        guard let open = s.firstIndex(of: "("), let close = s.lastIndex(of: ")") else { return nil }
        let parts = s[s.index(after: open)..<close].split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" })
            .compactMap { Double($0) }
        guard parts.count >= 3 else { return nil }
        func c(_ v: Double) -> UInt8 { UInt8(max(0, min(255, v.rounded()))) }
        return (RGB(c(parts[0]), c(parts[1]), c(parts[2])), parts.count >= 4 ? parts[3] : 1)
    }
}

/// What a render produced: every element and (when asked for) the screenshot of the whole page.
public struct RenderedPage: Sendable {
    /// Document scroll size in CSS pixels.
    public var width: Int
    public var height: Int
    public var elements: [RenderedElement]
    /// The full page at 1 device pixel per CSS pixel, RGB.
    public var screenshot: Image?
}

/// Renders pages at a design's width in one headless Chromium session (the project's one browser
/// client, `BrowserSession`) and reads them back: DOM elements and a full-page screenshot.
public final class PageRenderer: Sendable {
    let session: BrowserSession
    let width: Int
    let scratch: URL
    /// The viewport height last set (nil before the first render).
    let currentHeight = Mutex<Int?>(nil)

    /// The probe script followed by its call, as `execute/sync` takes it.
    static let probe: String = String(decoding: PackageResources.PageProbe_js, as: UTF8.self)
        + "\n;return __screenwrightProbe.elements();"

    /// Starts Chromium with a `width`-wide viewport (`viewportHeight` tall until a page is measured).
    public static func start(width: Int, viewportHeight: Int = 800, timeout: Double = 30) async throws -> PageRenderer {
        let session = try await BrowserSession.start(BrowserOptions(viewportWidth: width, viewportHeight: viewportHeight,
                                                                    deviceScale: 1, commandTimeout: timeout,
                                                                    extraArguments: ["--hide-scrollbars", "--force-color-profile=srgb",
                                                                                     "--font-render-hinting=none"]))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("screenwright-compare-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return PageRenderer(session: session, width: width, scratch: dir)
    }

    init(session: BrowserSession, width: Int, scratch: URL) {
        self.session = session; self.width = width; self.scratch = scratch
    }

    /// Renders HTML text (written to a scratch file first; generated pages are self-contained).
    public func render(html: String, screenshot: Bool = true, expectedHeight: Int? = nil) async throws -> RenderedPage {
        let file = scratch.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: file)
        return try await render(url: file.absoluteString, screenshot: screenshot, expectedHeight: expectedHeight)
    }

    /// Renders a page by address (`file://`, `http://`…). The viewport starts `expectedHeight`
    /// tall (the design's height: a faithful page needs no second layout); a taller page gets a
    /// taller viewport and is read again, so the screenshot holds all of it.
    public func render(url: String, screenshot: Bool = true, expectedHeight: Int? = nil) async throws -> RenderedPage {
        let first = max(16, min(expectedHeight ?? 800, 16384))
        if currentHeight.withLock({ $0 }) != first {
            try await session.setViewport(width: width, height: first, deviceScale: 1)
            currentHeight.withLock { $0 = first }
        }
        try await session.navigate(to: url)
        var page = try await read()
        if screenshot {
            let h = max(16, min(page.height, 16384))
            if h != first {
                try await session.setViewport(width: width, height: h, deviceScale: 1)
                currentHeight.withLock { $0 = h }
                page = try await read()     // a taller viewport can change vh-based layout
            }
            let png = try await session.screenshot()
            page.screenshot = try PNG.decode(png, path: url, format: .rgb24)
        }
        return page
    }

    func read() async throws -> RenderedPage {
        let v = try await session.execute(Self.probe)
        let data = try JSONEncoder().encode(v)
        struct Raw: Decodable { var width: Double; var height: Double; var elements: [RenderedElement] }
        let raw = try JSONDecoder().decode(Raw.self, from: data)
        return RenderedPage(width: Int(raw.width), height: Int(raw.height), elements: raw.elements, screenshot: nil)
    }

    /// Closes the browser and removes the scratch directory.
    public func close() async {
        await session.close()
        try? FileManager.default.removeItem(at: scratch)
    }
}
