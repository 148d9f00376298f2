import Foundation
import HTTPTypes
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore
import NIOCore

/// `POST /dms/{tenant}/stamp`: the DMS's one-time setup, called by the DMS's stamp with the form parameters
/// `atoken`, `docid`, `username`, `password` and `secret` (the tenant's stamp secret key from the archive
/// settings). The hub logs in to the tenant's DMS sink once with the user's name and password, creates the folders
/// and document attributes the archive needs, stores only the API token it obtained (sealed) and answers `1` as
/// `text/plain`; a wrong secret key, a tenant without a DMS sink or a refused login answer a problem. The password
/// is never stored nor logged.
struct DMSStampRoutes {
    let tenants: TenantStore
    let archive: ArchiveStore
    let sinks: any ArchiveSinkFactory
    let activity: ActivityLog

    func register(on router: Router<HubRequestContext>) {
        router.post("dms/:tenant/stamp") { request, context in
            let id = TenantID(try context.parameters.require("tenant"))
            let body = try await JSONBody.collect(request, upTo: 64 << 10)
            let form = ConsoleForm(body: String(buffer: body))
            guard let secret = form.rawValue("secret"), !secret.isEmpty,
                try await tenants.tenant(id) != nil, try await archive.isStampSecret(secret, of: id)
            else {
                throw HubProblem.forbidden("the secret key is not this tenant's stamp secret key")
            }
            var errors: [HubProblem.FieldError] = []
            let username = form.value("username")
            let password = form.rawValue("password")
            if username == nil { errors.append(.init(pointer: "#/username", detail: "is required")) }
            if (password ?? "").isEmpty { errors.append(.init(pointer: "#/password", detail: "is required")) }
            guard errors.isEmpty, let username, let password else { throw HubProblem.validation(errors) }
            guard let sink = try await archive.settings(of: id)?.sinks.first(where: { $0.type == .dms }) else {
                throw HubProblem.conflict("the tenant's archive has no DMS sink; add one in the archive settings")
            }
            let token: String
            do {
                token = try await sinks.stamp(sink, of: id, username: username, password: password)
            } catch let error as ArchiveSinkError {
                try await activity.append(id, kind: "archive.stamp-failed", message: "the DMS stamp failed: \(error)")
                throw error.code == .accessDenied
                    ? HubProblem.forbidden("the DMS refused the login: \(error.detail)")
                    : HubProblem(
                        status: .badGateway,
                        code: "dms-error",
                        title: "The DMS could not be set up",
                        detail: error.detail
                    )
            }
            try await archive.setDMSToken(token, of: id)
            try await activity.append(
                id,
                kind: "archive.stamp",
                message: "the DMS stamp set up the archive's DMS sink"
                    + (form.value("docid").map { " (stamp document \($0))" } ?? "")
            )
            var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "1")))
            response.headers[.contentType] = "text/plain; charset=utf-8"
            return response
        }
    }
}
