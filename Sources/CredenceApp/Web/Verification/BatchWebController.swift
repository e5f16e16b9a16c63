import CredenceCore
import CredenceSheets
import CredenceStore
import Foundation
import Hummingbird

/// The batch upload on `/requests/new` and the batch pages.
struct BatchWebController {
    let store: Store
    let state: CatalogState

    func addRoutes(to routes: Routes) {
        routes.post("requests/batch", .signedIn([.employer]), uploads: true, use: upload)
        routes.get("batches/:batch", .signedIn([.employer, .officer, .admin]), use: show)
        routes.get("batches/:batch/export", .signedIn([.employer, .officer, .admin]), use: export)
    }

    @Sendable func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request)
        let page = PageContext(request, context)
        var problems: BatchCSV.Refused
        if let file = form.files.first(where: { $0.field == "file" && !$0.bytes.isEmpty }) {
            guard file.bytes.count <= BatchCSV.maxBytes else {
                problems = .init(rows: [.init(row: 0, field: nil, why: page.t("文件不能超过 2 MiB。", "The file may be at most 2 MiB."))])
                return try refused(problems, request, context, status: .contentTooLarge)
            }
            do {
                let batch = try await store.verifications.submitBatch(try await UploadReader.shared.batchSheet(file.bytes),
                                                                      by: try context.requireActor().account,
                                                                      catalog: state.current.catalog, language: page.language)
                return Response(status: .seeOther, headers: [.location: "/batches/\(batch.id.uuidString.lowercased())"])
            } catch let refused as BatchCSV.Refused {
                problems = refused
                return try self.refused(problems, request, context, status: refused.tooMany ? .contentTooLarge : .unprocessableContent)
            } catch let refusal as any DescribedError {
                // Not a spreadsheet, past a limit, or no rows: the file as a whole (row 0).
                problems = .init(rows: [.init(row: 0, field: nil, why: refusal.message.text(in: page.language))])
                return try self.refused(problems, request, context, status: APIError(refusal).status)
            }
        }
        problems = .init(rows: [.init(row: 0, field: nil, why: page.t("请选择一个文件（CSV 或 .xlsx）。", "Choose a file (CSV or .xlsx)."))])
        return try refused(problems, request, context, status: .unprocessableContent)
    }

    private func refused(_ problems: BatchCSV.Refused, _ request: Request, _ context: AppRequestContext,
                         status: HTTPResponse.Status) throws -> Response {
        var page = NewRequestPage(entries: try state.current.entries().entries)
        page.batchProblems = problems
        return Response.html(page.render(PageContext(request, context)), status: status)
    }

    @Sendable func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let batch = try await store.verifications.batch(try VerificationRouting.batchID(context), for: try context.requireActor().account)
        return Response.html(BatchPage(batch: batch, catalog: state.current.catalog).render(PageContext(request, context)))
    }

    @Sendable func export(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let batch = try await store.verifications.batch(try VerificationRouting.batchID(context), for: try context.requireActor().account)
        return VerificationRouting.csv(BatchCSV.export(batch.requests, language: PageContext(request, context).language),
                                                    fileName: "verification-batch-\(batch.id.uuidString.lowercased()).csv")
    }
}
