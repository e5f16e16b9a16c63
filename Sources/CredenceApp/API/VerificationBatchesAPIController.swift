import CredenceCore
import CredenceSheets
import CredenceStore
import Foundation
import Hummingbird

/// `/api/v1/verification-batches`: an employer's file of holders, made into requests at
/// once; its progress; its results as a spreadsheet.
struct VerificationBatchesAPIController {
    let store: Store
    let state: CatalogState

    func addRoutes(to routes: Routes) {
        routes.get("verification-batches/template", .anyone, use: template)
        routes.post("verification-batches", .signedIn([.employer]), use: submit)
        routes.get("verification-batches/:batch", .verificationParty, use: show)
        routes.get("verification-batches/:batch/export", .verificationParty, use: export)
    }

    static func language(_ request: Request) throws -> Language {
        guard let text = try QueryParameters(request).string("lang") else { return .en }
        guard let language = Language(rawValue: text) else { throw APIError.badParameter("lang", "lang must be zh or en; got '\(text.prefix(20))'.") }
        return language
    }

    /// `?format=csv` (the default) or `xlsx`.
    @Sendable func template(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let language = try Self.language(request)
        let format = try QueryParameters(request).string("format") ?? "csv"
        switch format {
        case "csv": return VerificationRouting.csv(BatchCSV.template(language), fileName: "verification-batch-template-\(language.rawValue).csv")
        case "xlsx": return try BatchTemplate.xlsx(language)
        default: throw APIError.badParameter("format", "format must be csv or xlsx; got '\(format.prefix(20))'.")
        }
    }

    @Sendable func submit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let language = try Self.language(request)
        let file = try await UploadedFile.read(request, upTo: BatchCSV.maxBytes, limitText: "2 MiB")
        do {
            let batch = try await store.verifications.submitBatch(try await UploadReader.shared.batchSheet(file.bytes), by: try context.requireActor().account,
                                                                  catalog: state.current.catalog, language: language)
            return try Response.json(BatchCreatedDTO(id: batch.id.uuidString.lowercased(), count: batch.count,
                                                     requests: batch.requests.map { $0.id.uuidString.lowercased() }), status: .created)
        } catch let refused as BatchCSV.Refused {
            throw Self.error(refused, language: language)
        } catch let refusal as any DescribedError where !(refusal is StoreUnavailable) {
            // The file as a whole (no rows, past a limit, not a spreadsheet): in the language of `lang`, as rows are.
            var error = APIError(refusal)
            error.message = refusal.message.text(in: language)
            throw error
        }
    }

    static func error(_ refused: BatchCSV.Refused, language: Language) -> any Error {
        if refused.tooMany {
            return APIError(status: .contentTooLarge, code: "too_large", message: refused.rows.first?.why ?? "Too many rows.", field: "file")
        }
        return ImportRejected(rows: refused.rows, total: refused.total, message: language == .zh
            ? "文件中有 \(refused.total) 处问题，未创建任何申请。" : "\(refused.total) problem(s) in the file; nothing was created.")
    }

    @Sendable func show(_ request: Request, _ context: AppRequestContext) async throws -> BatchDTO {
        let batch = try await store.verifications.batch(try VerificationRouting.batchID(context), for: try context.requireActor().account)
        let registry = try await state.registry(from: store)
        return BatchDTO(
            id: batch.id.uuidString.lowercased(), createdAt: Timestamps.rfc3339(batch.createdAt), count: batch.count,
            byStatus: Dictionary(uniqueKeysWithValues: VerificationStatus.allCases.map { ($0.rawValue, batch.byStatus[$0] ?? 0) }),
            requests: batch.requests.map { VerificationRequestDTO(request: $0, channel: .summary(of: registry.body(for: $0.entryId)), detail: false) })
    }

    @Sendable func export(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let format = try QueryParameters(request).string("format") ?? "csv"
        guard format == "csv" else { throw APIError.badParameter("format", "format must be csv; got '\(format.prefix(20))'.") }
        let batch = try await store.verifications.batch(try VerificationRouting.batchID(context), for: try context.requireActor().account)
        return VerificationRouting.csv(BatchCSV.export(batch.requests, language: try Self.language(request)),
                        fileName: "verification-batch-\(batch.id.uuidString.lowercased()).csv")
    }
}

struct BatchDTO: ResponseEncodable, Sendable {
    var id: String
    var createdAt: String
    var count: Int
    var byStatus: [String: Int]
    var requests: [VerificationRequestDTO]
}

struct BatchCreatedDTO: Encodable, Sendable {
    var id: String
    var count: Int
    var requests: [String]
}
