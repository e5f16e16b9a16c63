import CredenceCore
import Foundation
import Hummingbird

/// What the verification routes of the API and of the pages share: which action each path
/// takes and who may take it, the request id of a path, and how a stored file is served.
enum VerificationRouting {
    /// `POST …/{id}/{path}`: the action and the roles that may take it.
    static let actions: [(path: String, action: VerificationAction, roles: Set<Role>)] = [
        ("accept", .accept, [.officer]), ("reject", .reject, [.officer]), ("request-info", .requestInfo, [.officer]),
        ("complete", .complete, [.officer]), ("resubmit", .resubmit, [.employer]), ("withdraw", .withdraw, [.employer]),
        ("revoke", .revoke, [.officer]), ("review", .review, [.employer]), ("review-decision", .reviewDecision, [.officer]),
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
}
