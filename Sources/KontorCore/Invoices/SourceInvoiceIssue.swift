/// One problem with a submitted invoice: where it is and what is wrong, for a 422 answer's field errors.
package struct SourceInvoiceIssue: Sendable, Equatable {
    /// A JSON pointer to the member, as a URI fragment: `#/lineItems/3/quantity`; `#` is the whole body.
    package var pointer: String
    /// What is wrong, for people, in English, starting lower-case after the member name: "must be greater than 0".
    /// Never contains the submitted value.
    package var detail: String

    /// An issue at `pointer`.
    package init(pointer: String, detail: String) {
        self.pointer = pointer
        self.detail = detail
    }
}
