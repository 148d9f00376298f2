/// The columns of a voucherlist listing (`vouchers list`, `vouchers search`).
enum VoucherListColumns {
    static let all = [
        TableColumn("Type", "voucherType"), TableColumn("Status", "voucherStatus"),
        TableColumn("Number", "voucherNumber"), TableColumn.date("Date", "voucherDate"),
        TableColumn("Contact", "contactName"), TableColumn("Total", "totalAmount"), TableColumn("Open", "openAmount"),
        TableColumn("ID", "id"),
    ]
}
