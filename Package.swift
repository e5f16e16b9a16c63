// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Credence",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "credence", targets: ["credence"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.30.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.25.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.9.0"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.29.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.24.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // The domain: catalog, editions, zones, search, benefits, accounts' rules. No web
        // framework, no database.
        .target(
            name: "CredenceCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources")]
        ),
        // Mail: a small SMTP client (RFC 5321) and message builder (RFC 5322, 2047) on SwiftNIO.
        .target(
            name: "CredenceMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Spreadsheets as HR keeps them: CSV in UTF-8 or GB18030 (glibc's iconv), Excel .xlsx
        // (its ZIP read with the system's zlib, its XML streamed by a small scanner, bounded
        // while read) — read into the core's Sheet; the .xlsx template written (ZIPFoundation).
        .systemLibrary(name: "CredenceZlib", path: "Sources/CredenceZlib"),
        .target(
            name: "CredenceSheets",
            dependencies: [
                "CredenceCore",
                "CredenceZlib",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Bytes off the wire read into values, bounded while read: multipart/form-data,
        // urlencoded forms, the request path. No web framework, so they can be fuzzed alone.
        .target(name: "CredenceWire", dependencies: ["CredenceCore"]),
        // Persistence: FluentKit on SQLite (embedded default) or PostgreSQL.
        .target(
            name: "CredenceStore",
            dependencies: [
                "CredenceCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                // GZIP for status lists (zlib); Bitstring Status List requires it.
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        // The Hummingbird application: web pages and JSON API, translating to the core.
        .target(
            name: "CredenceApp",
            dependencies: [
                "CredenceCore",
                "CredenceStore",
                "CredenceMail",
                "CredenceSheets",
                "CredenceWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdHTTP2", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Resources")]
        ),
        // The command-line interface: `serve` and the catalog commands.
        .target(
            name: "CredenceCLI",
            dependencies: [
                "CredenceCore",
                "CredenceStore",
                "CredenceApp",
                "CredenceMail",
                "CredenceSheets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(name: "credence", dependencies: ["CredenceCLI"]),
        // Search latency over a generated 100k-entry catalog, against SQLite FTS5.
        .executableTarget(
            name: "credence-search-bench",
            dependencies: [
                "CredenceCore",
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            ],
            path: "Benchmarks/SearchBenchmark"
        ),
        // Benefits evaluations per second, engine alone and through the catalog.
        .executableTarget(
            name: "credence-benefits-bench",
            dependencies: ["CredenceCore"],
            path: "Benchmarks/BenefitsBenchmark"
        ),
        // libFuzzer targets for every reader of outside bytes (issue 42): built with
        // `-sanitize=fuzzer -DFUZZING` by scripts/fuzz-parsers.sh; built plainly, each
        // replays the files it is given.
        .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CredenceCore", "FuzzDriver"], path: "Fuzz/FuzzSupport"),
    ] + ["FuzzXLSX", "FuzzCSV", "FuzzMultipart", "FuzzJSON", "FuzzImport", "FuzzForms", "FuzzCodes"].map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", "CredenceCore", "CredenceSheets", "CredenceWire"], path: "Fuzz/\(name)")
    } + [
        // The XML scanner's events, for scripts/xml_differential.py to hold against expat.
        .executableTarget(name: "XMLEvents", dependencies: ["CredenceSheets"], path: "Fuzz/XMLEvents"),
        .target(
            name: "CredenceTestSupport",
            dependencies: [
                "CredenceCore", "CredenceStore", "CredenceApp", "CredenceMail",
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/CredenceTestSupport"
        ),
        .testTarget(
            name: "CredenceCoreTests",
            dependencies: ["CredenceCore", "CredenceTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "CredenceStoreTests",
            dependencies: [
                "CredenceStore",
                "CredenceTestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentKit", package: "fluent-kit"),
            ]
        ),
        .testTarget(
            name: "CredenceAppTests",
            dependencies: [
                "CredenceTestSupport",
                "CredenceMail",
                "CredenceSheets",
                "CredenceWire",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Issue 36's batch files, read by path (made by scripts/make_batch_fixtures.py).
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CredenceCLITests",
            dependencies: [
                "credence",
                "CredenceTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
    ]
)
