import CredenceCore
import Foundation

/// Every page's address, in one place: routes and links are made from the same values.
enum SiteURL {
    case home
    case catalog(query: String? = nil, field: ProfessionalField? = nil, region: String? = nil)
    case entry(String)
    case benefits(qualifications: [String] = [])
    /// The printable pack for a benefits answer: the same query (`rawQuery`), kept as given.
    case benefitsPack(rawQuery: String?)
    case adminBenefitRoutes
    case adminEditions
    case notice(anchor: String? = nil)
    case language(Lang, back: String)
    case register
    case signIn(next: String?)
    case signOut
    case account
    case accountPassword
    case adminUsers
    /// The administrators' index of their pages.
    case admin
    /// Who runs this installation, where it is reached, where its mail goes.
    case installation
    /// The mail folder, or one file in it.
    case adminMail(String?)
    /// A step on one account of `/admin/users`: `disable` or `role`.
    case adminUser(UUID, String)
    case requests
    case newRequest(entry: String?)
    /// A new request pre-filled from a completed one (a re-check, issue 33).
    case recheck(UUID)
    case request(UUID)
    case requestAction(UUID, String)
    case requestAttachments(UUID)
    case attachment(UUID, UUID)
    case receipt(UUID)
    /// The printable result with its QR code.
    case certificate(UUID)
    /// The W3C credential, as a download for the signed-in page.
    case credential(UUID)
    case webhook
    /// `desk`: the desk's filters as a query (`assignee=me&`), as `deskFilters` writes them.
    case queue(status: String?, after: UUID? = nil, desk: String = "")
    /// The next page of an employer's requests.
    case olderRequests(after: UUID, search: String? = nil)
    case verify(code: String?)
    case stylesheet
    /// An issuing body on the administrators' registry page; its form posts here too.
    case issuingBody(String)

    /// Where a signed-in person's work is: an employer's requests, a reviewer's editions, the staff's queue.
    static func home(of role: Role) -> SiteURL {
        switch role {
        case .employer: .requests
        case .reviewer: .adminEditions
        case .admin: .admin
        default: .queue(status: nil)
        }
    }

    static func homeName(of role: Role) -> BilingualText {
        switch role {
        case .employer: BilingualText(zh: "查验申请", en: "Verifications")
        case .reviewer: BilingualText(zh: "目录会签", en: "Catalog sign-off")
        case .admin: BilingualText(zh: "管理", en: "Administration")
        default: BilingualText(zh: "核验队列", en: "Queue")
        }
    }

    var path: String {
        switch self {
        case .home:
            return "/"
        case .catalog(let query, let field, let region):
            var items: [String] = []
            if let query { items.append("q=" + query.queryEncoded) }
            if let field { items.append("field=" + field.rawValue) }
            if let region { items.append("region=" + region.queryEncoded) }
            return "/catalog" + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
        case .entry(let id):
            return "/entries/" + id.queryEncoded
        case .issuingBody(let id):
            return "/admin/issuing-bodies/" + id.queryEncoded
        case .benefitsPack(let rawQuery):
            return "/benefits/pack" + (rawQuery.map { "?" + $0 } ?? "")
        case .adminBenefitRoutes:
            return "/admin/benefit-routes"
        case .adminEditions:
            return "/admin/editions"
        case .benefits(let qualifications):
            let query = qualifications.map { "qualification=" + $0.queryEncoded }.joined(separator: "&")
            return "/benefits" + (query.isEmpty ? "" : "?" + query)
        case .notice(let anchor):
            return "/notice" + (anchor.map { "#" + $0.queryEncoded } ?? "")
        case .language(let language, let back):
            return "/language/\(language.rawValue)?back=" + back.queryEncoded
        case .register:
            return "/register"
        case .signIn(let next):
            return "/sign-in" + (next.map { "?next=" + $0.queryEncoded } ?? "")
        case .signOut:
            return "/sign-out"
        case .account:
            return "/account"
        case .accountPassword:
            return "/account/password"
        case .adminUsers:
            return "/admin/users"
        case .admin:
            return "/admin"
        case .installation:
            return "/about"
        case .adminUser(let id, let step):
            return "/admin/users/\(id.uuidString.lowercased())/\(step)"
        case .adminMail(let name):
            return "/admin/mail" + (name.map { "/" + $0 } ?? "")
        case .requests:
            return "/requests"
        case .newRequest(let entry):
            return "/requests/new" + (entry.map { "?entry=" + $0.queryEncoded } ?? "")
        case .recheck(let id):
            return "/requests/new?from=" + id.uuidString.lowercased()
        case .request(let id):
            return "/requests/" + id.uuidString.lowercased()
        case .requestAction(let id, let action):
            return "/requests/\(id.uuidString.lowercased())/\(action)"
        case .requestAttachments(let id):
            return "/requests/\(id.uuidString.lowercased())/attachments"
        case .attachment(let id, let attachment):
            return "/requests/\(id.uuidString.lowercased())/attachments/\(attachment.uuidString.lowercased())"
        case .receipt(let id):
            return "/requests/\(id.uuidString.lowercased())/receipt"
        case .certificate(let id):
            return "/requests/\(id.uuidString.lowercased())/certificate"
        case .credential(let id):
            return "/requests/\(id.uuidString.lowercased())/credential"
        case .webhook:
            return "/webhook"
        case .queue(let status, let after, let desk):
            let query = [status.map { "status=" + $0.queryEncoded }, desk.isEmpty ? nil : String(desk.dropLast()),
                         after.map { "after=" + $0.uuidString.lowercased() }].compactMap { $0 }
            return "/queue" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        case .olderRequests(let after, let search):
            return "/requests?" + (search.map { "q=" + $0.queryEncoded + "&" } ?? "") + "after=" + after.uuidString.lowercased()
        case .verify(let code):
            return "/verify" + (code.map { "/" + $0.queryEncoded } ?? "")
        case .stylesheet:
            return "/static/credence.css"
        }
    }
}

extension SiteURL {
    /// The path if it is one on this site, never an address elsewhere: one `/` first, then
    /// printable characters only — no backslash (`/\\host`), no second slash (`//host`), no
    /// space, tab or other control character (browsers drop a tab: `/\t/host` is `//host`).
    static func localPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
              path.unicodeScalars.allSatisfy(isPrintable)
        else { return nil }
        return path
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x21...0x7E).contains(scalar.value) }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse: return false
        default: return true
        }
    }
}
