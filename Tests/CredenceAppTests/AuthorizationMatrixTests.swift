import CredenceApp
import CredenceCore
import CredenceStore
import CredenceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route × every kind of caller, generated from the router itself: a route added
/// without an access rule, or whose rule is not enforced, fails here.
@Suite struct AuthorizationMatrixTests {
    enum Caller: String, CaseIterable, Sendable {
        case anonymous, employerA, employerB, officer, admin, reviewer

        var role: Role? {
            switch self {
            case .anonymous: nil
            case .employerA, .employerB: .employer
            case .officer: .officer
            case .admin: .admin
            case .reviewer: .reviewer
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func everyRouteAnswersEveryCallerAsItsRuleSays(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            // Every route has a rule: none was added around `Routes`.
            let ruled = Set(app.access.all.keys)
            for route in app.routes {
                #expect(ruled.contains(route), "\(route) has no access rule")
            }
            #expect(app.routes.count > 20)

            let accounts: [Caller: Account] = [
                .employerA: try await TestAccounts.employer("Acme", on: app.store),
                .employerB: try await TestAccounts.employer("Bolt", on: app.store),
                .officer: try await TestAccounts.staff(.officer, on: app.store).0,
                .admin: try await TestAccounts.staff(.admin, on: app.store).0,
                .reviewer: try await TestAccounts.staff(.reviewer, on: app.store).0,
            ]
            var checked = 0
            for route in app.routes.sorted() {
                let parts = route.split(separator: " ", maxSplits: 1)
                let method = HTTPRequest.Method(rawValue: String(parts[0]))!
                let path = Self.concrete(String(parts[1]))
                let rule = try #require(app.access.rule(method, String(parts[1])))
                let isAPI = path.hasPrefix("/api/")
                for caller in Caller.allCases {
                    // A fresh credential each time: some routes (signing out) end the one used.
                    var headers: HTTPFields = method == .get ? [:] : TestForms.headers()
                    if let account = accounts[caller] {
                        if isAPI {
                            headers[.authorization] = "Bearer \(try await app.store.accounts.issueToken(for: account).token)"
                        } else {
                            headers = TestForms.headers(session: try await app.store.accounts.openSession(for: account))
                        }
                    }
                    let body = method == .get ? nil : (isAPI ? ByteBuffer(string: "{}") : TestForms.body([]))
                    let response = try await app.client.execute(uri: path, method: method, headers: headers, body: body)
                    let status = response.status.code
                    let label = "\(route) as \(caller.rawValue): \(status)"
                    #expect(status < 500, "\(label)")
                    switch (rule.allows(caller.role), caller) {
                    case (true, _):
                        // Allowed: whatever the answer (a 401 for a wrong password is fine), it is
                        // not the gate's refusal.
                        #expect(status != 403, "\(label) — allowed, yet forbidden")
                        if isAPI, status == 401 {
                            let code = (try? response.jsonObject()["error"] as? [String: Any])?["code"] as? String
                            #expect(code != "unauthorized", "\(label) — allowed, yet asked to sign in")
                        }
                        if !isAPI, status == 303 {
                            #expect(response.headers[.location]?.hasPrefix("/sign-in") != true, "\(label) — sent to sign in")
                        }
                    case (false, .anonymous):
                        if isAPI {
                            #expect(status == 401, "\(label) — expected 401")
                        } else {
                            #expect(status == 303 && response.headers[.location]?.hasPrefix("/sign-in") == true, "\(label)")
                        }
                    case (false, _):
                        #expect(status == 403, "\(label) — expected 403")
                    }
                    checked += 1
                }
            }
            #expect(checked == app.routes.count * Caller.allCases.count)
        }
    }

    /// A route path with its parameters filled in.
    static func concrete(_ path: String) -> String {
        path.split(separator: "/").map { part in
            switch part {
            case ":lang": "en"
            case let p where p.hasPrefix(":"): "x"
            default: String(part)
            }
        }.reduce("") { $0 + "/" + $1 }.ifEmpty("/")
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
