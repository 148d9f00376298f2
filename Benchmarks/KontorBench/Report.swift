import Foundation

/// Writes `line` to standard output at once (unbuffered), so that the figures of a long suite appear while it runs,
/// also when the output goes to a file.
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// How this benchmark (and the `kontor` binary beside it, which the process benchmarks start) was built: `release`
/// or `debug`; the headers say which, so a debug figure is never taken for a release one.
#if DEBUG
let buildKind = "debug"
#else
let buildKind = "release"
#endif
