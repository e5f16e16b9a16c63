import Crypto
import Foundation

/// One check of a credential and its answer, told in both languages.
public struct CredentialCheck: Sendable, Equatable {
    /// In the order they are made: a later check needs the earlier ones to have passed.
    public enum Kind: String, Sendable, CaseIterable { case format, issuer, signature, status, validity }
    public enum Result: String, Sendable { case pass, fail, notApplicable = "not_applicable" }

    public var check: Kind
    public var result: Result
    public var message: BilingualText
}

public struct CredentialVerdict: Sendable, Equatable {
    public var checks: [CredentialCheck]

    /// Every check passed or did not apply, and the signature was checked and held.
    public var verified: Bool {
        !checks.contains { $0.result == .fail } && checks.contains { $0.check == .signature && $0.result == .pass }
    }

    public var failed: CredentialCheck? { checks.first { $0.result == .fail } }
}

/// What a status list says of one entry.
public enum StatusAnswer: Sendable, Equatable {
    case active
    case revoked(Revocation)
    /// The list is not one this verifier can read (another service's, or offline).
    case unavailable(BilingualText)
}

/// Checks a credential this service issued — format, issuer and key, signature, status,
/// validity dates — each answered on its own, so a verifier sees which one failed.
public struct CredentialVerifier: Sendable {
    /// The DID results are issued under, and every key it has published, by method id.
    public var did: String
    public var keys: [String: Curve25519.Signing.PublicKey]

    public init(did: String, keys: [String: Curve25519.Signing.PublicKey]) {
        self.did = did
        self.keys = keys
    }

    public static let maxBytes = 1 << 20

    public func verify(_ bytes: Data, now: Date,
                       status: (_ statusListCredential: String, _ index: Int) async throws -> StatusAnswer) async rethrows -> CredentialVerdict {
        var checks: [CredentialCheck] = []
        func add(_ kind: CredentialCheck.Kind, _ result: CredentialCheck.Result, _ zh: String, _ en: String) {
            checks.append(CredentialCheck(check: kind, result: result, message: BilingualText(zh: zh, en: en)))
        }
        func skipRest(after kind: CredentialCheck.Kind) -> CredentialVerdict {
            for rest in CredentialCheck.Kind.allCases where !checks.contains(where: { $0.check == rest }) && rest != kind {
                add(rest, .notApplicable, "因前一项未通过，未检查。", "Not checked: an earlier check failed.")
            }
            return CredentialVerdict(checks: checks.sorted { order($0.check) < order($1.check) })
        }

        // Format
        let document: [String: JSONValue]
        switch Self.format(bytes) {
        case .failure(let why):
            add(.format, .fail, "格式不符：\(why.zh)", "Not a credential: \(why.en)")
            return skipRest(after: .format)
        case .success(let fields):
            document = fields
            add(.format, .pass, "符合 W3C 可验证凭证 2.0 格式。", "A W3C Verifiable Credential 2.0 with a Data Integrity proof.")
        }

        // Issuer and key
        let issuer = document["issuer"]?.string ?? document["issuer"]?["id"]?.string ?? ""
        let method = document["proof"]?["verificationMethod"]?.string ?? ""
        guard issuer == did else {
            add(.issuer, .fail, "并非本服务签发（签发方为 \(issuer.prefix(200))，本服务为 \(did)）。",
                "Not issued by this service (the issuer is \(issuer.prefix(200)); this service is \(did)).")
            return skipRest(after: .issuer)
        }
        guard let key = keys[method] else {
            add(.issuer, .fail, "签名所用的密钥不是本服务发布过的密钥（\(method.prefix(200))）。",
                "Signed with a key this service never published (\(method.prefix(200))).")
            return skipRest(after: .issuer)
        }
        add(.issuer, .pass, "由本服务（\(did)）签发，所用密钥已在其 DID 文档中发布。",
            "Issued by this service (\(did)) with a key its DID document publishes.")

        // Signature
        switch EdDSAJCS2022.problem(with: document, publicKey: key) {
        case nil:
            add(.signature, .pass, "签名有效：签发后内容未被改动。", "The signature holds: nothing was changed since issue.")
        case .unsupportedCryptosuite(let suite)?:
            add(.signature, .fail, "不支持的密码套件 \(suite ?? "（无）")；本服务使用 eddsa-jcs-2022。",
                "Unsupported cryptosuite \(suite ?? "(none)"); this service uses eddsa-jcs-2022.")
            return skipRest(after: .signature)
        case .malformed(let why)?:
            add(.signature, .fail, "证明无法读取：\(why)。", "The proof cannot be read: \(why).")
            return skipRest(after: .signature)
        case .signatureMismatch?:
            add(.signature, .fail, "签名不符：凭证在签发后被改动过，或由其他密钥签名。",
                "The signature does not match: the credential was changed after issue, or signed by another key.")
            return skipRest(after: .signature)
        }

        // Status
        if let entry = document["credentialStatus"] {
            if entry["type"]?.string == "BitstringStatusListEntry", entry["statusPurpose"]?.string == "revocation",
               let list = entry["statusListCredential"]?.string, let index = entry["statusListIndex"]?.string.flatMap(Int.init) {
                switch try await status(list, index) {
                case .active:
                    add(.status, .pass, "未被撤销。", "Not revoked.")
                case .revoked(let revocation):
                    let day = CalendarDate.today(at: revocation.at).description
                    add(.status, .fail, "已于 \(day) 撤销：\(revocation.reason.name.zh)。",
                        "Revoked on \(day): \(revocation.reason.name.en) (\(revocation.reason.rawValue)).")
                case .unavailable(let why):
                    add(.status, .notApplicable, why.zh, why.en)
                }
            } else {
                add(.status, .fail, "状态项无法读取（应为 revocation 用途的 BitstringStatusListEntry）。",
                    "The status entry cannot be read (a BitstringStatusListEntry for revocation was expected).")
            }
        } else {
            add(.status, .notApplicable, "凭证没有状态项。", "The credential has no status entry.")
        }

        // Validity dates
        let from = document["validFrom"]?.string, until = document["validUntil"]?.string
        if from == nil, until == nil {
            add(.validity, .notApplicable, "凭证未写明有效期。", "The credential states no validity dates.")
        } else if let from, Self.date(from).map({ $0 > now }) ?? true {
            add(.validity, .fail, "生效时间 \(from.prefix(40)) 无效或尚未到来。", "validFrom \(from.prefix(40)) is not a date, or is still to come.")
        } else if let until, Self.date(until).map({ $0 < now }) ?? true {
            add(.validity, .fail, "已于 \(until.prefix(40)) 失效或日期无效。", "validUntil \(until.prefix(40)) is not a date, or has passed.")
        } else {
            add(.validity, .pass, "在有效期内。", "Within its validity dates.")
        }
        return CredentialVerdict(checks: checks)
    }

    private func order(_ kind: CredentialCheck.Kind) -> Int { CredentialCheck.Kind.allCases.firstIndex(of: kind)! }

    static func date(_ text: String) -> Date? { try? Date(text, strategy: .iso8601) }

    /// The credential's members, or why it is not one: strict JSON, a VC 2.0 context and
    /// type, an issuer, a subject and a proof.
    static func format(_ bytes: Data) -> Swift.Result<[String: JSONValue], FormatProblem> {
        func problem(_ zh: String, _ en: String) -> Swift.Result<[String: JSONValue], FormatProblem> {
            .failure(FormatProblem(zh: zh, en: en))
        }
        guard bytes.count <= maxBytes else { return problem("超过 1 MiB。", "larger than 1 MiB.") }
        guard let value = try? StrictJSON.parse(bytes) else { return problem("不是有效的 JSON。", "it is not valid JSON.") }
        guard case .object(let fields) = value else { return problem("不是 JSON 对象。", "it is not a JSON object.") }
        guard case .array(let context)? = fields["@context"], context.first?.string == ResultCredential.baseContext else {
            return problem("@context 须以 \(ResultCredential.baseContext) 开头。", "its @context must begin with \(ResultCredential.baseContext).")
        }
        guard case .array(let types)? = fields["type"], types.contains(.string("VerifiableCredential")) else {
            return problem("type 须包含 VerifiableCredential。", "its type must include VerifiableCredential.")
        }
        guard fields["issuer"]?.string != nil || fields["issuer"]?["id"]?.string != nil else {
            return problem("缺少 issuer。", "it has no issuer.")
        }
        guard case .object? = fields["credentialSubject"] else { return problem("缺少 credentialSubject。", "it has no credentialSubject.") }
        guard case .object? = fields["proof"] else { return problem("缺少 proof（签名）。", "it has no proof (no signature).") }
        return .success(fields)
    }

    struct FormatProblem: Error {
        var zh: String
        var en: String
    }
}
