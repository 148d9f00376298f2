import Foundation

/// Writes `line` to standard output at once (unbuffered), so that the figures of a long suite appear while it runs,
/// also when the output goes to a file.
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
