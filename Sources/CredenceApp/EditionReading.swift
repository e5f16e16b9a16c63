import CredenceCore
import CredenceStore
import Hummingbird

/// Which editions a caller may read — drafts are administrators' and reviewers' only; to anyone else a
/// draft does not exist — the differences between two readable editions, and an entry's
/// dossier. Shared by the API and the pages.
extension CatalogState {
    func readable(_ id: String, context: AppRequestContext) throws -> (Edition, [Entry]) {
        let (edition, entries) = try current.entries(edition: id)
        if edition.status == .draft, context.actor?.account.role.readsDrafts != true { throw CatalogError.unknownEdition(id) }
        return (edition, entries)
    }

    func diff(_ a: String, _ b: String, store: Store, context: AppRequestContext) async throws -> EditionDiff {
        let (_, old) = try readable(a, context: context)
        let (_, new) = try readable(b, context: context)
        return EditionDiff(from: a, to: b, old: old, new: new, retirements: try await store.editions.retirements(in: b))
    }

    /// The dossier of an entry any edition holds; a 404 for anything else.
    func dossier(_ id: String, store: Store) async throws -> EntryDossier {
        guard holdsEntry(id) else { throw APIError.notFound("The catalog has no entry '\(id)'.") }
        return try await store.dossiers.dossier(of: id, channel: try await registry(from: store).body(for: id).channel)
    }
}
