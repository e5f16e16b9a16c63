import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// Section 四 on the web (issue 34): an entry's dossier and notes, the demand page with its
/// proposals' moderation, and the public proposal form.
struct CatalogReviewWebController {
    let store: Store
    let state: CatalogState

    func addRoutes(to routes: Routes) {
        let reviewers = Access.signedIn([.admin, .reviewer])
        routes.get("admin/entries/:id/review", reviewers, use: dossier)
        routes.get("admin/entries/:id/review.csv", reviewers, use: dossierCSV)
        routes.post("admin/entries/:id/review/notes", reviewers, use: addNote)
        routes.get("admin/demand", Access.signedIn([.admin, .reviewer, .officer]), use: demand)
        routes.get("admin/demand.csv", Access.signedIn([.admin, .reviewer, .officer]), use: demandCSV)
        routes.post("admin/proposals/:id/decision", .signedIn([.admin]), use: decide)
        routes.get("proposals/new", .anyone, use: proposalForm)
        routes.post("proposals", .anyone, use: propose)
    }

    @Sendable func dossier(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await dossierPage(request, context, error: nil, status: .ok)
    }

    private func dossierPage(_ request: Request, _ context: AppRequestContext, error: BilingualText?, status: HTTPResponse.Status) async throws -> Response {
        let id = try context.parameters.require("id")
        let dossier = try await state.dossier(id, store: store)
        let entry = try state.current.catalog.entry(id)
        return Response.html(DossierPage(entry: entry, dossier: dossier, error: error).render(PageContext(request, context)), status: status)
    }

    @Sendable func dossierCSV(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let dossier = try await state.dossier(id, store: store)
        return Self.csv(DossierPage.csv(dossier), name: "credence-review-\(id).csv")
    }

    @Sendable func addNote(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let id = try context.parameters.require("id")
        do {
            _ = try await store.dossiers.addNote(to: id, kind: ReviewNoteKind(rawValue: form["kind"]) ?? .other, text: form["text"],
                                                 source: form["source"].trimmingCharacters(in: .whitespaces).isEmpty ? nil : form["source"],
                                                 by: try context.requireActor().account,
                                                 known: state.holdsEntry(id))
        } catch VerificationError.invalid(let problems) {
            return try await dossierPage(request, context, error: InputError.joined(problems), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/admin/entries/\(id.queryEncoded)/review"])
    }

    @Sendable func demand(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        Response.html(try await demandPage().render(PageContext(request, context)))
    }

    private func demandPage(error: BilingualText? = nil) async throws -> DemandPage {
        DemandPage(report: try await store.demand.report(catalog: state.current.catalog),
                   draftEdition: state.current.catalog.editions.last { $0.status == .draft }?.id, error: error)
    }

    @Sendable func demandCSV(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        Self.csv(DemandPage.csv(try await store.demand.report(catalog: state.current.catalog)), name: "credence-demand.csv")
    }

    @Sendable func decide(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        guard let id = UUID(uuidString: try context.parameters.require("id")) else { throw APIError.notFound("No such proposal.") }
        do {
            _ = try await store.demand.decide(id, ProposalStatus(rawValue: form["decision"]) ?? .new, reason: form["reason"],
                                              by: try context.requireActor().account)
        } catch VerificationError.invalid(let problems) {
            let page = try await demandPage(error: InputError.joined(problems))
            return Response.html(page.render(PageContext(request, context)), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/admin/demand#proposal-\(id.uuidString.lowercased())"])
    }

    @Sendable func proposalForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        Response.html(ProposalPage(sent: request.uri.queryParameters["sent"] != nil).render(PageContext(request, context)))
    }

    @Sendable func propose(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let draft = ProposalDraft(name: form["name"], issuer: form["issuer"], region: form["region"], field: form["field"], why: form["why"],
                                  contact: form["contact"])
        do {
            _ = try await store.demand.propose(draft, address: context.remoteAddress)
        } catch VerificationError.invalid(let problems) {
            return Response.html(ProposalPage(fields: form, problems: problems).render(PageContext(request, context)), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/proposals/new?sent=1"])
    }

    static func csv(_ text: String, name: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
