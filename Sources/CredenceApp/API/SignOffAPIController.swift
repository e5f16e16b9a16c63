import CredenceCore
import CredenceStore
import Hummingbird

/// The departments and their sign-off of a new edition (issue 34): `GET|PUT
/// /api/v1/departments`, an administrator's `sign-off-request`, a reviewer's `approvals`.
struct SignOffAPIController {
    let store: Store
    let state: CatalogState

    func addRoutes(to routes: Routes) {
        routes.get("departments", .anyone, use: departments)
        routes.on(.put, "departments/:id", .signedIn([.admin]), use: updateDepartment)
        routes.post("editions/:edition/sign-off-request", .signedIn([.admin]), use: requestSignOff)
        routes.post("editions/:edition/approvals", .signedIn([.reviewer]), use: answer)
    }

    @Sendable func departments(_ request: Request, _ context: AppRequestContext) async throws -> DepartmentListDTO {
        DepartmentListDTO(departments: try await store.editions.departments(), effect: nil)
    }

    /// `{"part": "required" | "consulted", "name"?: {zh, en}}`.
    @Sendable func updateDepartment(_ request: Request, _ context: AppRequestContext) async throws -> DepartmentListDTO {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["part", "name"])
        guard let part = try body.choice("part", DepartmentPart.self) else {
            throw body.invalid("part", "part is required: \(DepartmentPart.allCases.map(\.rawValue).joined(separator: " or ")).")
        }
        var name: BilingualText?
        if body.value("name") != nil {
            let object = try body.object("name", accepting: ["zh", "en"])
            name = BilingualText(zh: try object.requiredString("zh", "the name as printed"), en: try object.requiredString("en", "the English name"))
        }
        let changed = try await store.editions.updateDepartment(try context.parameters.require("id"), part: part, name: name,
                                                                  by: try context.requireActor().account)
        return DepartmentListDTO(departments: [changed.department], effect: changed.effect)
    }

    @Sendable func requestSignOff(_ request: Request, _ context: AppRequestContext) async throws -> EditionDTO {
        let edition = try await store.editions.requestSignOff(try context.parameters.require("edition"), by: try context.requireActor().account)
        try await state.reload(from: store)
        return EditionDTO(edition, entryCount: state.current.catalog.entries(of: edition.id)?.count ?? 0)
    }

    /// `{"decision": "approve" | "return", "comment"?}` — a comment is required to return.
    @Sendable func answer(_ request: Request, _ context: AppRequestContext) async throws -> EditionDTO {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["decision", "comment"])
        guard let decision = try body.choice("decision", ApprovalDecision.self) else {
            throw body.invalid("decision", "decision is required: approve or return.")
        }
        let edition = try await store.editions.answer(try context.parameters.require("edition"), decision, comment: try body.string("comment"),
                                                      by: try context.requireActor().account)
        try await state.reload(from: store)
        return EditionDTO(edition, entryCount: state.current.catalog.entries(of: edition.id)?.count ?? 0)
    }
}

struct DepartmentListDTO: Encodable, Sendable {
    var departments: [Department]
    /// After a change: what it does to the drafts awaiting sign-off, when it does anything.
    var effect: BilingualText?
}
