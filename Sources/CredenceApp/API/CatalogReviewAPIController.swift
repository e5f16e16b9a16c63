import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// Section 四 as a process (issue 34): an entry's review dossier and notes, the demand for
/// new entries, and the public's proposals.
struct CatalogReviewAPIController {
    let store: Store
    let state: CatalogState

    func addRoutes(to routes: Routes) {
        let reviewers = Access.signedIn([.admin, .reviewer])
        routes.get("entries/:id/review", reviewers, use: dossier)
        routes.post("entries/:id/review-notes", reviewers, use: addNote)
        routes.get("demand", Access.signedIn([.admin, .reviewer, .officer]), use: demand)
        routes.post("proposals", .anyone, use: propose)
        routes.get("proposals", reviewers, use: proposals)
        routes.post("proposals/:id/decision", .signedIn([.admin]), use: decide)
    }

    @Sendable func dossier(_ request: Request, _ context: AppRequestContext) async throws -> DossierDTO {
        let id = try context.parameters.require("id")
        return DossierDTO(try await state.dossier(id, store: store))
    }

    /// `{"kind": "issuance" | "membership_level" | "practice_ability" | "other", "text", "source"?}` → 201.
    @Sendable func addNote(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["kind", "text", "source"])
        guard let kind = try body.choice("kind", ReviewNoteKind.self) else {
            throw body.invalid("kind", "kind is required: \(ReviewNoteKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let note = try await store.dossiers.addNote(to: id, kind: kind, text: try body.requiredString("text", "what was found"),
                                                    source: try body.string("source"), by: try context.requireActor().account, known: state.holdsEntry(id))
        return try Response.json(ReviewNoteDTO(note), status: .created)
    }

    @Sendable func demand(_ request: Request, _ context: AppRequestContext) async throws -> DemandDTO {
        DemandDTO(try await store.demand.report(catalog: state.current.catalog))
    }

    /// `{"name", "issuer", "region", "field", "why", "contact"?}` → 201 `{"id"}`; 5 an hour per address.
    @Sendable func propose(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["name", "issuer", "region", "field", "why", "contact"])
        let draft = ProposalDraft(name: try body.string("name") ?? "", issuer: try body.string("issuer") ?? "", region: try body.string("region") ?? "",
                                  field: try body.string("field") ?? "", why: try body.string("why") ?? "", contact: try body.string("contact"))
        let proposal = try await store.demand.propose(draft, address: context.remoteAddress)
        return try Response.json(["id": proposal.id.uuidString.lowercased(), "status": proposal.status.rawValue], status: .created)
    }

    @Sendable func proposals(_ request: Request, _ context: AppRequestContext) async throws -> ProposalListDTO {
        ProposalListDTO(proposals: try await store.demand.proposals().map(ProposalDTO.init))
    }

    /// `{"decision": "accepted" | "declined", "reason"?}` — a reason is required to decline.
    @Sendable func decide(_ request: Request, _ context: AppRequestContext) async throws -> ProposalDTO {
        guard let id = UUID(uuidString: try context.parameters.require("id")) else { throw APIError.notFound("No such proposal.") }
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["decision", "reason"])
        guard let decision = try body.choice("decision", ProposalStatus.self), decision != .new else {
            throw body.invalid("decision", "decision is required: accepted or declined.")
        }
        return ProposalDTO(try await store.demand.decide(id, decision, reason: try body.string("reason"), by: try context.requireActor().account))
    }
}
