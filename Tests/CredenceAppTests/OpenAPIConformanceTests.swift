import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing

/// The spec is written by hand, so these tests keep it and the code in step: every route
/// is in the spec, every spec path is a route, and real answers validate against it.
@Suite struct OpenAPIConformanceTests {
    static let spec = try! JSONSchemaValidator(jsonData: OpenAPIDocument.json)

    static var specPaths: [String: [String: Any]] {
        spec.root["paths"] as? [String: [String: Any]] ?? [:]
    }

    @Test func everyMachineRouteIsInTheSpecAndBack() async throws {
        try await TestDatabase.sqlite.withFreshStore { configuration in
            var app = AppConfiguration(hostname: "127.0.0.1", port: 0, store: configuration, logLevel: .warning)
            app.backgroundWork = false
            let built = try await BuiltApplication.build(app)
            // "/api/v1/entries/:id" → "/api/v1/entries/{id}"
            let routes = Set(built.routes.map { route -> String in
                let parts = route.path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                return "\(route.method.lowercased()) /" + parts.joined(separator: "/")
            }.filter { $0.contains(" /api/") || $0.hasSuffix(" /healthz") || $0.contains(" /.well-known/") })
            let documented = Set(Self.specPaths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
            #expect(routes == documented)
            await built.store.close()
        }
    }

    /// Each operation, answered for real, against the response schema the spec gives it.
    @Test(arguments: TestDatabase.available)
    func realAnswersValidateAgainstTheSpec(database: TestDatabase) async throws {
        let worked = #"{"qualifications": ["cka"], "nationality": "foreign", "age": 68, "highTechIndustry": true, "relevantExperienceYears": 3, "workZone": "tianjin-port-dongjiang"}"#
        let posts: [(uri: String, path: String, body: String, status: Int)] = [
            ("/api/v1/benefits", "/api/v1/benefits", worked, 200),
            ("/api/v1/benefits", "/api/v1/benefits", #"{"qualifications": ["cfa", "ieee-fellow", "uk-pharmacist"]}"#, 200),
            ("/api/v1/benefits", "/api/v1/benefits", #"{"qualifications": ["cfa"], "age": 131}"#, 422),
            ("/api/v1/benefits", "/api/v1/benefits", #"{"qualifications": ["cfa"],"#, 400),
        ]
        let requests: [(uri: String, path: String, status: Int)] = [
            ("/healthz", "/healthz", 200),
            ("/api/v1/editions", "/api/v1/editions", 200),
            ("/api/v1/editions/tianjin-2023", "/api/v1/editions/{edition}", 200),
            ("/api/v1/editions/nope", "/api/v1/editions/{edition}", 404),
            ("/api/v1/entries", "/api/v1/entries", 200),
            ("/api/v1/entries?field=finance&region=none", "/api/v1/entries", 200),
            ("/api/v1/entries?field=x", "/api/v1/entries", 400),
            ("/api/v1/entries/hk-pharmacist", "/api/v1/entries/{id}", 200),
            ("/api/v1/entries/ieee-fellow", "/api/v1/entries/{id}", 200),
            ("/api/v1/entries/nope", "/api/v1/entries/{id}", 404),
            ("/api/v1/search?q=CPA", "/api/v1/search", 200),
            ("/api/v1/search?q=CPA&limit=x", "/api/v1/search", 400),
            ("/api/v1/zones", "/api/v1/zones", 200),
        ]
        try await withLiveApp(database) { client in
            for request in requests {
                let response = try await client.execute(uri: request.uri, method: .get)
                try Self.check(response, path: request.path, method: "get", status: request.status, uri: request.uri)
            }
            for request in posts {
                let response = try await client.execute(
                    uri: request.uri, method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: request.body))
                try Self.check(response, path: request.path, method: "post", status: request.status, uri: request.body)
            }
        }
    }

    /// The accounts operations, answered for real, against the spec.
    @Test(arguments: TestDatabase.available)
    func accountAnswersValidateAgainstTheSpec(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let client = app.client
            let registration = #"{"organizationName": "Acme", "unifiedSocialCreditCode": "\#(TestAccounts.creditCode())", "contactName": "Li", "email": "hr@acme.example", "phone": "022 1234 5678", "password": "\#(TestAccounts.password)"}"#
            func post(_ path: String, _ body: String, _ status: Int) async throws {
                let response = try await client.execute(uri: path, method: .post, headers: [.contentType: "application/json"],
                                                        body: ByteBuffer(string: body))
                try Self.check(response, path: path, method: "post", status: status, uri: body)
            }
            try await post("/api/v1/employers", registration, 201)
            try await post("/api/v1/employers", registration, 409)
            try await post("/api/v1/employers", "{}", 422)
            try await post("/api/v1/tokens", #"{"email": "hr@acme.example", "password": "\#(TestAccounts.password)"}"#, 201)
            try await post("/api/v1/tokens", #"{"email": "hr@acme.example", "password": "wrong one, this"}"#, 401)
            let employer = try #require(try await app.store.accounts.list().first)
            let admin = try await TestAccounts.staff(.admin, on: app.store).0
            for (account, path, status) in [(employer, "/api/v1/me", 200), (admin, "/api/v1/me", 200), (nil, "/api/v1/me", 401),
                                            (employer, "/api/v1/users", 403), (admin, "/api/v1/users", 200)] as [(Account?, String, Int)] {
                var headers: HTTPFields = [:]
                if let account { headers[.authorization] = "Bearer \(try await app.store.accounts.issueToken(for: account).token)" }
                let response = try await client.execute(uri: path, method: .get, headers: headers)
                try Self.check(response, path: path, method: "get", status: status, uri: "\(path) as \(account?.role.rawValue ?? "nobody")")
            }
        }
    }

    /// The verification operations, answered for real, against the spec.
    @Test(arguments: TestDatabase.available)
    func verificationAnswersValidateAgainstTheSpec(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let cast = try await VerificationAPITests.Cast.make(app)
            let client = app.client
            func call(_ method: HTTPRequest.Method, _ uri: String, _ path: String, _ headers: HTTPFields, _ body: String?,
                      _ status: Int) async throws -> TestResponse {
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
                try Self.check(response, path: path, method: method.rawValue.lowercased(), status: status, uri: "\(method) \(uri)")
                return response
            }
            let base = "/api/v1/verification-requests"
            let created = try await call(.post, base, base, cast.employerA, VerificationAPITests.draft, 201)
            let id = try #require(try created.jsonObject()["id"] as? String)
            _ = try await call(.post, base, base, cast.employerA, "{}", 422)
            _ = try await call(.get, base, base, cast.employerA, nil, 200)
            _ = try await call(.get, "\(base)/\(id)", "\(base)/{id}", cast.officer, nil, 200)
            _ = try await call(.get, "\(base)/\(UUID())", "\(base)/{id}", cast.officer, nil, 404)
            _ = try await call(.post, "\(base)/\(id)/complete", "\(base)/{id}/complete", cast.officer, #"{"outcome": "authentic"}"#, 409)
            _ = try await call(.post, "\(base)/\(id)/accept", "\(base)/{id}/accept", cast.officer, nil, 200)
            _ = try await call(.get, "\(base)/\(id)/receipt", "\(base)/{id}/receipt", cast.employerA, nil, 409)
            let done = try await call(.post, "\(base)/\(id)/complete", "\(base)/{id}/complete", cast.officer, #"{"outcome": "authentic"}"#, 200)
            let code = try #require(try done.jsonObject()["verificationCode"] as? String)
            _ = try await call(.get, "\(base)/\(id)/receipt", "\(base)/{id}/receipt", cast.employerA, nil, 200)
            _ = try await call(.get, "/api/v1/verify/\(code)", "/api/v1/verify/{code}", [:], nil, 200)
            _ = try await call(.get, "/api/v1/verify/nope", "/api/v1/verify/{code}", [:], nil, 404)
            _ = try await call(.get, "/api/v1/public-key", "/api/v1/public-key", [:], nil, 200)
            _ = try await call(.get, "/api/v1/issuing-bodies", "/api/v1/issuing-bodies", [:], nil, 200)
            _ = try await call(.get, "/api/v1/audit", "/api/v1/audit", cast.admin, nil, 200)
            _ = try await call(.put, "/api/v1/webhook", "/api/v1/webhook", cast.employerA, #"{"url": "https://hr.acme.example/hooks"}"#, 200)
            _ = try await call(.put, "/api/v1/webhook", "/api/v1/webhook", cast.employerA, #"{"url": "ftp://x"}"#, 422)
            let second = try await call(.post, base, base, cast.employerA, VerificationAPITests.draft, 201)
            let secondID = try #require(try second.jsonObject()["id"] as? String)
            let upload = try await client.execute(
                uri: "\(base)/\(secondID)/attachments", method: .post, headers: Multipart.headers(cast.employerA),
                body: Multipart.body(fileName: "a.pdf", bytes: Array("%PDF-1.4 x".utf8)))
            try Self.check(upload, path: "\(base)/{id}/attachments", method: "post", status: 201, uri: "upload")
            let refused = try await client.execute(
                uri: "\(base)/\(secondID)/attachments", method: .post, headers: Multipart.headers(cast.employerA),
                body: Multipart.body(fileName: "a.pdf", bytes: Array("text".utf8)))
            try Self.check(refused, path: "\(base)/{id}/attachments", method: "post", status: 415, uri: "upload text")
        }
    }

    /// The profiles the API accepts are the ones the spec's request schema accepts.
    @Test func theRequestSchemaAgreesWithTheAPI() throws {
        let schema = try #require(Self.spec.resolve("#/components/schemas/BenefitProfile"))
        let accepted = [#"{"qualifications": ["cfa"]}"#, #"{"qualifications": ["cfa"], "age": null, "workZone": "outside"}"#]
        let refused = [#"{"qualifications": []}"#, #"{"qualifications": ["cfa"], "age": 65.5}"#,
                       #"{"qualifications": ["cfa"], "nationality": "martian"}"#, #"{"qualifications": ["cfa"], "x": 1}"#,
                       #"{"age": 40}"#]
        for body in accepted {
            #expect(Self.spec.errors(try JSONSerialization.jsonObject(with: Data(body.utf8)), against: schema).isEmpty, "\(body)")
        }
        for body in refused {
            #expect(!Self.spec.errors(try JSONSerialization.jsonObject(with: Data(body.utf8)), against: schema).isEmpty, "\(body)")
        }
    }

    static func check(_ response: TestResponse, path: String, method: String, status: Int, uri: String) throws {
        #expect(response.status.code == status, "\(uri)")
        let operation = try #require(Self.specPaths[path]?[method] as? [String: Any], "\(path)")
        let responses = try #require(operation["responses"] as? [String: Any])
        var documented = try #require(responses[String(status)] as? [String: Any], "\(uri) \(status) undocumented")
        if let ref = documented["$ref"] as? String {
            documented = try #require(Self.spec.resolve(ref))
        }
        let content = try #require(documented["content"] as? [String: Any])
        let schema = try #require((content["application/json"] as? [String: Any])?["schema"] as? [String: Any])
        let problems = Self.spec.errors(try response.json(), against: schema)
        #expect(problems.isEmpty, "\(uri): \(problems.prefix(5))")
    }

    @Test func theSpecIsServedAsYAMLAndJSON() async throws {
        try await withLiveApp(.sqlite) { client in
            let yaml = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(yaml.status == .ok)
            #expect(yaml.text.hasPrefix("openapi: \"3.1.0\""))
            let json = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(try json.jsonObject()["openapi"] as? String == "3.1.0")
        }
    }
}
