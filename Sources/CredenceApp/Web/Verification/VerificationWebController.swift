import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// The verification pages: the employer's requests and form, one request with its actions,
/// and the officer's queue.
struct VerificationWebController {
    let store: Store
    let state: CatalogState
    /// Where this installation's mail goes (a request waiting for its holder says so).
    let installation: Installation

    func addRoutes(to routes: Routes) {
        routes.get("requests", .signedIn([.employer]), use: requestsPage)
        routes.get("requests/new", .signedIn([.employer]), use: newRequestPage)
        routes.post("requests", .signedIn([.employer]), uploads: true, use: submit)
        routes.get("requests/:id", .verificationParty, use: requestPage)
        for (path, action) in VerificationRouting.actions {
            routes.post("requests/:id/\(path)", .signedIn([action.takenBy])) { request, context in try await act(action, request, context) }
            // A refused step shows the request's page at its form's address; reloaded or
            // bookmarked, that address leads back to the request instead of a 405.
            routes.get("requests/:id/\(path)", .verificationParty, use: backToRequest)
        }
        routes.post("requests/:id/attachments", .signedIn([.employer]), uploads: true, use: attach)
        routes.post("requests/:id/assign", .signedIn([.officer]), use: take)
        routes.post("requests/:id/follow-ups", .signedIn([.officer]), use: addFollowUp)
        routes.post("requests/:id/rating", .signedIn([.employer]), use: rate)
        routes.get("requests/:id/attachments/:attachment", .signedIn([.employer, .officer]), use: attachment)
        routes.get("requests/:id/receipt", .verificationParty, use: receipt)
        routes.post("webhook", .signedIn([.employer]), use: registerWebhook)
        routes.get("queue", .signedIn([.officer, .admin]), use: queue)
    }

    /// The desk's forms on the request's page: take it, log a contact, rate it. A refusal is
    /// shown on the page.
    @Sendable func take(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireActor().account
        return try await desk(request, context) { id in _ = try await store.verifications.assign(id, to: account.id, by: account) }
    }

    @Sendable func addFollowUp(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        return try await desk(request, context) { id in
            _ = try await store.verifications.addFollowUp(to: id, on: form["on"], channel: form["channel"], note: form["note"],
                                                          by: try context.requireActor().account)
        }
    }

    @Sendable func rate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        return try await desk(request, context) { id in
            _ = try await store.verifications.rate(id, score: Int(form["score"]) ?? 0, comment: form["comment"], by: try context.requireActor().account)
        }
    }

    private func desk(_ request: Request, _ context: AppRequestContext, _ change: (UUID) async throws -> Void) async throws -> Response {
        let id = try VerificationRouting.requestID(context)
        do {
            try await change(id)
        } catch let error as VerificationError where error != .notFound {
            return try await detail(id, request, context, error: error.message, status: APIError(error).status)
        }
        return Response(status: .seeOther, headers: [.location: SiteURL.request(id).path])
    }

    /// An officer's or employer's step on the request's page; a refused step is shown there.
    func act(_ action: VerificationAction, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let id = try VerificationRouting.requestID(context)
        do {
            var input = try VerificationActionInput(action, from: form)
            InfoChecklistForm.read(form, into: &input)
            if action == .complete {
                input.note = try ResultParts.note(channel: form[ResultParts.channelField], reference: form[ResultParts.referenceField],
                                                  confirmed: form[ResultParts.confirmField] == "yes", note: input.note)
            }
            _ = try await store.verifications.act(action, on: id, by: try context.requireActor().account, input,
                                                  catalog: state.current.catalog)
        } catch VerificationError.invalid(let problems) {
            return try await detail(id, request, context, error: problems.first?.message, status: .unprocessableContent)
        } catch let error as VerificationError where error != .notFound {
            // A refused step (the workflow's, a review's, the holder's consent pending …) is said on the page.
            return try await detail(id, request, context, error: error.message, status: APIError(error).status)
        }
        return Response(status: .seeOther, headers: [.location: SiteURL.request(id).path])
    }

    /// To the request's page, for whoever may see it (anyone else: 404, as on the page).
    @Sendable func backToRequest(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try VerificationRouting.requestID(context)
        _ = try await store.verifications.request(id, for: try context.requireActor().account)
        return Response(status: .seeOther, headers: [.location: SiteURL.request(id).path])
    }

    @Sendable func requestsPage(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try await requestsPage(request, context, newSecret: nil)
    }

    @Sendable func newRequestPage(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        var page = NewRequestPage(entries: try state.current.entries().entries)
        page.values["entryId"] = request.uri.queryParameters["entry"].map(String.init)
        if let from = request.uri.queryParameters["from"].flatMap({ UUID(uuidString: String($0)) }) {
            // A re-check: the employer's own earlier request, its details as they stand (erased ones stay blank).
            let earlier = try await store.verifications.request(from, for: try context.requireActor().account)
            page.values.merge(NewRequestPage.values(recheckOf: earlier)) { $1 }
        }
        return Response.html(page.render(PageContext(request, context)))
    }

    @Sendable func requestPage(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try await detail(try VerificationRouting.requestID(context), request, context)
    }

    @Sendable func attach(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        var request = request
        let form = try await FormFields.read(&request)
        let id = try VerificationRouting.requestID(context)
        guard let file = form.files.first, !file.fileName.isEmpty else {
            return try await detail(id, request, context, error: BilingualText(zh: "请选择一个文件。", en: "Choose a file."), status: .unprocessableContent)
        }
        do {
            _ = try await store.verifications.attach(fileName: file.fileName, bytes: file.bytes, to: id, by: try context.requireActor().account)
        } catch let error as VerificationError where error != .notFound {
            return try await detail(id, request, context, error: error.message, status: APIError(error).status)
        }
        return Response(status: .seeOther, headers: [.location: SiteURL.request(id).path])
    }

    @Sendable func attachment(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let (attachment, bytes) = try await store.verifications.attachment(
            try VerificationRouting.attachmentID(context), of: try VerificationRouting.requestID(context), for: try context.requireActor().account)
        return VerificationRouting.download(attachment, bytes)
    }

    @Sendable func receipt(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let id = try VerificationRouting.requestID(context)
        let signed = try await store.verifications.receipt(of: id, for: try context.requireActor().account)
        var response = try Response.json(SignedReceiptDTO(receipt: signed.receipt, signature: signed.signature, keyId: signed.keyId), status: .ok)
        response.headers[.contentDisposition] = "attachment; filename=\"credence-receipt-\(id.uuidString.lowercased()).json\""
        return response
    }

    @Sendable func registerWebhook(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        var request = request
        let form = try await FormFields.read(&request)
        do {
            let secret = try await store.webhooks.register(url: form["url"], for: try context.requireActor().account)
            return try await requestsPage(request, context, newSecret: secret)
        } catch VerificationError.invalid {
            throw APIError(status: .unprocessableContent, code: "invalid_field",
                           message: PageContext(request, context).t("请填写 http(s):// 开头的网址。", "The address must start with http:// or https://."),
                           field: "url")
        }
    }

    @Sendable func queue(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let status = request.uri.queryParameters["status"].flatMap { VerificationStatus(rawValue: String($0)) }
        let account = try context.requireActor().account
        var desk = try RequestListQuery.deskFilters(QueryParameters(request), account: account)
        let search = try RequestListQuery.search(QueryParameters(request))
        if let search { desk.query += "q=\(search.queryEncoded)&" }
        let list = try await store.verifications.desk(for: account, status: status, openOnly: true, assignee: desk.assignee, overdue: desk.overdue,
                                                      issuingBody: desk.issuingBody, search: search, page: Self.page(request))
        var channels: [String: VerificationChannel] = [:]
        for body in try await state.registry(from: store).bodies {
            for entry in body.entries { channels[entry] = body.channel }
        }
        return Response.html(QueuePage(requests: list.requests, more: list.more, catalog: state.current.catalog, channels: channels,
                                       status: status, desk: desk.query, search: search)
            .render(PageContext(request, context)))
    }

    /// A list's page from its address: `?after=<id>` continues after that request.
    static func page(_ request: Request) -> RequestPaging {
        RequestPaging(limit: RequestPaging.first.limit, after: request.uri.queryParameters["after"].flatMap { UUID(uuidString: String($0)) })
    }

    private func requestsPage(_ request: Request, _ context: AppRequestContext, newSecret: String?) async throws -> Response {
        let account = try context.requireActor().account
        let search = try RequestListQuery.search(QueryParameters(request))
        let list = try await store.verifications.list(for: account, search: search, page: Self.page(request))
        let page = RequestsPage(
            requests: list.requests, more: list.more, search: search, changes: try await store.verifications.recentChanges(for: account),
            catalog: state.current.catalog,
            webhookURL: try await store.webhooks.url(for: account), newSecret: newSecret,
            undeliverable: try await store.webhooks.undeliverable(for: account),
            batches: try await store.verifications.batches(for: account),
            alerts: try await store.verifications.catalogAlerts(for: account),
            expiring: try await store.verifications.list(for: account, page: RequestPaging(limit: 20), expiringWithinDays: ExpiryNotice.days).requests)
        return Response.html(page.render(PageContext(request, context)))
    }

    private func detail(_ id: UUID, _ request: Request, _ context: AppRequestContext, error: BilingualText? = nil,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let account = try context.requireActor().account
        let found = try await store.verifications.request(id, for: account)
        var page = RequestPage(request: found, viewer: account, catalog: state.current.catalog,
                               body: try await state.issuingBody(for: found.entryId, from: store), error: error)
        page.followUps = try await store.verifications.followUps(of: id, for: account)
        if let previous = found.previousRequestId { page.previous = try? await store.verifications.request(previous, for: account) }
        page.reviewOpen = store.limits.review.isOpen(for: found, today: .today(at: store.clock()))
        page.mailKeptForAdministrators = installation.mailFolder != nil
        page.rating = try await store.verifications.rating(of: id)
        if found.status == .submitted, !found.awaitsHolderConsent {
            let today = CalendarDate.today(at: store.clock())
            page.dueIfAcceptedToday = VerificationWorkflow.due(acceptedOn: today, by: page.body.channel, try await store.calendars.calendar()).date
            page.acceptanceWait = try await store.verifications.acceptanceWait()
        }
        if page.isStaff {
            page.measured = try await store.verifications.serviceStandards(of: page.body.id).issuingBodies.first
        }
        if let estimate = found.estimatedCompletionOn.flatMap(CalendarDate.init),
           !(try await store.calendars.calendar().isOfficial(estimate.year)) {
            page.unofficialYear = estimate.year
        }
        return Response.html(page.render(PageContext(request, context)), status: status)
    }

    @Sendable func submit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let account = try context.requireActor().account
        var page = NewRequestPage(entries: try state.current.entries().entries)
        for field in VerificationDraft.Fields.all { page.values[field.name] = form[field.name] }
        // The file is checked before anything is stored, so a bad file loses nothing typed.
        let file = form.files.first { !$0.fileName.isEmpty || !$0.bytes.isEmpty }
        if let file {
            if file.bytes.isEmpty {
                page.errors["file"] = BilingualText(zh: "文件是空的。", en: "The file is empty.")
            } else if file.bytes.count > AttachmentKind.maxBytes {
                page.errors["file"] = BilingualText(zh: "文件不能超过10 MiB。", en: "The file may be at most 10 MiB.")
            } else if AttachmentKind(sniffing: file.bytes) == nil {
                page.errors["file"] = BilingualText(zh: "只接受 PDF、PNG 或 JPEG 文件（按内容判断）。", en: "Only PDF, PNG or JPEG files (judged by their content).")
            } else {
                do {
                    try await store.verifications.checkQuota(of: account.id, adding: file.bytes.count)
                } catch let error as VerificationError {
                    page.errors["file"] = error.message
                }
            }
        }
        let created: VerificationRequest
        do {
            let draft = try VerificationDraft(form)
            guard page.errors.isEmpty else { throw VerificationError.invalid([]) }
            created = try await store.verifications.submit(draft, by: account, catalog: state.current.catalog,
                                                           registry: try await state.registry(from: store))
        } catch VerificationError.invalid(let problems) {
            for problem in problems { page.errors[problem.field ?? ""] = problem.message }
            return Response.html(page.render(PageContext(request, context)), status: .unprocessableContent)
        }
        if let file {
            _ = try await store.verifications.attach(fileName: file.fileName, bytes: file.bytes, to: created.id, by: account)
        }
        return Response(status: .seeOther, headers: [.location: SiteURL.request(created.id).path])
    }
}
