import CredenceCore
import CredenceSheets
import CredenceStore
import Foundation
import Hummingbird

/// `/api/v1` editions management (administrators) and its public reads: diff, history,
/// export. Every change reloads this instance's catalog at once; other instances follow
/// within seconds (`CatalogRefresher`).
struct EditionsAPIController {
    let store: Store
    let state: CatalogState

    func addRoutes(to routes: Routes) {
        let admin = Access.signedIn([.admin])
        routes.post("editions", admin, use: createDraft)
        routes.post("editions/:edition/entries", admin, use: addEntry)
        routes.on(.put, "editions/:edition/entries/:id", admin, use: changeEntry)
        routes.post("editions/:edition/entries/:id/retire", admin, use: retireEntry)
        routes.post("editions/:edition/publish", admin, use: publish)
        routes.get("editions/:edition/diff/:other", .anyone, use: diff)
        routes.get("entries/:id/history", .anyone, use: history)
        routes.get("editions/:edition/export", .anyone, use: export)
        routes.post("editions/import", admin, use: importDraft)
        routes.post("zones", admin, use: addZone)
        routes.on(.put, "zones/:id", admin, use: changeZone)
    }

    @Sendable func createDraft(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["id", "jurisdiction", "title", "basedOn"])
        let edition = try await store.editions.createDraft(
            id: try body.requiredString("id", "a slug such as tianjin-2024"),
            jurisdiction: try body.requiredString("jurisdiction", "such as tianjin"),
            title: try Self.bilingual(body, "title"), basedOn: try body.string("basedOn"), by: try context.requireActor().account)
        try await state.reload(from: store)
        return try Response.json(EditionDTO(edition, entryCount: state.current.catalog.entries(of: edition.id)?.count ?? 0), status: .created)
    }

    @Sendable func addEntry(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let entry = try await Self.entry(request, edition: try context.parameters.require("edition"), id: nil)
        let added = try await store.editions.addEntry(entry, to: try context.parameters.require("edition"), by: try context.requireActor().account)
        try await state.reload(from: store)
        return try Response.json(EntryDTO(added), status: .created)
    }

    @Sendable func changeEntry(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let id = try context.parameters.require("id")
        let entry = try await Self.entry(request, edition: try context.parameters.require("edition"), id: id)
        let changed = try await store.editions.changeEntry(entry, in: try context.parameters.require("edition"), by: try context.requireActor().account)
        try await state.reload(from: store)
        return EntryDTO(changed)
    }

    @Sendable func retireEntry(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["reason", "note"])
        guard let reason = try body.choice("reason", RetirementReason.self) else {
            throw body.invalid("reason", "reason is required: \(RetirementReason.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let edition = try context.parameters.require("edition")
        let id = try context.parameters.require("id")
        try await store.editions.retire(id, from: edition, reason: reason, note: try body.string("note"), by: try context.requireActor().account)
        try await state.reload(from: store)
        let retired = try await store.editions.retirements(in: edition).first { $0.entry.id == id }
        return RetiredDTO(entry: EntryDTO(retired?.entry ?? Entry(id: id, edition: edition, seq: 0, name: .init(zh: "", en: ""), region: nil,
                                                                  issuer: .init(zh: "", en: ""), fields: [], remarks: .init(zh: "", en: ""))),
                          reason: reason.rawValue, note: retired?.note)
    }

    @Sendable func publish(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["noticeRef", "issuedOn", "effectiveOn"])
        func date(_ name: String) throws -> CalendarDate {
            let text = try body.requiredString(name, "a date written YYYY-MM-DD")
            guard let date = CalendarDate(text) else { throw body.invalid(name, "\(name) must be a date written YYYY-MM-DD; got '\(text)'.") }
            return date
        }
        let edition = try await store.editions.publish(
            try context.parameters.require("edition"), noticeRef: try body.requiredString("noticeRef", "the notice's document number"),
            issuedOn: try date("issuedOn"), effectiveOn: try date("effectiveOn"), by: try context.requireActor().account)
        try await state.reload(from: store)
        return EditionDTO(edition, entryCount: state.current.catalog.entries(of: edition.id)?.count ?? 0)
    }

    @Sendable func diff(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let a = try context.parameters.require("edition"), b = try context.parameters.require("other")
        return DiffDTO(try await state.diff(a, b, store: store, context: context))
    }

    @Sendable func history(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let id = try context.parameters.require("id")
        let lines = try await store.editions.history(of: id, includingDrafts: context.actor?.account.role.readsDrafts == true)
        return HistoryDTO(id: id, lines: lines)
    }

    @Sendable func export(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let id = try context.parameters.require("edition")
        let (edition, entries) = try state.readable(id, context: context)
        let format = try QueryParameters(request).string("format") ?? "json"
        switch format {
        case "json": return try Self.exportJSON(edition, entries)
        case "csv": return Self.exportCSV(edition, entries)
        case "xlsx": return try Self.exportXLSX(edition, entries)
        default: throw APIError.badParameter("format", "format must be json, csv or xlsx; got '\(format.prefix(20))'.")
        }
    }

    @Sendable func importDraft(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let query = QueryParameters(request)
        let content = try await Self.importUpload(request, format: try query.string("format"))
        let file = try ImportFile.draft(content, id: try query.string("id")) {
            guard let id = try query.string("id"), let titleZh = try query.string("titleZh"), let titleEn = try query.string("titleEn") else {
                throw APIError.badParameter("id", "A CSV or .xlsx import needs ?id=, &titleZh= and &titleEn= (and &jurisdiction=, tianjin by default).")
            }
            return (id, try query.string("jurisdiction") ?? "tianjin", BilingualText(zh: titleZh, en: titleEn))
        }
        let edition = try await store.editions.importDraft(id: file.id, jurisdiction: file.jurisdiction, title: file.title,
                                                           entries: file.entries, by: try context.requireActor().account)
        try await state.reload(from: store)
        return try Response.json(EditionDTO(edition, entryCount: file.entries.count), status: .created)
    }

    @Sendable func addZone(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["id", "name", "kind", "source"])
        guard let kind = try body.choice("kind", ZoneKind.self) else { throw body.invalid("kind", "kind is required.") }
        let zone = try await store.zones.save(
            Zone(id: try body.requiredString("id", "a slug"), name: try Self.bilingual(body, "name"), kind: kind,
                 source: try body.string("source")), creating: true, by: try context.requireActor().account)
        try await state.reload(from: store)
        return try Response.json(ZoneDTO(zone), status: .created)
    }

    @Sendable func changeZone(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: ["name", "kind", "source"])
        guard let kind = try body.choice("kind", ZoneKind.self) else { throw body.invalid("kind", "kind is required.") }
        let zone = try await store.zones.save(
            Zone(id: try context.parameters.require("id"), name: try Self.bilingual(body, "name"), kind: kind, source: try body.string("source")),
            creating: false, by: try context.requireActor().account)
        try await state.reload(from: store)
        return ZoneDTO(zone)
    }

    /// An edition the caller may read: drafts only for administrators.
    static func bilingual(_ body: JSONObject, _ name: String) throws -> BilingualText {
        guard case .object(let fields)? = body.value(name), case .string(let zh)? = fields["zh"], case .string(let en)? = fields["en"] else {
            throw body.invalid(name, "\(name) must be {\"zh\": \"…\", \"en\": \"…\"}.")
        }
        return BilingualText(zh: zh, en: en)
    }

    /// An entry from a request body: the contract's entry JSON; `seq` may be omitted.
    static func entry(_ request: Request, edition: String, id: String?) async throws -> Entry {
        let body = try await JSONObject.read(request, errorCode: "invalid_field", accepting: [
            "id", "edition", "seq", "name", "abbreviations", "region", "issuer", "fields", "remarks", "titleLevel",
            "minExperienceYears", "requiresLocalRegistration", "keywords", "supplementary",
        ])
        var fields = body.fields
        if fields["seq"] == nil || fields["seq"] == .null { fields["seq"] = .number(0) }
        if fields["abbreviations"] == nil { fields["abbreviations"] = .array([]) }
        if fields["requiresLocalRegistration"] == nil { fields["requiresLocalRegistration"] = .bool(false) }
        if let id { fields["id"] = .string(id) }
        fields["edition"] = .string(edition)
        do {
            return try JSONDecoder().decode(Entry.self, from: try CanonicalJSON.data(JSONValue.object(fields)))
        } catch let DecodingError.keyNotFound(key, context) {
            throw body.invalid((context.codingPath + [key]).map(\.stringValue).joined(separator: "."), "\(key.stringValue) is required.")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw body.invalid(context.codingPath.map(\.stringValue).joined(separator: "."), "Wrong type: \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw body.invalid(context.codingPath.map(\.stringValue).joined(separator: "."), context.debugDescription)
        }
    }

    static func exportJSON(_ edition: Edition, _ entries: [Entry]) throws -> Response {
        var response = try Response.json(EditionExportDTO(edition: edition, entries: entries), status: .ok)
        response.headers[.contentDisposition] = "attachment; filename=\"\(edition.id).json\""
        return response
    }

    static func exportCSV(_ edition: Edition, _ entries: [Entry]) -> Response {
        Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                        .contentDisposition: "attachment; filename=\"\(edition.id).csv\""],
                 body: .init(byteBuffer: ByteBuffer(string: CatalogCSV.export(entries))))
    }

    /// The CSV's rows as a workbook's one sheet, every cell text (an id stays an id, a seq a seq).
    static func exportXLSX(_ edition: Edition, _ entries: [Entry]) throws -> Response {
        let rows = CatalogCSV.rows(entries)
        let bytes = try XLSXWriter.workbook([XLSXWriter.Sheet(name: edition.id.prefix(31).description, rows: rows,
                                                               widths: rows[0].map { _ in 18 }, textColumns: Set(rows[0].indices))])
        return Response(status: .ok, headers: [.contentType: XLSXWriter.mediaType,
                                               .contentDisposition: "attachment; filename=\"\(edition.id).xlsx\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static let importMaxBytes = 4 * 1024 * 1024

    /// The file of an import, sent as the body (`application/json`, `text/csv`, the .xlsx
    /// type) or as the `file` field of a multipart form (`curl -F file=@edition.json`), read
    /// as its format says: `?format=` (json, csv or xlsx) when given, else the content type
    /// (or the file name's extension); a ZIP file is a workbook whatever it is called.
    static func importUpload(_ request: Request, format: String?) async throws -> ImportFile.Content {
        let file = try await UploadedFile.read(request, upTo: importMaxBytes, limitText: "4 MiB")
        if let format, !["json", "csv", "xlsx"].contains(format) {
            throw APIError.badParameter("format", "format must be json, csv or xlsx; got '\(format.prefix(20))'.")
        }
        let type = file.contentType.lowercased()
        let sheet = format.map { $0 != "json" } ?? (file.fileName.map(ImportFile.isSheet) ?? (type.hasPrefix("text/csv") || type.hasPrefix(XLSXWriter.mediaType)))
        return try await UploadReader.shared.importContent(file.bytes, sheet: sheet)
    }
}
