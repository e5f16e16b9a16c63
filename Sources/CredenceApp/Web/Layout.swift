import CredenceCore
import Hummingbird
import Plot

/// What every page knows about the request it answers.
struct PageContext {
    var language: Lang
    /// The path and query of this page, for the language switch to return to.
    var currentURL: String
    /// Who is signed in, for the header; nil on pages rendered without a context (errors).
    var account: Account?
    /// The token every form on the page carries (see `CSRF`), minted when first asked for.
    var csrf: CSRFToken?
    var csrfToken: String { csrf?.value ?? "" }

    init(_ request: Request, _ context: AppRequestContext? = nil) {
        language = Lang.of(request)
        let query = request.uri.query.map { "?" + $0 } ?? ""
        currentURL = request.uri.path + query
        account = context?.actor?.account
        csrf = context?.csrf
    }

    func t(_ zh: String, _ en: String) -> String {
        language.pick(zh: zh, en: en)
    }
}

/// The page shell: header with navigation and the language switch, the content, a footer
/// naming the source. Plain HTML and one stylesheet; no script.
enum Layout {
    static func page(_ page: PageContext, title: String, content: Node<HTML.BodyContext>) -> HTML {
        HTML(
            .lang(page.language == .zh ? .chinese : .english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title(title + " · Credence"),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path))
            ),
            .body(
                .header(
                    .class("site"),
                    .a(.class("brand"), .href(SiteURL.home.path),
                       .strong(.text("Credence")), .span(.text(page.t(" 境外职业资格认可", " Foreign Qualification Recognition")))),
                    .nav(
                        .attribute(named: "aria-label", value: page.t("主导航", "Main")),
                        .a(.href(SiteURL.catalog().path), .text(page.t("目录", "Catalog"))),
                        .a(.href(SiteURL.benefits().path), .text(page.t("能享受哪些政策", "What it brings"))),
                        .a(.href(SiteURL.notice().path), .text(page.t("通知原文", "The notice"))),
                        .a(.href(SiteURL.verify(code: nil).path), .text(page.t("查验码核对", "Check a code"))),
                        .unwrap(page.account) { account in
                            .a(.href(SiteURL.home(of: account.role).path), .text(SiteURL.homeName(of: account.role).text(in: page.language)))
                        },
                        page.account.map { account in
                            .group(
                                .a(.href(SiteURL.account.path), .text(account.organizationName ?? account.name)),
                                .form(.class("inline"), .action(SiteURL.signOut.path), .method(.post), csrfField(page),
                                      .button(.type(.submit), .class("link"), .text(page.t("退出", "Sign out"))))
                            )
                        } ?? .group(
                            .a(.href(SiteURL.register.path), .text(page.t("用人单位注册", "Employers: register"))),
                            .a(.href(SiteURL.signIn(next: nil).path), .text(page.t("登录", "Sign in")))),
                        .a(.class("lang"), .attribute(named: "lang", value: page.language.other.rawValue),
                           .href(SiteURL.language(page.language.other, back: page.currentURL).path.attributeEscaped),
                           .text(page.language.other.ownName))
                    )
                ),
                .main(content),
                .footer(
                    .p(.text(page.t(
                        "依据：市人社局等七部门关于印发《天津市境外职业资格认可目录（2023年版）》的通知（2023年12月29日）。中文内容按通知原文照录；英文为补充译文，注明来源。",
                        "Source: the notice of the Tianjin Municipal Human Resources and Social Security Bureau and six other departments on the Catalog of Recognized Foreign Professional Qualifications (2023 edition), 29 December 2023. Chinese text is as printed; English is a supplementary translation, marked with its source."))),
                    .p(.a(.href("/service-standards"), .text(page.t("服务标准与办理时限", "Service standards"))), .text(" · "),
                       .a(.href("/openapi.yaml"), .text(page.t("JSON 接口说明（OpenAPI）", "JSON API (OpenAPI)"))), .text(" · "),
                       .a(.href(SiteURL.installation.path), .text(page.t("关于本安装（运营方）", "About this installation (operator)"))))
                )
            )
        )
    }

    /// The hidden field that makes a form acceptable (see `CSRF`).
    static func csrfField(_ page: PageContext) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(CSRF.field), .value(page.csrfToken.attributeEscaped))
    }

    /// The search form shared by the home and catalog pages.
    static func searchForm(_ page: PageContext, query: String?) -> Node<HTML.BodyContext> {
        .form(
            .class("search"), .action("/catalog"), .method(.get), .attribute(named: "role", value: "search"),
            .label(.for("q"), .text(page.t("搜索资格、缩写、发证机构或领域", "Search qualifications, abbreviations, issuers or fields"))),
            .div(
                .input(.type(.search), .id("q"), .name("q"), .value((query ?? "").attributeEscaped),
                       .placeholder(page.t("例如：CFA、精算师、药剂师 香港", "e.g. CFA, actuary, pharmacist UK"))),
                .button(.type(.submit), .text(page.t("搜索", "Search")))
            )
        )
    }
}

extension Response {
    static func html(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html.render())))
    }
}
