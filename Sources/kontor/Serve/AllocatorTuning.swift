#if canImport(Glibc)
import Glibc
#endif

/// Tunes glibc's allocator for a long-running server, as `kontor serve` starts.
///
/// By default glibc hands freed memory at the top of a heap back to the system once more than 128 KiB are free
/// there (threads' heaps with `madvise`), and takes it back on the next allocations with page faults. Under `PUT`
/// load the SQLite writer thread spent ~13 % of its time in `madvise`, page faults and the TLB shootdowns they
/// cause on the other core (measured with `perf` in `KontorBench hub`). Keeping up to 256 MiB of free memory and
/// growing a heap by 32 MiB at a time removes that churn; the memory is used again by the next requests, and the
/// idle footprint is unchanged (pages count only once touched). A fixed trim threshold also fixes glibc's mmap
/// threshold, which it would otherwise raise as large blocks are freed: it is set to 32 MiB (the most glibc's own
/// adjustment reaches), so that large buffers (PDFs, bulk responses) are not mapped and unmapped each time. Settings the operator made (`GLIBC_TUNABLES` with
/// `glibc.malloc.*`, `MALLOC_TRIM_THRESHOLD_`, `MALLOC_TOP_PAD_`, `MALLOC_MMAP_THRESHOLD_`) are left alone.
enum AllocatorTuning {
    /// `mallopt`'s parameter numbers (glibc's `malloc.h`, which Swift's Glibc module does not include).
    private static let trimThreshold: Int32 = -1
    private static let topPad: Int32 = -2
    private static let mmapThreshold: Int32 = -3

    /// Applies the settings; does nothing on other C libraries or when the environment sets the allocator up.
    /// - Returns: Whether the settings were applied.
    @discardableResult
    static func apply(environment: [String: String]) -> Bool {
        #if canImport(Glibc)
        let operatorTuned =
            environment["GLIBC_TUNABLES"]?.contains("glibc.malloc.") == true
            || ["MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_THRESHOLD_"].contains {
                environment[$0] != nil
            }
        guard !operatorTuned, let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        // mallopt answers 1 on success.
        return mallopt(trimThreshold, 256 << 20) == 1 && mallopt(topPad, 32 << 20) == 1
            && mallopt(mmapThreshold, 32 << 20) == 1
        #else
        return false
        #endif
    }
}
