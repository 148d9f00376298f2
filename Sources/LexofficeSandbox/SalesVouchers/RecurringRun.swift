import Foundation
import HashTreeCollections
import LexofficeKit

/// One run of a recurring template, as lexoffice's nightly job does it: an invoice dated the template's
/// `nextExecutionDate` carrying `recurringTemplateId`, then the schedule moves on by the interval.
enum RecurringRun {
    /// Generates the due invoice of template `id` and advances its schedule (`ENDED` after `endDate`).
    /// - Throws: 404 for an unknown template; 409 when it is not active; 406 when the invoice is invalid.
    static func run(
        _ id: LexofficeID,
        in organization: inout Organization,
        now: LexofficeDateTime
    ) throws -> LexofficeID {
        var template = try organization.recurringTemplates[id].orThrow(.notFound("Recurring template"))
        guard var settings = template.recurringTemplateSettings, settings.executionStatus == .active,
            let day = settings.nextExecutionDate
        else { throw SandboxProblem.conflict("The recurring template is not active.") }
        let interval = settings.executionInterval ?? .monthly
        let next = advance(day, by: interval)
        var invoice = Invoice(
            voucherDate: LexofficeDateTime(localMidnightOf: day),
            address: template.address.contactId.map { SalesVoucherAddress(contactId: $0) } ?? template.address,
            lineItems: template.lineItems,
            totalPrice: TotalPrice(currency: template.totalPrice.currency),
            taxConditions: template.taxConditions,
            shippingConditions: shipping(settings.shippingType ?? .noShippingDate, from: day, to: next.adding(days: -1))
        )
        invoice.language = template.language
        invoice.paymentConditions = template.paymentConditions
        invoice.title = template.title
        invoice.introduction = template.introduction
        invoice.remark = template.remark
        let failures = SalesVoucherValidation(kind: .invoice, organization: organization).failures(in: invoice)
        guard failures.isEmpty else { throw SandboxProblem.validation(failures) }
        let invoiceID = try SalesVoucherBuilder(now: now).create(
            invoice,
            finalize: settings.finalize ?? false,
            predecessorID: nil,
            in: &organization
        )
        if var record = organization.salesVouchers[invoiceID], case .invoice(var generated) = record.document {
            generated.recurringTemplateId = id
            record.document = .invoice(generated)
            organization.salesVouchers[invoiceID] = record
        }
        if let end = settings.endDate, next > end {
            settings.nextExecutionDate = nil
            settings.executionStatus = .ended
        } else {
            settings.nextExecutionDate = next
        }
        settings.lastExecutionFailed = false
        template.recurringTemplateSettings = settings
        template.updatedDate = now
        template.version = (template.version ?? 1) + 1
        organization.recurringTemplates[id] = template
        organization.emit(.recurringTemplateChanged, id, at: now)
        return invoiceID
    }

    /// The shipping conditions of a run: the run day, or the period up to the day before the next run.
    private static func shipping(_ type: ShippingType, from start: PlainDate, to end: PlainDate) -> ShippingConditions {
        let startDate = LexofficeDateTime(localMidnightOf: start)
        switch type {
        case .service, .delivery:
            return ShippingConditions(shippingType: type, shippingDate: startDate)
        case .servicePeriod, .deliveryPeriod:
            return ShippingConditions(
                shippingType: type,
                shippingDate: startDate,
                shippingEndDate: LexofficeDateTime(localMidnightOf: max(start, end))
            )
        default:
            return ShippingConditions(shippingType: .noShippingDate)
        }
    }

    /// `day` moved on by one interval; month steps keep the day of month where the month has it (31 → 30).
    static func advance(_ day: PlainDate, by interval: ExecutionInterval) -> PlainDate {
        let months: Int
        switch interval {
        case .weekly: return day.adding(days: 7)
        case .biweekly: return day.adding(days: 14)
        case .quarterly: months = 3
        case .biannually: months = 6
        case .annually: months = 12
        default: months = 1
        }
        let index = day.year * 12 + (day.month - 1) + months
        for candidate in stride(from: day.day, through: 1, by: -1) {
            if let date = try? PlainDate(year: index / 12, month: index % 12 + 1, day: candidate) { return date }
        }
        return day.adding(days: 28 * months)
    }
}
