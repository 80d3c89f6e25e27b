internal import CTesseract
import Foundation

/// Tesseract in Debian is built with OpenMP. Left alone, each recognition spreads over OpenMP
/// worker threads: every OCR call costs ~2× the CPU and a second engine adds nothing. The
/// engines want one thread each (one engine per core does the parallel work).
///
/// `OMP_THREAD_LIMIT=1` would do it, but libgomp reads it only when it loads, before `main`;
/// the commands used to re-exec themselves with it set, paying a second process start (~50 ms
/// of CPU, most of it the dynamic linker) on every run. Instead, every thread that calls into
/// Tesseract first sets OpenMP's max-active-levels to 0 for itself (`singleThreaded()`), so
/// no parallel region it enters is active: the same single-threaded recognition, no re-exec.
/// (libgomp keeps that setting per thread; setting it costs a thread-local lookup.)
public enum OpenMPGuard {
    /// Makes OpenMP parallel regions entered from the calling thread run on that thread alone.
    static func singleThreaded() {
        if omp_get_max_active_levels() != 0 { omp_set_max_active_levels(0) }
    }

    /// OpenMP's max-active-levels of the calling thread (0: its regions run on it alone).
    static var activeLevelsHere: Int { Int(omp_get_max_active_levels()) }

}
