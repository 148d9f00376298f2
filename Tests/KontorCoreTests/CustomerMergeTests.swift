import KontorCore
import Testing

/// The three-way merge of the customer sync: member by member against the last agreed state.
@Suite("Customer merge")
struct CustomerMergeTests {
    private static let base = CanonicalCustomerTests.complete

    @Test("a member only one side changed takes that side's value; no conflicts")
    func oneSideEach() {
        var source = Self.base
        source.emails?.office = "neu@radtat.example"
        var lexoffice = Self.base
        lexoffice.company?.name = "Rad & Tat AG"
        lexoffice.customerNumber = "10001"
        let merge = CustomerMerge(base: Self.base, source: source, lexoffice: lexoffice, winner: .lexoffice)
        #expect(merge.conflicts.isEmpty)
        #expect(merge.merged.emails?.office == "neu@radtat.example")
        #expect(merge.merged.company?.name == "Rad & Tat AG")
        #expect(merge.merged.customerNumber == "10001", "lexoffice's customer number always wins")
        #expect(merge.merged.note == "Stammkunde")
    }

    @Test("a member removed on one side is removed; both changed alike is no conflict")
    func removalsAndAlike() {
        var source = Self.base
        source.shippingAddress = nil
        source.note = "VIP"
        var lexoffice = Self.base
        lexoffice.note = "VIP"
        let merge = CustomerMerge(base: Self.base, source: source, lexoffice: lexoffice, winner: .source)
        #expect(merge.conflicts.isEmpty)
        #expect(merge.merged.shippingAddress == nil)
        #expect(merge.merged.note == "VIP")
    }

    @Test(
        "both changed differently: a conflict with both values, the winner's value kept",
        arguments: CustomerSide.allCases
    )
    func conflict(winner: CustomerSide) {
        var source = Self.base
        source.phones?.mobile = "+49 170 9"
        var lexoffice = Self.base
        lexoffice.phones?.mobile = "+49 171 8"
        let merge = CustomerMerge(base: Self.base, source: source, lexoffice: lexoffice, winner: winner)
        #expect(
            merge.conflicts == [
                CustomerFieldConflict(
                    pointer: "#/phones/mobile",
                    sourceValue: "\"+49 170 9\"",
                    lexofficeValue: "\"+49 171 8\"",
                    kept: winner
                )
            ]
        )
        #expect(merge.merged.phones?.mobile == (winner == .source ? "+49 170 9" : "+49 171 8"))
        #expect(merge.merged.phones?.business == "+49 30 1")
    }

    @Test("a company turned into a person on one side while the other edited the company")
    func structuralConflict() {
        var source = Self.base
        source.company = nil
        source.person = SourcePerson(firstName: "Inge", lastName: "Sommer")
        var lexoffice = Self.base
        lexoffice.company?.taxNumber = "11/111/11111"
        lexoffice.customerNumber = "10001"
        // The source wins: its person, the edited tax number a conflict it lost.
        let sourceWins = CustomerMerge(base: Self.base, source: source, lexoffice: lexoffice, winner: .source)
        #expect(sourceWins.conflicts.map(\.pointer) == ["#/company/taxNumber"])
        var expected = source
        expected.customerNumber = "10001"
        #expect(sourceWins.merged == expected)
        // lexoffice wins: member by member that would be a company without a name and a person; the whole contact.
        let lexofficeWins = CustomerMerge(base: Self.base, source: source, lexoffice: lexoffice, winner: .lexoffice)
        #expect(lexofficeWins.conflicts.map(\.pointer) == ["#"])
        #expect(lexofficeWins.merged == lexoffice)
    }

    @Test("without a base: a member only one side has is taken, differing ones are conflicts")
    func noBase() {
        var source = Self.base
        source.note = nil
        var lexoffice = Self.base
        lexoffice.shippingAddress = nil
        lexoffice.emails?.business = "anders@radtat.example"
        let merge = CustomerMerge(base: nil, source: source, lexoffice: lexoffice, winner: .lexoffice)
        #expect(merge.conflicts.map(\.pointer) == ["#/emails/business"])
        #expect(merge.merged.note == "Stammkunde")
        #expect(merge.merged.shippingAddress == Self.base.shippingAddress)
        #expect(merge.merged.emails?.business == "anders@radtat.example")
    }
}
