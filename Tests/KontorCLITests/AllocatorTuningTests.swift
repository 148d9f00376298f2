import Testing

@testable import kontor

/// `kontor serve` tunes glibc's allocator unless the operator did (the effect is measured by `KontorBench hub`).
struct AllocatorTuningTests {
    @Test("the settings apply on glibc, and settings made in the environment are left alone")
    func appliesUnlessOperatorTuned() {
        #if canImport(Glibc)
        #expect(AllocatorTuning.apply(environment: [:]))
        #expect(AllocatorTuning.apply(environment: ["GLIBC_TUNABLES": "glibc.pthread.rseq=0"]))
        #else
        #expect(!AllocatorTuning.apply(environment: [:]), "only glibc is tuned")
        #endif
        #expect(!AllocatorTuning.apply(environment: ["GLIBC_TUNABLES": "glibc.malloc.trim_threshold=1048576"]))
        #expect(!AllocatorTuning.apply(environment: ["MALLOC_TRIM_THRESHOLD_": "1048576"]))
        #expect(!AllocatorTuning.apply(environment: ["MALLOC_TOP_PAD_": "0"]))
        #expect(!AllocatorTuning.apply(environment: ["MALLOC_MMAP_THRESHOLD_": "131072"]))
    }
}
