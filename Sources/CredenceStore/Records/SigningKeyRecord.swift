import CredenceCore
import FluentKit
import Foundation
import SQLKit

/// The `signing_keys` table: each key by its public Multikey, the private half sealed with
/// the data key.
final class SigningKeyRecord: Model, @unchecked Sendable {
    static let schema = "signing_keys"

    @ID(custom: .id, generatedBy: .user) var id: String?
    @Field(key: "private_key_sealed") var privateKeySealed: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
