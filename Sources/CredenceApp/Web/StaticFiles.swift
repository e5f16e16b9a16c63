import Foundation
import Hummingbird

/// The stylesheet, served by the app itself: no CDN, nothing from elsewhere.
enum StaticFiles {
    static let stylesheet: ByteBuffer = {
        guard let url = Bundle.module.url(forResource: "credence", withExtension: "css", subdirectory: "Resources/static"),
              let data = try? Data(contentsOf: url)
        else { fatalError("credence.css is missing from the CredenceApp bundle") }
        return ByteBuffer(bytes: data)
    }()

    static func addRoutes(to routes: Routes) {
        routes.get("static/credence.css", .anyone) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: stylesheet))
        }
    }
}
