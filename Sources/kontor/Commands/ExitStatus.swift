/// The exit codes of `kontor`; scripts rely on them, so they never change meaning.
enum ExitStatus: Int32, Sendable {
    /// The command did what it was asked.
    case success = 0
    /// Any other failure (a local file could not be written, the sandbox did not start …).
    case failure = 1
    /// The command line was wrong, or input was rejected before anything was sent.
    case usage = 2
    /// lexoffice answered with an error (its message and trace id are printed).
    case lexoffice = 3
    /// lexoffice could not be reached, or the connection broke.
    case network = 4
}
