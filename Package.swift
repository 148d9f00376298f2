// swift-tools-version: 6.2
import PackageDescription

/// Settings every Kontor target shares (STYLE.md §1).
let strictSettings: [SwiftSetting] = [
    .treatAllWarnings(as: .error),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Kontor",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "LexofficeKit", targets: ["LexofficeKit"]),
        .library(name: "LexofficeSandbox", targets: ["LexofficeSandbox"]),
        .library(name: "EInvoiceKit", targets: ["EInvoiceKit"]),
        .executable(name: "kontor", targets: ["kontor"]),
    ],
    // Exact versions, so that a fresh clone resolves the versions CI tested: `Package.resolved` cannot be
    // committed (the package mirror's commit ids differ from upstream's). Update a version on purpose, in its own
    // commit, after `swift package update` and a green CI run. The packages these depend on are bound by their
    // ranges only: declaring them here too would pin them, at the price of a "dependency is not used by any target"
    // warning on every build.
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-collections.git", exact: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", exact: "4.7.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", exact: "1.8.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", exact: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", exact: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", exact: "2.17.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-configuration.git", exact: "1.4.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
    ],
    targets: [
        .target(
            name: "LexofficeKit",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LexofficeSandbox",
            dependencies: [
                "LexofficeKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HashTreeCollections", package: "swift-collections"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KontorCore",
            dependencies: ["LexofficeKit", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KontorFlows",
            dependencies: [
                "KontorCore",
                "EInvoiceKit",
                "LexofficeKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KontorSinks",
            dependencies: [
                "KontorFlows",
                "KontorCore",
                "LexofficeKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .systemLibrary(name: "CSQLite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "EInvoiceKit", dependencies: ["CZlib"], swiftSettings: strictSettings),
        .target(
            name: "KontorSQLite",
            dependencies: [
                "CSQLite3",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KontorStore",
            dependencies: [
                "KontorCore",
                "KontorFlows",
                "KontorSQLite",
                "LexofficeKit",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KontorServer",
            dependencies: [
                "KontorStore",
                "KontorCore",
                "KontorFlows",
                "LexofficeKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [
                .embedInCode("Resources/openapi.yaml"),
                .embedInCode("Resources/ui/kontor.css"),
                .embedInCode("Resources/ui/icon.svg"),
                .embedInCode("Resources/ui/progress.js"),
                .embedInCode("Resources/ui/strings.de.json"),
                .embedInCode("Resources/ui/strings.en.json"),
                .embedInCode("Resources/ui/layout.mustache"),
                .embedInCode("Resources/ui/tenant-nav.mustache"),
                .embedInCode("Resources/ui/sign-in.mustache"),
                .embedInCode("Resources/ui/message.mustache"),
                .embedInCode("Resources/ui/confirm.mustache"),
                .embedInCode("Resources/ui/account.mustache"),
                .embedInCode("Resources/ui/tenants.mustache"),
                .embedInCode("Resources/ui/tenant.mustache"),
                .embedInCode("Resources/ui/invoices.mustache"),
                .embedInCode("Resources/ui/invoice.mustache"),
                .embedInCode("Resources/ui/export.mustache"),
                .embedInCode("Resources/ui/activity.mustache"),
                .embedInCode("Resources/ui/customers.mustache"),
                .embedInCode("Resources/ui/archive.mustache"),
                .embedInCode("Resources/ui/documents.mustache"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kontor",
            dependencies: [
                "KontorServer",
                "KontorSinks",
                "KontorStore",
                "KontorCore",
                "KontorFlows",
                "LexofficeKit",
                "LexofficeSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "KontorBench",
            dependencies: [
                "EInvoiceKit",
                "LexofficeKit",
                "LexofficeSandbox",
                "KontorCore",
                "KontorFlows",
                "KontorStore",
                "KontorSinks",
                "KontorTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Benchmarks/KontorBench",
            swiftSettings: strictSettings
        ),
        .target(
            name: "KontorTestSupport",
            dependencies: [
                "LexofficeKit",
                "KontorCore",
                "KontorStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KontorSinksTests",
            dependencies: [
                "KontorSinks",
                "KontorFlows",
                "KontorCore",
                "KontorTestSupport",
                "LexofficeKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EInvoiceKitTests",
            dependencies: ["EInvoiceKit", "CZlib"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KontorCoreTests",
            dependencies: ["KontorCore", "LexofficeKit", "KontorTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LexofficeKitTests",
            dependencies: [
                "LexofficeKit",
                "KontorTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LexofficeSandboxTests",
            dependencies: [
                "LexofficeSandbox",
                "LexofficeKit",
                "KontorTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "KontorQueueWorker",
            dependencies: [
                "KontorStore",
                "KontorCore",
                "KontorFlows",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            path: "Tests/KontorQueueWorker",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KontorStoreTests",
            dependencies: [
                "KontorStore",
                "KontorSQLite",
                "KontorCore",
                "KontorFlows",
                "KontorQueueWorker",
                "KontorTestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KontorServerTests",
            dependencies: [
                "KontorServer",
                "kontor",
                "KontorStore",
                "KontorCore",
                "KontorFlows",
                "KontorSinks",
                "KontorTestSupport",
                "LexofficeKit",
                "LexofficeSandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KontorCLITests",
            dependencies: [
                "kontor",
                "KontorServer",
                "KontorTestSupport",
                "KontorCore",
                "KontorFlows",
                "KontorStore",
                "LexofficeKit",
                "LexofficeSandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
