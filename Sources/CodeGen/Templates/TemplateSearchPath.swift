import Foundation

/// The ordered list of directories templates are looked up in: the `--templates` override, then
/// beside the executable, then the source tree this module was built from.
///
/// `templates/` lives outside every target (SwiftPM would otherwise bundle it as a resource that the
/// release build cannot find once copied elsewhere), so it is located at run time.
struct TemplateSearchPath: Sendable {
    let directories: [String]

    /// - Throws: `CodeGenError.templatesDirectoryNotFound` when `override` is not a directory.
    /// This file's path at build time (a `#filePath` default argument would be the caller's).
    static let thisFile: String = #filePath

    init(override: String?, executablePaths: [String] = Self.executablePaths(), sourceFile: String = Self.thisFile) throws {
        var dirs: [String] = []
        if let override {
            guard Self.isDirectory(override) else { throw CodeGenError.templatesDirectoryNotFound(path: override) }
            dirs.append(override)
        }
        for exe in executablePaths {
            let exeDir = URL(fileURLWithPath: exe).deletingLastPathComponent()
            dirs.append(exeDir.appendingPathComponent("templates").path)
            dirs.append(exeDir.appendingPathComponent("../share/screenwright/templates").standardized.path)
            // `.build/release/vid2auto` (a symlinked directory) and `.build/<triple>/release/vid2auto`:
            // the repository is the parent of the first `.build*` component.
            dirs.append(exeDir.appendingPathComponent("../../templates").standardized.path)
            let parts = exeDir.standardized.pathComponents
            if let i = parts.firstIndex(where: { $0.hasPrefix(".build") }), i > 0 {
                dirs.append(NSString.path(withComponents: Array(parts[..<i]) + ["templates"]))
            }
        }
        // Sources/CodeGen/Templates/TemplateSearchPath.swift → repository root.
        let root = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        dirs.append(root.appendingPathComponent("templates").path)

        var seen = Set<String>()
        directories = dirs.filter { seen.insert($0).inserted && Self.isDirectory($0) }
    }

    /// The first existing file `name` in the search directories.
    func locate(_ name: String) -> String? {
        for dir in directories {
            let path = (dir as NSString).appendingPathComponent(name)
            if FileManager.default.isReadableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The running executable as invoked (`argv[0]`, made absolute) and with symlinks resolved.
    static func executablePaths() -> [String] {
        var paths: [String] = []
        if let first = CommandLine.arguments.first, first.contains("/") {
            let abs = first.hasPrefix("/") ? first
                : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(first)
            paths.append(URL(fileURLWithPath: abs).standardized.path)
        }
        if let url = Bundle.main.executableURL { paths.append(url.path) }
        if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { paths.append(real) }
        return paths
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
