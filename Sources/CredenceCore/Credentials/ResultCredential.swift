import Foundation

/// Who issues results: the authority named in both languages, under the installation's DID.
public struct CredentialIssuer: Sendable {
    public var did: DIDWeb
    public var name: BilingualText
    /// Where the service is reached (`CREDENCE_PUBLIC_URL`), without a trailing slash.
    public var publicURL: String
    /// Whether the operator said where (else `publicURL` is this machine's own address).
    public var publicURLConfigured: Bool

    public init(did: DIDWeb, name: BilingualText, publicURL: String, publicURLConfigured: Bool = true) {
        self.did = did
        self.name = name
        self.publicURL = publicURL
        self.publicURLConfigured = publicURLConfigured
    }

    /// The revocation list's address; `list` is its number.
    public func statusListURL(_ list: Int) -> String { "\(publicURL)/api/v1/status-lists/\(list)" }

    public func verifyURL(code: String) -> String { "\(publicURL)/verify/\(code)" }

    var json: JSONValue {
        .object(["id": .string(did.did), "name": Self.languageValues(name)])
    }

    /// A text in both languages as JSON-LD language-tagged values, as VC 2.0 writes names.
    static func languageValues(_ text: BilingualText) -> JSONValue {
        .array([.object(["@value": .string(text.zh), "@language": .string("zh")]),
                .object(["@value": .string(text.en), "@language": .string("en")])])
    }
}

/// A completed verification's facts, as its credential states them.
public struct ResultFacts: Sendable {
    public var requestId: UUID
    public var entryId: String
    public var edition: String
    public var entryName: BilingualText
    public var certificateNumber: String
    /// As given; the credential carries it masked, as the public page shows it.
    public var holderName: String
    public var outcome: VerificationOutcome
    public var completedAt: Date
    public var verificationCode: String?
    public var statusList: Int
    public var statusIndex: Int
    /// The certificate's expiry as the employer gave it (issue 33).
    public var expiresOn: String?
    /// The credential's own id, once a review changed the result (each result its own
    /// credential); the request's id before.
    public var credentialId: UUID?

    public init(requestId: UUID, entryId: String, edition: String, entryName: BilingualText, certificateNumber: String,
                holderName: String, outcome: VerificationOutcome, completedAt: Date, verificationCode: String?,
                statusList: Int, statusIndex: Int, expiresOn: String? = nil) {
        self.requestId = requestId
        self.entryId = entryId
        self.edition = edition
        self.entryName = entryName
        self.certificateNumber = certificateNumber
        self.holderName = holderName
        self.outcome = outcome
        self.completedAt = completedAt
        self.verificationCode = verificationCode
        self.statusList = statusList
        self.statusIndex = statusIndex
        self.expiresOn = expiresOn
    }

    public var certificateStatus: CertificateStatus {
        CertificateStatus.of(expiresOn: expiresOn, resultDay: CalendarDate.today(at: completedAt))
    }

    /// The end of the certificate's last day, China time (UTC+8): a current certificate's
    /// credential is valid until then (`validUntil`). An expired one's is not given one — its
    /// subject says `expired` instead, as a validUntil before validFrom would make the whole
    /// credential unreadable rather than say what is true.
    public var validUntil: Date? {
        guard certificateStatus == .current, let day = expiresOn.flatMap(CalendarDate.init) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 23, minute: 59, second: 59))
    }
}

/// A verification result as a W3C Verifiable Credential 2.0. Terms beyond the VC
/// vocabulary are left to the base context's `@vocab` (the spec's issuer-dependent terms),
/// so no context of our own has to be fetched to read it.
public enum ResultCredential {
    public static let baseContext = "https://www.w3.org/ns/credentials/v2"
    public static let type = "CertificateVerificationResult"

    public static func unsigned(_ facts: ResultFacts, issuer: CredentialIssuer) -> [String: JSONValue] {
        var subject: [String: JSONValue] = [
            "type": .string("CertificateVerification"),
            "outcome": .string(facts.outcome.rawValue),
            "catalogEntry": .object([
                "id": .string(facts.entryId), "edition": .string(facts.edition),
                "name": CredentialIssuer.languageValues(facts.entryName),
            ]),
            "certificateNumber": .string(facts.certificateNumber),
            "holderName": .string(Masking.name(facts.holderName)),
            "completedAt": .string(Timestamps.rfc3339(facts.completedAt)),
            "disclaimer": CredentialIssuer.languageValues(Disclaimer.text),
            "certificateStatus": .string(facts.certificateStatus.rawValue),
        ]
        if let expiresOn = facts.expiresOn { subject["certificateExpiresOn"] = .string(expiresOn) }
        if let code = facts.verificationCode, facts.outcome == .authentic {
            subject["verificationCode"] = .string(code)
            subject["verificationPage"] = .string(issuer.verifyURL(code: code))
        }
        let list = issuer.statusListURL(facts.statusList)
        var document: [String: JSONValue] = [
            "@context": .array([.string(baseContext)]),
            "id": .string("urn:uuid:" + (facts.credentialId ?? facts.requestId).uuidString.lowercased()),
            "type": .array([.string("VerifiableCredential"), .string(type)]),
            "issuer": issuer.json,
            "validFrom": .string(Timestamps.rfc3339(facts.completedAt)),
            "credentialSubject": .object(subject),
            "credentialStatus": .object([
                "id": .string("\(list)#\(facts.statusIndex)"),
                "type": .string("BitstringStatusListEntry"),
                "statusPurpose": .string("revocation"),
                "statusListIndex": .string(String(facts.statusIndex)),
                "statusListCredential": .string(list),
            ]),
        ]
        if let until = facts.validUntil { document["validUntil"] = .string(Timestamps.rfc3339(until)) }
        return document
    }
}

extension CredentialIssuer {
    /// The name used when the operator has not said who they are. It names no authority:
    /// the notice creates no Tianjin verification body (its section 三 and annex 2 use
    /// Beijing's platform), and an installation is whoever operates it (issue 33).
    public static let defaultName = BilingualText(zh: "Credence（运营方未配置）", en: "Credence (operator not configured)")

    /// The variables that name the operator.
    public static let nameVariables = ["CREDENCE_AUTHORITY_NAME_ZH", "CREDENCE_AUTHORITY_NAME_EN"]

    /// Whether the operator named themself (either variable set); otherwise results carry `defaultName`.
    public var operatorConfigured: Bool { name.zh != Self.defaultName.zh || name.en != Self.defaultName.en }
    /// Where an installation that names no public address is reached: this machine, on the
    /// port it listens on (`serve --port`; 8080 for the commands that do not listen).
    public static func localPublicURL(port: Int = 8080) -> String { "http://127.0.0.1:\(port)" }

    /// From `CREDENCE_PUBLIC_URL`, `CREDENCE_AUTHORITY_NAME_ZH` and `…_EN`; without the first,
    /// this machine on `localPort`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment, localPort: Int = 8080)
        throws(InvalidInput) -> CredentialIssuer
    {
        let configured = environment["CREDENCE_PUBLIC_URL"].map { $0.trimmingCharacters(in: .whitespaces) }
        var text = configured ?? localPublicURL(port: localPort)
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text), url.query == nil, url.fragment == nil, url.user == nil, let did = DIDWeb(publicURL: url) else {
            throw InvalidInput(problems: [InputError(
                "CREDENCE_PUBLIC_URL", zh: "CREDENCE_PUBLIC_URL 须为用户访问本服务的 http:// 或 https:// 地址，不带查询串或片段。",
                en: "CREDENCE_PUBLIC_URL must be the http:// or https:// address users reach the service at, without query or fragment.")])
        }
        func name(_ variable: String, _ fallback: String) -> String {
            let value = environment[variable]?.trimmingCharacters(in: .whitespaces) ?? ""
            return value.isEmpty ? fallback : value
        }
        return CredentialIssuer(did: did, name: BilingualText(zh: name("CREDENCE_AUTHORITY_NAME_ZH", defaultName.zh),
                                                              en: name("CREDENCE_AUTHORITY_NAME_EN", defaultName.en)),
                                publicURL: text, publicURLConfigured: configured != nil)
    }
}
