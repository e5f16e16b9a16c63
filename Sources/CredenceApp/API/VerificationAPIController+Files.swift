import CredenceWire
import CredenceCore
import CredenceStore
import Foundation
import Hummingbird

/// A request's attachments, its signed receipt, and the public checks of results.
extension VerificationAPIController {
    @Sendable func attach(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        guard let boundary = MultipartForm.boundary(of: request.headers[.contentType] ?? "") else {
            throw APIError(status: .unsupportedMediaType, code: "unsupported_type",
                           message: "Send the file as multipart/form-data with one part named file.")
        }
        let body = try await request.collectBody(upTo: MultipartForm.maxBytes)
        let form = try MultipartForm(body: Array(buffer: body), boundary: boundary)
        guard form.files.count == 1, let file = form.files.first else {
            throw APIError(status: .unprocessableContent, code: "invalid_field", message: "Send exactly one file, in a part named file.", field: "file")
        }
        let attachment = try await store.verifications.attach(
            fileName: file.fileName, bytes: file.bytes, to: try VerificationRouting.requestID(context), by: try context.requireActor().account)
        return try Response.json(AttachmentDTO(attachment), status: .created)
    }

    @Sendable func attachment(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (attachment, bytes) = try await store.verifications.attachment(
            try VerificationRouting.attachmentID(context), of: try VerificationRouting.requestID(context),
            for: try context.requireActor().account)
        return VerificationRouting.download(attachment, bytes)
    }

    @Sendable func receipt(_ request: Request, _ context: AppRequestContext) async throws -> SignedReceiptDTO {
        let signed = try await store.verifications.receipt(of: try VerificationRouting.requestID(context), for: try context.requireActor().account)
        return SignedReceiptDTO(receipt: signed.receipt, signature: signed.signature, keyId: signed.keyId)
    }

    @Sendable func publicKey(_ request: Request, _ context: AppRequestContext) async throws -> PublicKeyDTO {
        PublicKeyDTO(keyId: store.keys.signer.keyId, publicKey: store.keys.signer.publicKey.base64EncodedString())
    }

    @Sendable func check(_ request: Request, _ context: AppRequestContext) async throws -> PublicCheckDTO {
        let code = try context.pathText("code")
        guard let check = try await store.verifications.publicCheck(code: code, address: context.remoteAddress) else {
            throw APIError.notFound("No authentic result has the code \(Echo.quoted(code)).")
        }
        guard check.active else {
            throw APIError(status: .gone, code: "verification_code_inactive", message: PublicCheckPolicy.inactive.en)
        }
        return PublicCheckDTO(check, catalog: state.current.catalog, today: .today(at: store.clock()))
    }
}
