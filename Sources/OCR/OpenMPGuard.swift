import Foundation

/// Tesseract in Debian is built with OpenMP, which reads `OMP_THREAD_LIMIT` when the library
/// loads — before `main` runs. Without `OMP_THREAD_LIMIT=1` every OCR call is ~2× slower and extra
/// engines add nothing, so the commands re-exec themselves once with it set (~70 ms).
public enum OpenMPGuard {
    /// Re-executes the current process with `OMP_THREAD_LIMIT=1` unless it is already set.
    /// Returns normally when nothing needs doing (or when re-exec is impossible).
    public static func reexecWithSingleThreadIfNeeded() {
        guard getenv("OMP_THREAD_LIMIT") == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        let args = CommandLine.arguments
        var cargs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) }
        cargs.append(nil)
        execv("/proc/self/exe", &cargs)
        // execv only returns on failure: carry on, just slower.
    }
}
