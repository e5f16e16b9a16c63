import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// `/api/v1` verification: requests and their workflow, attachments, receipts, the public
/// check, the issuing bodies, the audit log, webhooks. Ownership is the store's: an
/// employer asking for another's request gets the same 404 as for one that does not exist.
struct VerificationAPIController {
    let store: Store
    let state: CatalogState

    static let draftFields = ["entryId", "holder", "certificateNumber", "issuedOn", "expiresOn", "note", "holderConsent"]

    func addRoutes(to routes: Routes) {
        let requests = routes.group("verification-requests")
        requests.post("", .signedIn([.employer])) { request, context in
            let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: Self.draftFields)
            let created = try await store.verifications.submit(try Self.draft(body), by: try context.requireActor().account,
                                                               catalog: state.current.catalog, registry: try await state.registry(from: store))
            return try Response.json(try await dto(created, detail: true), status: .created)
        }
        requests.get("", .anyAccount) { request, context in
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
            let list = try await store.verifications.list(for: try context.requireActor().account, status: status,
                                                          page: RequestPaging(limit: limit, after: after))
            let registry = try await state.registry(from: store)
            let next = list.more ? list.requests.last.map { last in
                "/api/v1/verification-requests?" + (status.map { "status=\($0.rawValue)&" } ?? "") + "limit=\(limit)&after=\(last.id.uuidString.lowercased())"
            } : nil
            return VerificationListDTO(requests: list.requests.map { item in
                VerificationRequestDTO(request: item, channel: registry.body(for: item.entryId).channel, detail: false)
            }, next: next)
        }
        requests.get(":id", .anyAccount) { _, context in
            let found = try await store.verifications.request(try Self.id(context), for: try context.requireActor().account)
            return try await dto(found, detail: true)
        }
        for (path, action, roles) in Self.actions {
            requests.post(":id/\(path)", .signedIn(roles)) { request, context in
                let input = try await Self.actionInput(action, request)
                let changed = try await store.verifications.act(
                    action, on: try Self.id(context), by: try context.requireActor().account, input, catalog: state.current.catalog)
                return try await dto(changed, detail: true)
            }
        }
        requests.post(":id/attachments", .signedIn([.employer])) { request, context in
            var request = request
            guard let boundary = MultipartForm.boundary(of: request.headers[.contentType] ?? "") else {
                throw APIError(status: .unsupportedMediaType, code: "unsupported_type",
                               message: "Send the file as multipart/form-data with one part named file.")
            }
            let body = try await request.collectBody(upTo: MultipartForm.maxBytes)
            let form = try MultipartForm(body: Array(buffer: body), boundary: boundary)
            guard form.files.count == 1, let file = form.files.first else {
                throw APIError(status: .unprocessableContent, code: "invalid_field", message: "Send exactly one file, in a part named file.", field: "file")
            }
            let attachment = try await store.verifications.attach(
                fileName: file.fileName, bytes: file.bytes, to: try Self.id(context), by: try context.requireActor().account)
            return try Response.json(AttachmentDTO(attachment), status: .created)
        }
        requests.get(":id/attachments/:attachment", .signedIn([.employer, .officer])) { _, context in
            guard let attachmentID = UUID(uuidString: try context.parameters.require("attachment")) else {
                throw VerificationError.notFound
            }
            let (attachment, bytes) = try await store.verifications.attachment(
                attachmentID, of: try Self.id(context), for: try context.requireActor().account)
            return Self.download(attachment, bytes)
        }
        requests.get(":id/receipt", .anyAccount) { _, context in
            let signed = try await store.verifications.receipt(of: try Self.id(context), for: try context.requireActor().account)
            return SignedReceiptDTO(receipt: signed.receipt, signature: signed.signature, keyId: signed.keyId)
        }
        routes.get("public-key", .anyone) { _, _ in
            PublicKeyDTO(keyId: store.keys.signer.keyId, publicKey: store.keys.signer.publicKey.base64EncodedString())
        }
        routes.get("verify/:code", .anyone) { _, context in
            let code = try context.parameters.require("code")
            guard let check = try await store.verifications.publicCheck(code: code, address: context.remoteAddress) else {
                throw APIError.notFound("No authentic result has the code '\(code)'.")
            }
            return PublicCheckDTO(
                code: check.code, outcome: check.outcome.rawValue, entryId: check.entryId,
                entryName: try? state.current.catalog.entry(check.entryId, edition: check.edition).name, edition: check.edition,
                completedOn: check.completedOn, holderName: check.holderNameMasked)
        }
        routes.get("issuing-bodies", .anyone) { _, _ in
            IssuingBodyListDTO(issuingBodies: try await state.registry(from: store).bodies)
        }
        routes.on(.put, "issuing-bodies/:body", .signedIn([.admin])) { request, context in
            let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["channel"])
            let channel = try body.object("channel", accepting: ["kind", "url", "inputs", "typicalWorkingDays", "source"])
            guard let kind = try channel.choice("kind", ChannelKind.self) else {
                throw body.invalid("channel.kind", "channel.kind is required: \(ChannelKind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let updated = try await store.verifications.updateChannel(
                of: try context.parameters.require("body"),
                to: VerificationChannel(
                    kind: kind, url: try channel.string("url"),
                    inputs: try channel.stringArray("inputs", "names of the request fields the channel needs"),
                    typicalWorkingDays: try channel.wholeNumber("typicalWorkingDays") ?? 0,
                    source: try channel.requiredString("source", "where these facts come from")),
                by: try context.requireActor().account)
            try await state.reload(from: store)
            return IssuingBodyListDTO(issuingBodies: [updated])
        }
        routes.get("audit", .signedIn([.admin])) { request, _ in
            let after = try QueryParameters(request).int("after", in: 0...Int.max) ?? 0
            let events = try await store.auditLog.events(after: Int64(after))
            return AuditListDTO(events: events.map {
                .init(seq: $0.seq, at: Timestamps.rfc3339($0.at), kind: $0.kind, actorId: $0.actor, subjectId: $0.subject,
                      email: $0.email, detail: $0.detail, previousHash: $0.previousHash, hash: $0.hash)
            })
        }
        routes.on(.put, "webhook", .signedIn([.employer])) { request, context in
            let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["url"])
            let url = try body.requiredString("url", "the http(s) address that receives status changes")
            let secret = try await store.webhooks.register(url: url, for: try context.requireActor().account)
            return WebhookDTO(url: url, secret: secret)
        }
    }

    static let actions: [(String, VerificationAction, Set<Role>)] = [
        ("accept", .accept, [.officer]), ("reject", .reject, [.officer]), ("request-info", .requestInfo, [.officer]),
        ("complete", .complete, [.officer]), ("resubmit", .resubmit, [.employer]), ("withdraw", .withdraw, [.employer]),
    ]

    private func dto(_ request: VerificationRequest, detail: Bool) async throws -> VerificationRequestDTO {
        VerificationRequestDTO(request: request, channel: try await state.issuingBody(for: request.entryId, from: store).channel,
                               detail: detail)
    }

    static func id(_ context: AppRequestContext) throws -> UUID {
        guard let id = UUID(uuidString: try context.parameters.require("id")) else { throw VerificationError.notFound }
        return id
    }

    static func draft(_ body: JSONObject) throws -> VerificationDraft {
        let holder = try body.object("holder", accepting: ["name", "nationality", "dateOfBirth", "passportNumber"])
        return VerificationDraft(
            entryId: try body.requiredString("entryId", "a catalog entry id such as cfa"),
            holderName: try holder.requiredString("name", "the holder's name as on the certificate"),
            holderNationality: try holder.requiredString("nationality", "an ISO 3166-1 alpha-2 code such as GB"),
            holderDateOfBirth: try holder.string("dateOfBirth"),
            passportNumber: try holder.string("passportNumber"),
            certificateNumber: try body.requiredString("certificateNumber", "the number on the certificate"),
            issuedOn: try body.string("issuedOn"), expiresOn: try body.string("expiresOn"), note: try body.string("note"),
            holderConsent: try body.bool("holderConsent") ?? false)
    }

    static func actionInput(_ action: VerificationAction, _ request: Request) async throws -> Verifications.ActionInput {
        let accepted: [String] = switch action {
        case .reject: ["reason", "note"]
        case .complete: ["outcome", "note"]
        case .resubmit: draftFields
        default: ["note"]
        }
        // An empty body is an action with no note.
        var request = request
        let bytes = try await request.collectBody(upTo: JSONObject.maxBytes)
        guard bytes.readableBytes > 0 else { return .init() }
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: accepted)
        var input = Verifications.ActionInput(note: try body.string("note"))
        input.reason = try body.choice("reason", RejectionReason.self)
        input.outcome = try body.choice("outcome", VerificationOutcome.self)
        if action == .resubmit, body.value("entryId") != nil { input.corrections = try draft(body) }
        return input
    }

    /// A stored file, served so no browser runs or renders it in our origin.
    static func download(_ attachment: VerificationRequest.Attachment, _ bytes: Data) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: attachment.kind.mediaType,
                .contentDisposition: "attachment; filename=\"\(attachment.fileName)\"",
                .xContentTypeOptions: "nosniff",
                .cacheControl: "private, no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
