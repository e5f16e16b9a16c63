import Foundation
import Hummingbird
import Yams

/// The OpenAPI document (`Resources/openapi.yaml`), served as written and as JSON.
public enum OpenAPIDocument {
    public static let yaml: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("openapi.yaml is missing from the CredenceApp bundle") }
        return text
    }()

    public static let json: Data = {
        guard let object = try? Yams.load(yaml: yaml),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        else { fatalError("openapi.yaml does not parse as YAML") }
        return data
    }()

    static func addRoutes(to routes: Routes) {
        routes.get("openapi.yaml", .anyone) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: yaml)))
        }
        routes.get("openapi.json", .anyone) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: json)))
        }
    }
}
