import CredenceCore
import CredenceStore
import Hummingbird

/// `/api/v1` catalog reads: editions, entries, search, zones. Handlers only translate:
/// parameters in, a `CatalogSnapshot` query, a DTO out.
struct CatalogAPIController {
    let state: CatalogState
    let store: Store

    func addRoutes(to routes: Routes) {
        // Drafts are the administrators' work in progress: nobody else sees them.
        routes.get("editions", .anyone, use: editions)
        routes.get("editions/:edition", .anyone, use: edition)
        routes.get("entries", .anyone, use: entries)
        routes.get("entries/:id", .anyone, use: entry)
        routes.get("search", .anyone, use: search)
        routes.get("zones", .anyone, use: zones)
    }

    @Sendable func editions(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        EditionListDTO(state.current.catalog, includingDrafts: context.actor?.account.role.readsDrafts == true)
    }

    @Sendable func edition(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let (edition, entries) = try state.readable(try context.parameters.require("edition"), context: context)
        return EditionDTO(edition, entryCount: entries.count, entries: entries)
    }

    @Sendable func entries(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let query = QueryParameters(request)
        // The commonest read: the edition in force, whole, encoded once per catalog.
        if request.uri.query == nil, context.actor?.account.role.readsDrafts != true {
            return try state.cachedJSON("/api/v1/entries") { snapshot in
                let (edition, entries) = try snapshot.entries()
                return EntryListDTO(edition: edition, entries: entries)
            }
        }
        let filter = EntryFilter(field: try query.field("field"), region: try query.string("region"))
        if let id = try query.string("edition") { _ = try state.readable(id, context: context) }
        let (edition, entries) = try state.current.entries(edition: try query.string("edition"), filter: filter)
        return try Response.json(EntryListDTO(edition: edition, entries: entries), status: .ok)
    }

    @Sendable func entry(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let id = try context.parameters.require("id")
        guard let edition = try QueryParameters(request).string("edition") else {
            // An entry of the edition in force, encoded once per catalog (an unknown id throws: nothing kept).
            return try state.cachedJSON("/api/v1/entries/" + id) { snapshot in EntryDTO(try snapshot.catalog.entry(id, edition: nil)) }
        }
        _ = try state.readable(edition, context: context)
        return try Response.json(EntryDTO(try state.current.catalog.entry(id, edition: edition)), status: .ok)
    }

    @Sendable func search(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let query = QueryParameters(request)
        guard let q = try query.string("q"), q.schemaLength <= 200 else {
            throw APIError.badParameter("q", "q is required: 1 to 200 characters of what you are looking for.")
        }
        let limit = try query.int("limit", in: SearchLimit.range) ?? SearchLimit.default
        if let edition = try query.string("edition") {
            _ = try state.readable(edition, context: context)
            let (edition, hits) = try state.current.search(q, edition: edition, limit: limit)
            return try Response.json(SearchResultsDTO(query: q, edition: edition, hits: hits), status: .ok)
        }
        // In the edition in force, the same question has the same answer until the catalog changes.
        let answer = try state.cachedJSON("/api/v1/search \(limit) \(q)") { snapshot in
            let (edition, hits) = try snapshot.search(q, limit: limit)
            state.answered(q, hits)
            return SearchResultsDTO(query: q, edition: edition, hits: hits)
        }
        state.searched(q, request, context, store: store)
        return answer
    }

    @Sendable func zones(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        ZoneListDTO(state.current.catalog.zones)
    }
}
