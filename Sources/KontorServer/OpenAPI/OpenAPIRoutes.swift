import Hummingbird
import NIOCore

/// `GET /openapi.yaml`: the OpenAPI 3.1 description of the hub's HTTP interface, without authentication.
///
/// The document is `Resources/openapi.yaml`, written by hand and embedded in the binary at build time
/// (`.embedInCode` in `Package.swift`), so `kontor serve` needs no resource bundle next to it.
/// `OpenAPIDocumentTests` checks that it lists exactly the routes the router registers.
struct OpenAPIRoutes {
    func register(on router: Router<HubRequestContext>) {
        router.get("openapi.yaml") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/yaml", .cacheControl: "no-cache"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: PackageResources.openapi_yaml))
            )
        }
    }
}
