import CredenceCore
import CredenceStore

/// Fills a `HolderContent` for the holder's page and API alike: the view through the link
/// (counted against the address's limit), the entry, its issuing body, the retention period.
struct HolderReading {
    let store: Store
    let state: CatalogState
    let retention: RetentionPolicy

    func content(_ token: String, address: String, language: Lang) async throws -> HolderContent {
        let view = try await store.verifications.holderView(token: token, address: address)
        return HolderContent(view: view, entry: try? state.current.catalog.entry(view.request.entryId, edition: view.request.edition),
                             body: try await state.issuingBody(for: view.request.entryId, from: store), retentionDays: retention.days,
                             publicCheck: store.limits.publicCheck, language: language)
    }
}
