import DesignCompare
import Foundation
import Media
import OCR
import ScreenCore

/// `mockup2code diff DESIGN PAGE`: what to compare and where to write the results.
public struct DiffRequest: Sendable {
    public var design: String
    /// An HTML file, an address (`http://`, `https://`, `file://`), or a screenshot (PNG, JPEG…).
    public var page: String
    /// Where to write the JSON report / the annotated side-by-side PNG, if anywhere.
    public var json: String?
    public var picture: String?
    public var options: MockupOptions
    public init(design: String, page: String, json: String? = nil, picture: String? = nil, options: MockupOptions = MockupOptions()) {
        self.design = design; self.page = page; self.json = json; self.picture = picture; self.options = options
    }
}

/// Errors only `diff` meets.
public enum DiffError: Error, Sendable, CustomStringConvertible {
    /// An HTML page or address needs Chromium, which did not start.
    case noBrowser(page: String, reason: String)
    case renderFailed(page: String, reason: String)
    public var description: String {
        switch self {
        case .noBrowser(let p, let r): "\(p): rendering the page needs Chromium and chromedriver: \(r)"
        case .renderFailed(let p, let r): "\(p): the page could not be rendered: \(r)"
        }
    }
}

extension Mockup2Code {
    /// Whether `page` names an address rather than a file.
    static func isAddress(_ page: String) -> Bool {
        ["http://", "https://", "file://"].contains { page.lowercased().hasPrefix($0) }
    }

    /// Compares a design with a page: the design is analysed (regions, OCR) into elements; an
    /// HTML page or address is rendered at the design's width in headless Chromium and read from
    /// its DOM and screenshot; a screenshot is analysed like the design. Elements are matched by
    /// text and geometry; the report lists per element what moved, resized, changed colour or
    /// font size, with CSS fixes naming a selector for HTML pages, plus missing and extra elements.
    public static func diff(_ req: DiffRequest, reader: (any MockupTextReader)? = nil) async throws -> DiffReport {
        let design = try loadDesign(path: req.design)
        let pool = reader ?? TextReaderPool(size: ProcessInfo.processInfo.activeProcessorCount)
        let designDoc = await analyse(design, reader: pool, options: req.options).document
        let designElements = DiffElements.from(document: designDoc, image: design)

        var pageImage: Image
        var pageElements: [DiffElement]
        let fm = FileManager.default
        if !isAddress(req.page) {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: req.page, isDirectory: &isDir), !isDir.boolValue else { throw InputError.notFound(path: req.page) }
            guard fm.isReadableFile(atPath: req.page) else { throw InputError.notReadable(path: req.page, reason: "permission denied") }
        }
        if !isAddress(req.page), let head = FileHandle(forReadingAtPath: req.page)?.readData(ofLength: 16), looksLikeImage(head) {
            pageImage = try loadDesign(path: req.page)
            let pageDoc = await analyse(pageImage, reader: pool, options: req.options).document
            pageElements = DiffElements.from(document: pageDoc, image: pageImage)
        } else {
            let url = isAddress(req.page) ? req.page : URL(fileURLWithPath: req.page).standardizedFileURL.absoluteString
            let renderer: PageRenderer
            do { renderer = try await PageRenderer.start(width: design.width, viewportHeight: min(design.height, 4096)) }
            catch { throw DiffError.noBrowser(page: req.page, reason: "\(error)") }
            do {
                let page = try await renderer.render(url: url, expectedHeight: design.height)
                await renderer.close()
                guard let shot = page.screenshot else { throw DiffError.renderFailed(page: req.page, reason: "no screenshot") }
                pageImage = shot
                pageElements = DiffElements.from(page: page)
            } catch let e as DiffError {
                throw e
            } catch {
                await renderer.close()
                throw DiffError.renderFailed(page: req.page, reason: "\(error)")
            }
        }
        if ProcessInfo.processInfo.environment["MOCKUP_DEBUG"] != nil {
            func show(_ side: String, _ es: [DiffElement]) {
                for e in es {
                    let b = e.box
                    FileHandle.standardError.write(Data("diff \(side) \(e.kind.rawValue)\(e.outlined == true ? " outlined" : "") \(Int(b.x)),\(Int(b.y)) \(Int(b.width))×\(Int(b.height)) \(e.color?.hex ?? "-") \(e.text.map { "\"\($0)\"" } ?? "")\n".utf8))
                }
            }
            show("design", designElements); show("page", pageElements)
        }
        let differences = DesignDiff.compare(design: designElements, page: pageElements,
                                             designImage: design, pageImage: pageImage)
        let report = DiffReport(design: req.design, page: req.page, width: design.width,
                                designElements: designElements.count, pageElements: pageElements.count,
                                matched: designElements.count - differences.count(where: { $0.status == .missing }),
                                visualSimilarity: (Pixels.visualSimilarity(design, pageImage) * 10000).rounded() / 10000,
                                differences: differences)
        if let path = req.json { try write(try json(report), to: path) }
        if let path = req.picture {
            let img = DiffPicture.draw(design: design, page: pageImage, differences: differences)
            do { try PNG.write(img, to: path) }
            catch { throw MockupError.cannotWrite(path: path, reason: "\(error)") }
        }
        return report
    }

    /// PNG, JPEG, GIF, WebP or BMP magic numbers.
    static func looksLikeImage(_ d: Data) -> Bool {
        let b = [UInt8](d)
        if PNG.looksLikePNG(d) { return true }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) || b.starts(with: Array("GIF8".utf8)) || b.starts(with: Array("BM".utf8)) { return true }
        return b.count >= 12 && b.starts(with: Array("RIFF".utf8)) && Array(b[8..<12]) == Array("WEBP".utf8)
    }

    /// The report as lines a person reads.
    public static func summary(_ r: DiffReport) -> [String] {
        var lines = [String(format: "%@ vs %@: %d design elements, %d page elements, %d matched, visual similarity %.3f, %d differences",
                            r.design, r.page, r.designElements, r.pageElements, r.matched, r.visualSimilarity, r.differences.count)]
        func q(_ s: String?) -> String {
            guard let s else { return "(block)" }
            return "\"" + (s.count > 40 ? String(s.prefix(40)) + "…" : s) + "\""
        }
        func num(_ v: Double?) -> String { v.map { String(format: "%+.0f", $0) } ?? "?" }
        for d in r.differences {
            switch d.status {
            case .changed:
                var parts: [String] = []
                if d.aspects.contains("position") { parts.append("moved \(num(d.dx)),\(num(d.dy)) px") }
                if d.aspects.contains("size") { parts.append("size \(num(d.dWidth))×\(num(d.dHeight)) px") }
                if d.aspects.contains("font-size"), let f = d.fontSize, let w = d.designFontSize {
                    parts.append(String(format: "font %.1f px (design %.1f px)", f, w))
                }
                if d.aspects.contains("color") { parts.append("colour \(d.pageColor ?? "?") (design \(d.designColor ?? "?"), ΔE \(d.colorDeltaE.map { String(format: "%.1f", $0) } ?? "?"))") }
                lines.append("changed \(d.kind.rawValue) \(q(d.text))\(d.selector.map { " [\($0)]" } ?? ""): " + parts.joined(separator: "; "))
                lines += d.fixes.map { "  fix: \($0.css)" }
            case .missing:
                let b = d.designBox.map { "\(Int($0.x)),\(Int($0.y)) \(Int($0.width))×\(Int($0.height))" } ?? ""
                lines.append("missing \(d.kind.rawValue) \(q(d.text)) at \(b) on the design")
            case .extra:
                let b = d.pageBox.map { "\(Int($0.x)),\(Int($0.y)) \(Int($0.width))×\(Int($0.height))" } ?? ""
                lines.append("extra \(d.kind.rawValue) \(q(d.text))\(d.selector.map { " [\($0)]" } ?? "") at \(b) on the page")
            }
        }
        return lines
    }
}
