import Foundation
import Mustache

/// Loads one target's template and the partials it names (recursively) into a `MustacheLibrary`,
/// turning every failure into a `CodeGenError` that names the file.
///
/// Only the files a render needs are parsed, so a broken template for one target (or another
/// engineer's `mockup-*` templates) never stops the others.
struct TemplateLoader: Sendable {
    let searchPath: TemplateSearchPath
    static let fileExtension = "mustache"

    /// The library holding `name` and its partials, and the name to render.
    func library(for name: String) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        var pending = [name]
        var loaded = Set<String>()
        while let next = pending.popLast() {
            guard loaded.insert(next).inserted else { continue }
            let (template, text) = try load(next)
            library.register(template, named: next)
            pending.append(contentsOf: Self.partialNames(in: text).filter { !loaded.contains($0) })
        }
        return library
    }

    private func load(_ name: String) throws -> (MustacheTemplate, String) {
        let file = "\(name).\(Self.fileExtension)"
        guard let path = searchPath.locate(file) else {
            throw CodeGenError.templateNotFound(file: file, searched: searchPath.directories)
        }
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let s = String(data: data, encoding: .utf8) else {
                throw CodeGenError.templateUnreadable(path: path, reason: "not UTF-8")
            }
            text = s
        } catch let error as CodeGenError {
            throw error
        } catch {
            throw CodeGenError.templateUnreadable(path: path, reason: error.localizedDescription)
        }
        do {
            return (try MustacheTemplate(string: text), text)
        } catch let error as MustacheTemplate.ParserError {
            throw CodeGenError.templateSyntax(path: path, line: error.context.lineNumber,
                                              column: error.context.columnNumber, reason: "\(error.error)")
        } catch {
            throw CodeGenError.templateSyntax(path: path, line: 0, column: 0, reason: "\(error)")
        }
    }

    /// Names used in `{{> name}}` and `{{< name}}` tags (default delimiters only).
    static func partialNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let first = rest.first, first == ">" || first == "<" else { continue }
            guard let close = rest.range(of: "}}") else { break }
            let name = rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }
}
