import Foundation
import TestSupport
import XCTest

/// Runs generated scripts against the recording fakes (`FakeBrowserSources`) and returns the calls
/// they made, failing with the tool's output when a script does not compile or run.
enum ScriptRunner {
    struct Call {
        var path: String
        /// Every string among the positional and keyword arguments, nested ones included.
        var strings: [String]
    }

    static func available(_ tool: String) -> Bool {
        (try? Shell.run("which", [tool]).status) == 0
    }

    /// `python3 -m py_compile`, then the script under the fakes.
    static func python(_ source: String, environment: [String: String], in dir: TempDir) throws -> [Call] {
        try write(FakeBrowserSources.python, dir.file("fakes.py"))
        let script = dir.file("script.py")
        try write(source, script)
        let compile = try Shell.run("python3", ["-m", "py_compile", script], timeout: 30)
        guard compile.status == 0 else { throw Failure("py_compile failed:\n\(compile.stderr)") }
        let out = dir.file("python-calls.json")
        let run = try Shell.run("python3", ["-c", "import sys; sys.path.insert(0, sys.argv[1]); import fakes, runpy; "
                                            + "runpy.run_path(sys.argv[2], run_name='__main__')", dir.path, script],
                                environment: environment.merging(["RECORD_OUT": out, "PYTHONPATH": ""]) { $1 },
                                timeout: 30)
        guard run.status == 0 else { throw Failure("python3 failed (\(run.status)):\n\(run.stderr)") }
        return try calls(out)
    }

    /// `node --check`, then the spec under a fake `@playwright/test`. The TypeScript we write has no
    /// type annotations, so it runs as an ES module as is.
    static func node(_ source: String, environment: [String: String], in dir: TempDir) throws -> [Call] {
        let pkg = dir.file("node_modules/@playwright/test")
        try FileManager.default.createDirectory(atPath: pkg, withIntermediateDirectories: true)
        try write(FakeBrowserSources.nodeModule, pkg + "/index.js")
        try write(FakeBrowserSources.nodePackage, pkg + "/package.json")
        let spec = dir.file("spec.mjs")
        try write(source, spec)
        let check = try Shell.run("node", ["--check", spec], timeout: 30)
        guard check.status == 0 else { throw Failure("node --check failed:\n\(check.stderr)") }
        let out = dir.file("node-calls.json")
        let run = try Shell.run("node", [spec], environment: environment.merging(["RECORD_OUT": out]) { $1 }, timeout: 30)
        guard run.status == 0 else { throw Failure("node failed (\(run.status)):\n\(run.stderr)") }
        return try calls(out)
    }

    /// `javac` against the stubs (all classes in one compilation), then each test class through
    /// `RunRecorded`; the calls of each class, in order.
    static func java(_ sources: [(className: String, source: String)], environment: [String: String],
                     in dir: TempDir) throws -> [[Call]] {
        var files: [String] = []
        for (path, text) in FakeBrowserSources.java {
            let full = dir.file("src/" + path)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try write(text, full)
            files.append(full)
        }
        for (className, source) in sources {
            let generated = dir.file("src/\(className).java")
            try write(source, generated)
            files.append(generated)
        }
        let classes = dir.file("classes")
        let compile = try Shell.run("javac", ["-encoding", "UTF-8", "-proc:none", "-Xlint:none", "-d", classes] + files,
                                    timeout: 120)
        guard compile.status == 0 else { throw Failure("javac failed:\n\(compile.stderr)") }
        return try sources.map { className, _ in
            let out = dir.file("java-calls-\(className).json")
            let run = try Shell.run("java", ["-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classes, "RunRecorded", className],
                                    environment: environment.merging(["RECORD_OUT": out]) { $1 }, timeout: 60)
            guard run.status == 0 else { throw Failure("java \(className) failed (\(run.status)):\n\(run.stderr)") }
            return try calls(out)
        }
    }

    static func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func calls(_ path: String) throws -> [Call] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw Failure("\(path): not a list of calls")
        }
        return list.map { c in
            var strings: [String] = []
            collect(c["args"], into: &strings)
            collect(c["kwargs"], into: &strings)
            return Call(path: c["path"] as? String ?? "?", strings: strings)
        }
    }

    private static func collect(_ v: Any?, into out: inout [String]) {
        switch v {
        case let s as String: out.append(s)
        case let a as [Any]: a.forEach { collect($0, into: &out) }
        case let d as [String: Any]: d.keys.sorted().forEach { collect(d[$0], into: &out) }
        default: break
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
