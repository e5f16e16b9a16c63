import CredenceCore
import Crypto
import FluentKit
import Foundation

/// The keys results are signed with, kept in the database so that every instance on one
/// PostgreSQL signs with the same current key and publishes the same set. The private
/// halves are sealed with the data key (`CREDENCE_DATA_KEY`, which instances share). The
/// first key is the installation's receipt key; `rotate` adds a new current key, and no key
/// is ever removed — a result signed with it must go on verifying.
public struct SigningKeys: Sendable {
    let database: any Database
    let keys: KeyRing
    let now: @Sendable () -> Date

    public struct Key: Sendable {
        public var privateKey: Curve25519.Signing.PrivateKey
        public var createdAt: Date
        public var publicKey: Curve25519.Signing.PublicKey { privateKey.publicKey }
        public var multibase: String { Multikey.encode(publicKey) }
    }

    /// Every key, the current (newest) first.
    public func all() async throws -> [Key] {
        var records = try await SigningKeyRecord.query(on: database).sort(\SigningKeyRecord.$createdAt, .descending).all()
        if records.isEmpty {
            try await add(keys.signer.privateKey, at: now())
            records = try await SigningKeyRecord.query(on: database).sort(\SigningKeyRecord.$createdAt, .descending).all()
        }
        return try records.map { record in
            let raw = try keys.sealer.open(record.privateKeySealed)
            guard let data = Data(base64Encoded: raw), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data),
                  Multikey.encode(key.publicKey) == record.id
            else { throw StoreDataError(table: SigningKeyRecord.schema, row: record.id ?? "?", problem: "the sealed key does not open to its public key") }
            return Key(privateKey: key, createdAt: record.createdAt)
        }
    }

    public func current() async throws -> Key { try await all()[0] }

    /// Every public key, current first — read from the rows' ids (their Multikey form), so
    /// checking a credential or serving the DID document opens no sealed private key.
    public func publicKeys() async throws -> [Curve25519.Signing.PublicKey] {
        let records = try await SigningKeyRecord.query(on: database).sort(\SigningKeyRecord.$createdAt, .descending).all()
        if records.isEmpty { return try await all().map(\.publicKey) }
        return records.compactMap { $0.id.flatMap(Multikey.publicKey) }
    }

    /// Makes a new key current; the earlier ones stay published.
    @discardableResult
    public func rotate() async throws -> Key {
        _ = try await all()  // the receipt key is the first, before any new one
        let key = Curve25519.Signing.PrivateKey()
        // A whole second later than the newest, so "newest" never ties.
        let newest = try await SigningKeyRecord.query(on: database).max(\.$createdAt) ?? .distantPast
        let at = max(now(), newest.addingTimeInterval(1))
        try await add(key, at: at)
        return Key(privateKey: key, createdAt: at)
    }

    private func add(_ key: Curve25519.Signing.PrivateKey, at: Date) async throws {
        let record = SigningKeyRecord()
        record.id = Multikey.encode(key.publicKey)
        record.privateKeySealed = try keys.sealer.seal(key.rawRepresentation.base64EncodedString())
        record.createdAt = at
        do {
            try await record.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another instance added the same first key at the same moment: it is there.
        }
    }
}

extension Store {
    public var signingKeys: SigningKeys { SigningKeys(database: database, keys: keys, now: clock) }
}
