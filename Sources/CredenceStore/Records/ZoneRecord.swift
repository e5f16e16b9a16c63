import CredenceCore
import FluentKit

/// The `zones` table: where the catalog applies.
final class ZoneRecord: Model, @unchecked Sendable {
    static let schema = "zones"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "source") var source: String?

    init() {}

    init(_ zone: Zone) {
        id = zone.id
        nameZh = zone.name.zh
        nameEn = zone.name.en
        kind = zone.kind.rawValue
        source = zone.source
    }

    func zone() throws -> Zone {
        guard let id, let kind = ZoneKind(rawValue: kind) else {
            throw StoreDataError(table: Self.schema, row: id ?? "?", problem: "unknown kind \(kind)")
        }
        return Zone(id: id, name: BilingualText(zh: nameZh, en: nameEn), kind: kind, source: source)
    }
}
