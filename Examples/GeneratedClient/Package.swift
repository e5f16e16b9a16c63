// swift-tools-version: 6.1
import PackageDescription

// A client generated from Credence's own OpenAPI document at build time (issue 19): if the
// document does not tell the truth, this does not build or its check fails against a live server.
let package = Package(
    name: "GeneratedClient",
    platforms: [.macOS(.v15)],
    products: [.executable(name: "credence-client-check", targets: ["CredenceClientCheck"])],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.0"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.7.0"),
    ],
    targets: [
        .executableTarget(
            name: "CredenceClientCheck",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
    ]
)
