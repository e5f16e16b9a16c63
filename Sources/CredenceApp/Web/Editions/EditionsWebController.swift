import CredenceCore
import CredenceSheets
import CredenceStore
import Foundation
import Hummingbird

/// Editions on the web: the administrator's pages (drafts, entries, publishing, import,
/// statistics) and the public diff and history.
struct EditionsWebController {
    let store: Store
    let state: CatalogState

    func addRoutes(to routes: Routes) {
        let admin = Access.signedIn([.admin])
        let readers = Access.signedIn([.admin, .reviewer])
        routes.get("admin/editions", readers, use: editionsPage)
        routes.post("admin/editions", admin, use: createDraft)
        routes.post("admin/editions/import", admin, uploads: true, use: importDraft)
        routes.get("admin/editions/:edition", readers, use: editionPage_)
        routes.post("admin/editions/:edition/sign-off-request", admin, use: requestSignOff)
        routes.post("admin/editions/:edition/approvals", .signedIn([.reviewer]), use: answer)
        routes.post("admin/editions/:edition/entries", admin, use: addEntry)
        routes.get("admin/editions/:edition/entries/:id", admin, use: entryForm)
        routes.post("admin/editions/:edition/entries/:id", admin, use: changeEntry)
        routes.post("admin/editions/:edition/entries/:id/retire", admin, use: retireEntry)
        routes.post("admin/editions/:edition/publish", admin, use: publish)
        routes.get("admin/statistics", .signedIn([.admin, .officer]), use: statistics)
        routes.get("admin/statistics.csv", .signedIn([.admin, .officer]), use: statisticsCSV)
        routes.get("editions/:edition/diff/:other", .anyone, use: diff)
        routes.get("entries/:id/history", .anyone, use: history)
    }

    @Sendable func editionsPage(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        Response.html(listPage().render(PageContext(request, context)))
    }

    @Sendable func createDraft(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        var request = request
        let form = try await FormFields.read(&request)
        return try await attempt(request, context, back: nil) {
            let edition = try await store.editions.createDraft(
                id: form["id"].trimmingCharacters(in: .whitespaces), jurisdiction: "tianjin",
                title: BilingualText(zh: form["title.zh"], en: form["title.en"]), basedOn: form["basedOn"].isEmpty ? nil : form["basedOn"],
                by: try context.requireActor().account)
            return "/admin/editions/" + edition.id.queryEncoded
        }
    }

    @Sendable func importDraft(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        var request = request
        let form = try await FormFields.read(&request)
        return try await attempt(request, context, back: nil) {
            guard let file = form.files.first, !file.bytes.isEmpty else {
                throw EditionError.invalid([InputError("file", zh: "请选择文件。", en: "Choose a file.")])
            }
            let content = try await UploadReader.shared.importContent(file.bytes, sheet: ImportFile.isSheet(fileName: file.fileName))
            let parsed = try ImportFile.draft(content) {
                (form["id"].trimmingCharacters(in: .whitespaces), "tianjin", BilingualText(zh: form["title.zh"], en: form["title.en"]))
            }
            let edition = try await store.editions.importDraft(id: parsed.id, jurisdiction: parsed.jurisdiction, title: parsed.title,
                                                               entries: parsed.entries, by: try context.requireActor().account)
            return "/admin/editions/" + edition.id.queryEncoded
        }
    }

    @Sendable func editionPage_(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try await editionPage(try context.parameters.require("edition"), request, context)
    }

    @Sendable func addEntry(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        var request = request
        let form = try await FormFields.read(&request)
        let id = try context.parameters.require("edition")
        return try await attempt(request, context, back: id) {
            _ = try await store.editions.addEntry(try EntryForm.read(form, edition: id), to: id, by: try context.requireActor().account)
            return "/admin/editions/" + id.queryEncoded
        }
    }

    @Sendable func entryForm(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let edition = try state.current.catalog.resolveEdition(try context.parameters.require("edition"))
        let entry = try state.current.catalog.entry(try context.parameters.require("id"), edition: edition.id)
        return Response.html(EntryEditPage(edition: edition, entry: entry).render(PageContext(request, context)))
    }

    @Sendable func changeEntry(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        var request = request
        let form = try await FormFields.read(&request)
        let id = try context.parameters.require("edition")
        return try await attempt(request, context, back: id) {
            var entry = try EntryForm.read(form, edition: id)
            entry.id = try context.parameters.require("id")
            _ = try await store.editions.changeEntry(entry, in: id, by: try context.requireActor().account)
            return "/admin/editions/" + id.queryEncoded
        }
    }

    @Sendable func retireEntry(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        var request = request
        let form = try await FormFields.read(&request)
        let id = try context.parameters.require("edition")
        return try await attempt(request, context, back: id) {
            try await store.editions.retire(try context.parameters.require("id"), from: id,
                                            reason: RetirementReason(rawValue: form["reason"]) ?? .other,
                                            note: form["note"].isEmpty ? nil : form["note"], by: try context.requireActor().account)
            return "/admin/editions/" + id.queryEncoded
        }
    }

    @Sendable func publish(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        var request = request
        let form = try await FormFields.read(&request)
        let id = try context.parameters.require("edition")
        return try await attempt(request, context, back: id) {
            guard let issued = CalendarDate(form["issuedOn"].trimmingCharacters(in: .whitespaces)),
                  let effective = CalendarDate(form["effectiveOn"].trimmingCharacters(in: .whitespaces)) else {
                throw EditionError.invalid([InputError("issuedOn", zh: "日期格式为 YYYY-MM-DD。", en: "Dates are written YYYY-MM-DD.")])
            }
            _ = try await store.editions.publish(id, noticeRef: form["noticeRef"], issuedOn: issued, effectiveOn: effective,
                                                 by: try context.requireActor().account)
            return "/admin/editions/" + id.queryEncoded
        }
    }

    @Sendable func requestSignOff(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let id = try context.parameters.require("edition")
        return try await attempt(request, context, back: id) {
            _ = try await store.editions.requestSignOff(id, by: try context.requireActor().account)
            return "/admin/editions/" + id.queryEncoded + "#sign-off"
        }
    }

    /// A reviewer approves or returns the draft for their department.
    @Sendable func answer(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        var request = request
        let form = try await FormFields.read(&request)
        let id = try context.parameters.require("edition")
        return try await attempt(request, context, back: id) {
            _ = try await store.editions.answer(id, ApprovalDecision(rawValue: form["decision"]) ?? .approve, comment: form["comment"],
                                                by: try context.requireActor().account)
            return "/admin/editions/" + id.queryEncoded + "#sign-off"
        }
    }

    @Sendable func statistics(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let page = StatisticsPage(statistics: try await store.verifications.statistics(), catalog: state.current.catalog,
                                  bodies: try await state.registry(from: store).bodies)
        return Response.html(page.render(PageContext(request, context)))
    }

    @Sendable func statisticsCSV(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        // Only the three groupings: the value goes into a header and the file.
        let by = request.uri.queryParameters["by"].map(String.init) ?? "entry"
        guard ["entry", "body", "month"].contains(by) else {
            throw APIError.badParameter("by", "by must be entry, body or month.")
        }
        let statistics = try await store.verifications.statistics()
        let rows: [VerificationStatistics.Row] = switch by {
        case "body": statistics.byIssuingBody
        case "month": statistics.byMonth
        default: statistics.byEntry
        }
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"credence-statistics-\(by).csv\""],
                         body: .init(byteBuffer: ByteBuffer(string: StatisticsPage.csv(rows, keyName: by == "body" ? "issuing_body" : by))))
    }

    @Sendable func diff(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let diff = try await state.diff(try context.parameters.require("edition"), try context.parameters.require("other"),
                                                        store: store, context: context)
        return Response.html(DiffPage(diff: diff).render(PageContext(request, context)))
    }

    @Sendable func history(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let id = try context.parameters.require("id")
        let lines = try await store.editions.history(of: id, includingDrafts: context.actor?.account.role.readsDrafts == true)
        return Response.html(HistoryPage(id: id, lines: lines).render(PageContext(request, context)))
    }

    private func listPage(error: BilingualText? = nil) -> EditionsAdminPage {
        let catalog = state.current.catalog
        return EditionsAdminPage(editions: catalog.editions,
                                 counts: Dictionary(uniqueKeysWithValues: catalog.editions.map { ($0.id, catalog.entries(of: $0.id)?.count ?? 0) }),
                                 error: error)
    }

    private func editionPage(_ id: String, _ request: Request, _ context: AppRequestContext, error: BilingualText? = nil,
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let (edition, entries) = try state.current.entries(edition: id)
        // A reviewer asking for a published edition's page, or a draft: both readable to them.
        if edition.status == .draft, context.actor?.account.role.readsDrafts != true { throw CatalogError.unknownEdition(id) }
        let proposed = request.uri.queryParameters["proposal"].flatMap { UUID(uuidString: String($0)) }
        let proposal = proposed == nil ? nil : try await store.demand.proposals().first { $0.id == proposed && $0.status == .accepted }
        let page = EditionAdminPage(edition: edition, entries: entries, retirements: try await store.editions.retirements(in: id),
                                    departments: try await store.editions.departments(), proposal: proposal, error: error)
        return Response.html(page.render(PageContext(request, context)), status: status)
    }

    /// Runs a change; on success reloads the catalog and goes to `path`, on a refusal shows
    /// the page again with the reason.
    private func attempt(_ request: Request, _ context: AppRequestContext, back edition: String?,
                         _ change: () async throws -> String) async throws -> Response {
        let message: BilingualText
        let status: HTTPResponse.Status
        do {
            let path = try await change()
            try await state.reload(from: store)
            return Response(status: .seeOther, headers: [.location: path])
        } catch let error as EditionError {
            message = error.message
            status = APIError(error).status
        } catch let error as SignOffRefusal {
            message = error.message
            status = APIError(error).status
        } catch let error as SpreadsheetFile.Unsupported {
            message = error.message
            status = .unsupportedMediaType
        } catch let error as ImportRejected {
            let text = error.rows.prefix(30).map { "row \($0.row)\($0.field.map { " \($0)" } ?? ""): \($0.why)" }.joined(separator: "; ")
            message = BilingualText(zh: "未导入任何内容：" + text, en: "Nothing imported: " + text)
            status = .unprocessableContent
        } catch let error as EditionFormError {
            let text = error.problems.map(\.message)
            message = BilingualText(zh: text.map(\.zh).joined(separator: " "), en: text.map(\.en).joined(separator: " "))
            status = .unprocessableContent
        }
        if let edition, state.current.catalog.edition(edition) != nil {
            return try await editionPage(edition, request, context, error: message, status: status)
        }
        return Response.html(listPage(error: message).render(PageContext(request, context)), status: status)
    }
}
