/// How a document ended up in lexoffice, recorded with it when it is `forwarded`.
package struct ForwardingOutcome: Sendable, Equatable {
    /// The bookkeeping voucher (built by Kontor, or created by lexoffice for an upload).
    package var voucherID: String?
    /// The lexoffice file of the original.
    package var fileID: String?
    /// How it was forwarded, for people: e.g. why an e-invoice went up as a plain file.
    package var note: String?

    /// An outcome.
    package init(voucherID: String?, fileID: String?, note: String?) {
        self.voucherID = voucherID
        self.fileID = fileID
        self.note = note
    }
}
