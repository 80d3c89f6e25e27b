@testable import CodeGen
import ScreenCore
import TestSupport
import Foundation
import XCTest

/// Where templates come from, and errors that name the file.
final class TemplateLookupTests: XCTestCase {
    let timeline = SampleTimelines.todoList

    func testShippedTemplatesAreFoundInTheSourceTree() throws {
        let renderer = try ScriptRenderer(options: RenderOptions())
        XCTAssertTrue(renderer.templateDirectories.contains { $0.hasSuffix("/templates") })
        for target in ScriptTarget.allCases { XCTAssertFalse(try renderer.render(timeline, target: target).text.isEmpty) }
    }

    func testOverrideDirectoryComesFirstAndFallsBackPerFile() throws {
        let dir = TempDir("cg-templates")
        try "{{% CONTENT_TYPE: TEXT}}\nCUSTOM {{title}} {{> part}}\n".write(toFile: dir.file("steps.mustache"), atomically: true,
                                                                     encoding: .utf8)
        try "{{% CONTENT_TYPE: TEXT}}<{{title}}>".write(toFile: dir.file("part.mustache"), atomically: true, encoding: .utf8)
        let renderer = try ScriptRenderer(options: RenderOptions(templatesDirectory: dir.path))
        XCTAssertEqual(renderer.templateDirectories.first, dir.path)
        XCTAssertEqual(try renderer.render(timeline, target: .steps).text, "CUSTOM todo-add-items <todo-add-items>\n")
        XCTAssertTrue(try renderer.render(timeline, target: .playwrightPython).text.contains("sync_playwright"))
    }

    func testMissingOverrideDirectoryIsAnError() {
        XCTAssertThrowsError(try ScriptRenderer(options: RenderOptions(templatesDirectory: "/nonexistent/templates"))) {
            XCTAssertEqual($0 as? CodeGenError, .templatesDirectoryNotFound(path: "/nonexistent/templates"))
            XCTAssertEqual("\($0)", "/nonexistent/templates: templates directory not found")
        }
    }

    func testSyntaxErrorNamesTheFileAndLine() throws {
        let dir = TempDir("cg-templates")
        try "{{% CONTENT_TYPE: TEXT}}\nline two\n{{#steps}}unclosed\n".write(toFile: dir.file("selenium-java.mustache"),
                                                                           atomically: true, encoding: .utf8)
        let renderer = try ScriptRenderer(options: RenderOptions(templatesDirectory: dir.path))
        XCTAssertThrowsError(try renderer.render(timeline, target: .seleniumJava)) { error in
            guard case .templateSyntax(let path, _, _, _)? = error as? CodeGenError else {
                return XCTFail("expected a syntax error, got \(error)")
            }
            XCTAssertEqual(path, dir.file("selenium-java.mustache"))
            XCTAssertTrue("\(error)".hasPrefix(dir.file("selenium-java.mustache") + ":"), "\(error)")
            XCTAssertFalse("\(error)".contains("\n"))
        }
    }

    func testMissingTemplateNamesTheFile() throws {
        let dir = TempDir("cg-templates")
        let loader = TemplateLoader(searchPath: try TemplateSearchPath(override: dir.path, executablePaths: [],
                                                                       sourceFile: "/nowhere/a/b/c/d.swift"))
        XCTAssertThrowsError(try loader.library(for: "steps")) { error in
            XCTAssertEqual(error as? CodeGenError, .templateNotFound(file: "steps.mustache", searched: [dir.path]))
        }
        try "{{> missing-partial}}".write(toFile: dir.file("steps.mustache"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try loader.library(for: "steps")) { error in
            XCTAssertEqual(error as? CodeGenError, .templateNotFound(file: "missing-partial.mustache", searched: [dir.path]))
        }
    }

    func testTemplatesBesideABuildDirectoryExecutableAreFound() throws {
        let repo = TempDir("cg-repo")
        try FileManager.default.createDirectory(atPath: repo.file("templates"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: repo.file(".build/x86_64-unknown-linux-gnu/release"),
                                                withIntermediateDirectories: true)
        let path = try TemplateSearchPath(override: nil,
                                          executablePaths: [repo.file(".build/x86_64-unknown-linux-gnu/release/vid2auto")],
                                          sourceFile: "/nowhere/a/b/c/d.swift")
        XCTAssertEqual(path.directories, [repo.file("templates")])
    }

    func testTheSourceTreeIsFoundForAnExecutableCopiedElsewhere() throws {
        // A binary copied out of the build directory still finds the repository's templates.
        let path = try TemplateSearchPath(override: nil, executablePaths: ["/nowhere/bin/vid2auto"])
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        XCTAssertEqual(path.directories, [repo.appendingPathComponent("templates").path])
    }

    func testPartialNamesAreFound() {
        XCTAssertEqual(TemplateLoader.partialNames(in: "a {{> one}} {{>two }} {{<three}} {{x}} {{{y}}}"), ["one", "two", "three"])
    }
}
