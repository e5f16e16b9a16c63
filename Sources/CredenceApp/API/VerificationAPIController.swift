import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// `/api/v1/verification-requests`: requests and their workflow (this file), attachments
/// and results (`+Files`), and the service's own records (`+Service`). Ownership is the
/// store's: an employer asking for another's request gets the same 404 as for one that
/// does not exist.
struct VerificationAPIController {
    let store: Store
    let state: CatalogState

    /// What a resubmission may correct: the draft but the request it re-checks.
    static let corrections = VerificationDraft.Fields.all.filter { $0 != VerificationDraft.Fields.previousRequestId }

    func addRoutes(to routes: Routes) {
        let requests = routes.group("verification-requests")
        requests.post("", .signedIn([.employer]), use: submit)
        requests.get("", .verificationParty, use: list)
        requests.get(":id", .verificationParty, use: show)
        requests.post(":id/assign", .signedIn([.officer, .admin]), use: assign)
        for (path, action) in VerificationRouting.actions {
            requests.post(":id/\(path)", .signedIn([action.takenBy])) { request, context in try await act(action, request, context) }
        }
        requests.post(":id/attachments", .signedIn([.employer]), use: attach)
        requests.get(":id/attachments/:attachment", .signedIn([.employer, .officer]), use: attachment)
        requests.get(":id/receipt", .verificationParty, use: receipt)
        routes.get("public-key", .anyone, use: publicKey)
        routes.get("verify/:code", .anyone, use: check)
        routes.get("issuing-bodies", .anyone, use: issuingBodies)
        routes.on(.put, "issuing-bodies/:body", .signedIn([.admin]), use: updateChannel)
        routes.get("audit", .signedIn([.admin]), use: audit)
        routes.on(.put, "webhook", .signedIn([.employer]), use: registerWebhook)
    }

    @Sendable func submit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: VerificationDraft.Fields.all.topLevelNames)
        let draft = try VerificationDraft(JSONFields(body: body, fields: VerificationDraft.Fields.all))
        let created = try await store.verifications.submit(draft, by: try context.requireActor().account,
                                                           catalog: state.current.catalog, registry: try await state.registry(from: store))
        return try Response.json(try await dto(created, detail: true), status: .created)
    }

    @Sendable func list(_ request: Request, _ context: AppRequestContext) async throws -> VerificationListDTO {
        let query = QueryParameters(request)
        let status = try query.string("status").map { text in
            guard let status = VerificationStatus(rawValue: text) else {
                throw APIError.badParameter("status", "status must be one of \(VerificationStatus.allCases.map(\.rawValue).joined(separator: ", ")); got '\(text)'.")
            }
            return status
        }
        let limit = try query.int("limit", in: RequestPaging.limits) ?? RequestPaging.first.limit
        let after = try query.string("after").map { text in
            guard let id = UUID(uuidString: text) else {
                throw APIError.badParameter("after", "after must be the id of the last request of the previous page (a UUID); got '\(text)'.")
            }
            return id
        }
        let account = try context.requireActor().account
        let expiring = try query.int("expiringWithinDays", in: 0...ExpiryNotice.maxWithinDays)
        let desk = try RequestListQuery.deskFilters(query, account: account)
        let search = try RequestListQuery.search(query)
        let page = RequestPaging(limit: limit, after: after)
        if expiring != nil, !desk.isEmpty {
            throw APIError.badParameter("expiringWithinDays", "expiringWithinDays lists results by expiry; it does not combine with the desk's filters.")
        }
        let list = desk.isEmpty
            ? try await store.verifications.list(for: account, status: status, search: search, page: page, expiringWithinDays: expiring)
            : try await store.verifications.desk(for: account, status: status, assignee: desk.assignee, overdue: desk.overdue,
                                                 issuingBody: desk.issuingBody, search: search, page: page)
        let registry = try await state.registry(from: store)
        let next = list.more ? list.requests.last.map { last in
            "/api/v1/verification-requests?" + (status.map { "status=\($0.rawValue)&" } ?? "") + desk.query
                + (search.map { "q=\($0.queryEncoded)&" } ?? "") + (expiring.map { "expiringWithinDays=\($0)&" } ?? "")
                + "limit=\(limit)&after=\(last.id.uuidString.lowercased())"
        } : nil
        return VerificationListDTO(requests: list.requests.map { item in
            VerificationRequestDTO(request: item, channel: .summary(of: registry.body(for: item.entryId)), detail: false)
        }, next: next)
    }

    @Sendable func show(_ request: Request, _ context: AppRequestContext) async throws -> VerificationRequestDTO {
        let found = try await store.verifications.request(try VerificationRouting.requestID(context), for: try context.requireActor().account)
        return try await dto(found, detail: true)
    }

    func act(_ action: VerificationAction, _ request: Request, _ context: AppRequestContext) async throws -> VerificationRequestDTO {
        let input = try await Self.actionInput(action, request)
        let changed = try await store.verifications.act(
            action, on: try VerificationRouting.requestID(context), by: try context.requireActor().account, input,
            catalog: state.current.catalog)
        return try await dto(changed, detail: true)
    }

    func dto(_ request: VerificationRequest, detail: Bool) async throws -> VerificationRequestDTO {
        VerificationRequestDTO(request: request, channel: .whole(try await state.issuingBody(for: request.entryId, from: store).channel),
                               detail: detail)
    }

    static func actionInput(_ action: VerificationAction, _ request: Request) async throws -> VerificationActionInput {
        // An empty body is an action with no note.
        var request = request
        let bytes = try await request.collectBody(upTo: JSONObject.maxBytes)
        guard bytes.readableBytes > 0 else { return .init() }
        let body = try await JSONObject.read(request, errorCode: "invalid_field",
                                             accepting: VerificationActionInput.accepted(for: action, corrections: Self.corrections))
        var input = try VerificationActionInput(action, from: JSONFields(body: body, fields: VerificationActionInput.Fields.all))
        if action == .resubmit, body.value("entryId") != nil { input.corrections = try VerificationDraft(JSONFields(body: body, fields: Self.corrections)) }
        input.items = try body.objects("items", accepting: ["code", "note"]).map { item in
            guard let code = try item.choice("code", InfoItemCode.self) else {
                throw item.invalid(item.full("code"), "\(item.full("code")) is required: one of \(InfoItemCode.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return InfoItem(code: code, note: try item.string("note"))
        }
        input.answers = try body.objects("answers", accepting: ["item", "note", "attachmentId"]).map { answer in
            guard let number = try answer.wholeNumber("item") else {
                throw answer.invalid(answer.full("item"), "\(answer.full("item")) is required: the number of the item answered, from 1.")
            }
            var file: UUID?
            if let text = try answer.string("attachmentId") {
                guard let id = UUID(uuidString: text) else { throw answer.invalid(answer.full("attachmentId"), "\(answer.full("attachmentId")) must be the id of a file uploaded to this request.") }
                file = id
            }
            return InfoAnswer(item: number, note: try answer.string("note"), attachmentId: file)
        }
        return input
    }

    /// `{"officerId"}`: officers take a request themselves; administrators give it to an officer.
    @Sendable func assign(_ request: Request, _ context: AppRequestContext) async throws -> VerificationRequestDTO {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["officerId"])
        guard let text = try body.string("officerId"), let officer = UUID(uuidString: text) else {
            throw body.invalid("officerId", "officerId is required: an officer's id.")
        }
        let changed = try await store.verifications.assign(try VerificationRouting.requestID(context), to: officer,
                                                           by: try context.requireActor().account)
        return try await dto(changed, detail: true)
    }
}
