import Hummingbird

/// The load test's reference: Hummingbird 2 with one route answering "hello" and no
/// middleware at all — what the server itself can do on this machine, in the same run.
///     bare-hello [PORT]
let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 18431
let router = Router()
router.get("hello") { _, _ in "hello" }
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "BareHello"))
try await app.runService()
