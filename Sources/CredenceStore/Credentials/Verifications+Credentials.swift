import CompressNIO
import CredenceCore
import FluentKit
import Foundation
import NIOCore
import SQLKit

/// Results as W3C credentials: issued once per completed request (signed with the current
/// key, then kept as issued), revoked through the workflow's `revoke`, and published in
/// revocation lists.
extension Verifications {
    var signingKeys: SigningKeys { SigningKeys(database: database, keys: keys, now: now) }

    /// The request's credential — its RFC 8785 JSON, the bytes that were signed — issued on
    /// first asking. Completed requests only (409).
    public func credential(of id: UUID, for account: Account, issuer: CredentialIssuer, catalog: Catalog) async throws -> String {
        let record = try await visible(id, to: account)
        if let stored = record.credential { return stored }
        let key = try await signingKeys.current()
        return try await database.transaction { db -> String in
            let record = try await visible(id, to: account, on: db)
            if let stored = record.credential { return stored }  // another request issued it meanwhile
            return try await issue(record, key: key, issuer: issuer, catalog: catalog, on: db)
        }
    }

    /// Signs and stores `record`'s credential, giving it a place in a revocation list first.
    func issue(_ record: VerificationRequestRecord, key: SigningKeys.Key, issuer: CredentialIssuer, catalog: Catalog,
               on db: any Database) async throws -> String {
        guard record.status == VerificationStatus.completed.rawValue, let completedAt = record.completedAt,
              let outcome = record.outcome.flatMap(VerificationOutcome.init)
        else {
            throw VerificationError.illegal(IllegalTransition(from: VerificationStatus(rawValue: record.status) ?? .submitted, action: .complete))
        }
        try await assignStatusSlot(record, on: db)
        let entryName = (try? catalog.entry(record.entryID, edition: record.editionID).name) ?? BilingualText(zh: record.entryID, en: record.entryID)
        var facts = ResultFacts(
            requestId: try record.requireID(), entryId: record.entryID, edition: record.editionID, entryName: entryName,
            certificateNumber: record.certificateNumber, holderName: record.holderName, outcome: outcome, completedAt: completedAt,
            verificationCode: record.verificationCode, statusList: record.statusList!, statusIndex: record.statusIndex!,
            expiresOn: record.expiresOn)
        facts.credentialId = record.credentialID
        let signed = try EdDSAJCS2022.sign(ResultCredential.unsigned(facts, issuer: issuer), options: .init(
            verificationMethod: issuer.did.verificationMethod(for: key.publicKey), created: now()), key: key.privateKey)
        let text = String(decoding: try JCS.canonicalize(.object(signed)), as: UTF8.self)
        record.credential = text
        try await record.save(on: db)
        return text
    }

    /// A random free bit of the newest list; a list is filled to half, so a free bit is
    /// found in a draw or two, and then a new list begins.
    func assignStatusSlot(_ record: VerificationRequestRecord, on db: any Database) async throws {
        guard record.statusIndex == nil else { return }
        // A superseded result keeps its place (its bit stays set), so places count in both tables.
        let newest = max(try await VerificationRequestRecord.query(on: db).max(\.$statusList) ?? 1,
                         try await SupersededResultRecord.query(on: db).max(\.$statusList) ?? 1)
        let used = try await VerificationRequestRecord.query(on: db).filter(\.$statusList == newest).count()
            + SupersededResultRecord.query(on: db).filter(\.$statusList == newest).count()
        let list = used >= BitstringStatusList.size / 2 ? newest + 1 : newest
        while true {
            let index = Int.random(in: 0..<BitstringStatusList.size)
            let taken = try await VerificationRequestRecord.query(on: db).filter(\.$statusList == list).filter(\.$statusIndex == index).count()
                + SupersededResultRecord.query(on: db).filter(\.$statusList == list).filter(\.$statusIndex == index).count()
            if taken == 0 {
                record.statusList = list
                record.statusIndex = index
                return
            }
        }
    }

    // MARK: Status lists

    /// List `list` as a signed `BitstringStatusListCredential`, or nil when there is no such list.
    public func statusList(_ list: Int, issuer: CredentialIssuer) async throws -> JSONValue? {
        let newest = max(try await VerificationRequestRecord.query(on: reader).max(\.$statusList) ?? 1,
                         try await SupersededResultRecord.query(on: reader).max(\.$statusList) ?? 1)
        guard (1...newest).contains(list) else { return nil }
        let revoked = try await reader.sql.select().column("status_index").from(VerificationRequestRecord.schema)
            .where("status_list", .equal, SQLBind(list)).where("revoked_at", .isNot, SQLLiteral.null)
            .all().map { try $0.decode(column: "status_index", as: Int.self) } + supersededSlots(list: list)
        var bits = ByteBuffer(bytes: BitstringStatusList.bitstring(revoked: revoked))
        let gzipped = try bits.compress(with: .gzip())
        let unsigned = BitstringStatusList.credential(
            list: list, encodedList: BitstringStatusList.encodedList(gzipped: gzipped.readableBytesView), issuer: issuer, validFrom: now())
        let key = try await signingKeys.current()
        return .object(try EdDSAJCS2022.sign(unsigned, options: .init(
            verificationMethod: issuer.did.verificationMethod(for: key.publicKey), created: now()), key: key.privateKey))
    }

    /// What our own list says of `index`; another service's list is not ours to read.
    public func status(list url: String, index: Int, issuer: CredentialIssuer) async throws -> StatusAnswer {
        let prefix = issuer.statusListURL(0).dropLast()
        guard url.hasPrefix(prefix), let list = Int(url.dropFirst(prefix.count)) else {
            return .unavailable(BilingualText(zh: "状态列表不是本服务发布的，未检查。", en: "The status list is not this service's; not checked."))
        }
        guard let record = try await VerificationRequestRecord.query(on: reader).filter(\.$statusList == list)
            .filter(\.$statusIndex == index).first()
        else { return try await supersededRevocation(list: list, index: index).map(StatusAnswer.revoked) ?? .active }
        return record.revocation.map(StatusAnswer.revoked) ?? .active
    }

    /// Checks a credential as anyone may ask: against every key this service has published,
    /// and its own revocation lists.
    public func verifyCredential(_ bytes: Data, issuer: CredentialIssuer) async throws -> CredentialVerdict {
        let keys = try await signingKeys.publicKeys()
        let verifier = CredentialVerifier(
            did: issuer.did.did, keys: Dictionary(uniqueKeysWithValues: keys.map { (issuer.did.verificationMethod(for: $0), $0) }))
        return try await verifier.verify(bytes, now: now()) { url, index in try await status(list: url, index: index, issuer: issuer) }
    }

    /// The DID document: every key, current first.
    public func didDocument(issuer: CredentialIssuer) async throws -> JSONValue {
        issuer.did.document(keys: try await signingKeys.publicKeys())
    }
}

extension VerificationRequestRecord {
    var revocation: Revocation? {
        revokedAt.map { Revocation(at: $0, reason: revocationReason.flatMap(RevocationReason.init) ?? .other, note: revocationNote) }
    }
}
