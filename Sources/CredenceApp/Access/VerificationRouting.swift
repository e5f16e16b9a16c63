import CredenceCore
import Foundation
import Hummingbird

/// What the verification routes of the API and of the pages share: which action each path
/// takes and who may take it, the request id of a path, and how a stored file is served.
enum VerificationRouting {
    /// `POST …/{id}/{path}`: the action each path takes (who may take it is the action's `takenBy`).
    static let actions: [(path: String, action: VerificationAction)] = [
        ("accept", .accept), ("reject", .reject), ("request-info", .requestInfo), ("complete", .complete), ("resubmit", .resubmit),
        ("withdraw", .withdraw), ("revoke", .revoke), ("review", .review), ("review-decision", .reviewDecision),
    ]

    /// The request named by the path's `:id`; not a UUID is the same 404 as no such request.
    static func requestID(_ context: AppRequestContext) throws -> UUID {
        guard let id = UUID(uuidString: try context.parameters.require("id")) else { throw VerificationError.notFound }
        return id
    }

    /// The attachment named by the path's `:attachment`.
    static func attachmentID(_ context: AppRequestContext) throws -> UUID {
        guard let id = UUID(uuidString: try context.parameters.require("attachment")) else { throw VerificationError.notFound }
        return id
    }

    /// A stored file, served so no browser runs or renders it in our origin (with
    /// `X-Content-Type-Options: nosniff`, which every response carries).
    static func download(_ attachment: VerificationRequest.Attachment, _ bytes: Data) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: attachment.kind.mediaType,
                .contentDisposition: "attachment; filename=\"\(attachment.fileName)\"",
                .cacheControl: "private, no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The batch named by the path's `:batch`.
    static func batchID(_ context: AppRequestContext) throws -> UUID {
        guard let id = UUID(uuidString: try context.parameters.require("batch")) else { throw VerificationError.notFound }
        return id
    }

    /// A CSV file to download.
    static func csv(_ text: String, fileName: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(fileName)\""],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
