// A workflow of another system, through a client generated from Credence's OpenAPI
// document at build time: register an employer, take a token, submit a verification
// request, read it back, evaluate benefits, search.
//   swift run --package-path Examples/GeneratedClient credence-client-check http://127.0.0.1:8080
// Exits 0 when every step answered as the document says, 1 at the first that did not.
import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends the bearer token once there is one.
struct BearerToken: ClientMiddleware {
    let token: String

    func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                   next: (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = "Bearer \(token)"
        return try await next(request, body, baseURL)
    }
}

struct CheckFailed: Error, CustomStringConvertible {
    let description: String
}

func step(_ name: String, _ body: () async throws -> Void) async throws {
    do {
        try await body()
        print("ok    \(name)")
    } catch {
        print("FAIL  \(name): \(error)")
        throw error
    }
}

func expect(_ condition: Bool, _ what: String) throws {
    if !condition { throw CheckFailed(description: what) }
}

let arguments = CommandLine.arguments
guard arguments.count == 2, let serverURL = URL(string: arguments[1]) else {
    print("usage: credence-client-check BASE-URL")
    exit(2)
}
let anonymous = Client(serverURL: serverURL, transport: URLSessionTransport())
let email = "generated-client-\(UInt32.random(in: 0...UInt32.max))@employer.example"
let password = "a long generated-client passphrase"

do {
    try await step("registerEmployer") {
        let answer = try await anonymous.registerEmployer(body: .json(.init(
            organizationName: "Generated Client Ltd", unifiedSocialCreditCode: "9144030071526726XG", contactName: "HR",
            email: email, phone: "+86 22 1234 5678", password: password)))
        let registered = try answer.created.body.json
        try expect(registered.email == email, "registered email \(registered.email)")
    }
    var token = ""
    try await step("createToken") {
        let answer = try await anonymous.createToken(body: .json(.init(email: email, password: password)))
        let created = try answer.created.body.json
        try expect(created.role == .employer, "role \(created.role)")
        token = created.token
    }
    let client = Client(serverURL: serverURL, transport: URLSessionTransport(), middlewares: [BearerToken(token: token)])
    var requestID = ""
    try await step("submitVerificationRequest") {
        let answer = try await client.submitVerificationRequest(body: .json(.init(
            entryId: "cfa", holder: .init(name: "Jane Example", nationality: "GB", dateOfBirth: "1990-05-01", passportNumber: "AB1234567"),
            certificateNumber: "CFA-123456", issuedOn: "2020-06-30", expiresOn: nil, note: "From the generated client",
            holderConsent: true)))
        let submitted = try answer.created.body.json
        try expect(submitted.status == .submitted, "status \(submitted.status)")
        requestID = submitted.id
    }
    try await step("getVerificationRequest") {
        let answer = try await client.getVerificationRequest(path: .init(id: requestID))
        let request = try answer.ok.body.json
        try expect(request.id == requestID && request.entryId == "cfa", "read back \(request.id) \(request.entryId)")
        try expect(request.holder.passportNumber != nil, "passport number in the request's own detail")
        try expect(request.history?.first?.action == .submit, "history starts with submit")
    }
    try await step("listVerificationRequests") {
        let answer = try await client.listVerificationRequests(query: .init(limit: 20))
        let list = try answer.ok.body.json
        try expect(list.requests.contains { $0.id == requestID }, "the request is in the list")
    }
    try await step("evaluateBenefits") {
        let answer = try await anonymous.evaluateBenefits(body: .json(.init(
            qualifications: ["cka"], nationality: .foreign, age: 68, highTechIndustry: true, relevantExperienceYears: 3,
            workRelatedTo: ["cka"], workZone: "tianjin-port-dongjiang")))
        let evaluation = try answer.ok.body.json
        try expect(evaluation.benefits.count == 15, "\(evaluation.benefits.count) benefits")
        let ageLimit = evaluation.benefits.first { $0.id == .permit_period_age_limit }
        try expect(ageLimit?.status == .applies, "permit.age_limit \(String(describing: ageLimit?.status))")
    }
    try await step("getBenefitRoute") {
        let answer = try await anonymous.getBenefitRoute(path: .init(id: "permit.age_limit.1"))
        let route = try answer.ok.body.json
        try expect(route.id == "permit.age_limit.1" && route.benefit == "permit.age_limit" && route.position == 1, "route \(route.id)")
    }
    try await step("searchEntries") {
        let answer = try await anonymous.searchEntries(query: .init(q: "精算师"))
        let results = try answer.ok.body.json
        try expect(!results.results.isEmpty, "no results for 精算师")
        try expect(results.results.allSatisfy { $0.entry.region != nil }, "regions decoded")
    }
    try await step("getEntry") {
        let answer = try await anonymous.getEntry(path: .init(id: "cfa"))
        let entry = try answer.ok.body.json
        try expect(entry.name.en.contains("Chartered Financial Analyst"), "cfa's name \(entry.name.en)")
    }
    try await step("an undeclared method is a 405 with Allow") {
        var request = URLRequest(url: serverURL.appendingPathComponent("api/v1/benefits"))
        request.httpMethod = "TRACE"
        let (_, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        try expect(http.statusCode == 405 && http.value(forHTTPHeaderField: "Allow") == "POST",
                   "TRACE /api/v1/benefits → \(http.statusCode) Allow \(http.value(forHTTPHeaderField: "Allow") ?? "-")")
    }
    print("the generated client completed the workflow")
} catch {
    exit(1)
}
