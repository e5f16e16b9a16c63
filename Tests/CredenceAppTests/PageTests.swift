import CredenceTestSupport
import CredenceStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The web pages as a browser gets them: both languages, escaping, the language switch.
@Suite struct PageTests {
    static let pages = ["/", "/catalog", "/catalog?q=CFA", "/catalog?field=finance&region=none", "/entries/cfa", "/benefits",
                        "/benefits?qualification=cfa&qualification=hk-pharmacist",
                        "/entries/cma", "/notice", "/service-standards"]

    @Test(arguments: TestDatabase.available)
    func everyPageRendersInBothLanguages(database: TestDatabase) async throws {
        try await withLiveApp(database) { client in
            for page in Self.pages {
                let zh = try await client.execute(uri: page, method: .get, headers: [.acceptLanguage: "zh-CN,zh;q=0.9"])
                #expect(zh.status == .ok, "\(page)")
                #expect(zh.headers[.contentType] == "text/html; charset=utf-8")
                #expect(zh.text.contains("<html lang=\"zh\">"), "\(page)")
                let en = try await client.execute(uri: page, method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9"])
                #expect(en.text.contains("<html lang=\"en\">"), "\(page)")
                #expect(en.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            }
        }
    }

    /// Anonymous pages are kept per catalog (CatalogState.cachedPage); a signed-in visitor's
    /// header must never reach anyone else, whichever is asked first.
    @Test(arguments: TestDatabase.available)
    func aKeptPageNeverShowsWhoWasSignedIn(database: TestDatabase) async throws {
        try await withOpenApp(database) { app in
            let employer = try await TestAccounts.employer("Keptpage", on: app.store)
            let session: HTTPFields = [.cookie: "credence_session=\(try await app.store.accounts.openSession(for: employer))"]
            for page in ["/entries/cfa", "/catalog", "/notice", "/"] {
                let before = try await app.client.execute(uri: page, method: .get).text
                let signedIn = try await app.client.execute(uri: page, method: .get, headers: session).text
                let after = try await app.client.execute(uri: page, method: .get).text
                #expect(signedIn.contains(">Keptpage<"), "\(page)")
                #expect(!before.contains("Keptpage") && !after.contains("Keptpage") && before == after, "\(page)")
            }
        }
    }

    @Test func choosingAllInAFilterShowsEverything() async throws {
        try await withLiveApp(.sqlite) { client in
            let page = try await client.execute(uri: "/catalog", method: .get).text
            // An empty value attribute (written `value`), so "All" submits field= rather than its label.
            #expect(page.contains("<option value>全部</option>"))
            let all = try await client.execute(uri: "/catalog?field=&region=", method: .get, headers: [.acceptLanguage: "en"]).text
            #expect(all.contains("27 entries."))
        }
    }

    @Test func pagesShowWhatTheyPromise() async throws {
        try await withLiveApp(.sqlite) { client in
            let english: HTTPFields = [.acceptLanguage: "en"]
            let catalog = try await client.execute(uri: "/catalog", method: .get, headers: english).text
            #expect(catalog.contains("27 entries."))
            #expect(catalog.contains("/entries/ieee-fellow"))
            let search = try await client.execute(uri: "/catalog?q=%E7%B2%BE%E7%AE%97%E5%B8%88", method: .get).text
            #expect(search.contains("/entries/fsa") && search.contains("/entries/aia-afa-actuary"))
            #expect(!search.contains("/entries/cfa\""))
            let cma = try await client.execute(uri: "/entries/cma", method: .get, headers: english).text
            #expect(cma.contains("Not stated in the notice"))
            let pharmacist = try await client.execute(uri: "/entries/uk-pharmacist", method: .get).text
            #expect(pharmacist.contains("需要有两年相关工作经验"))
            #expect(pharmacist.contains("须在天津市药监主管部门注册"))
            let notice = try await client.execute(uri: "/notice", method: .get).text
            #expect(notice.contains("id=\"二-二\""))
            #expect(notice.contains("依托北京市境外职业资格证书查询验证服务平台"))
            let css = try await client.execute(uri: "/static/credence.css", method: .get)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
        }
    }

    @Test func everythingShownIsEscaped() async throws {
        try await withLiveApp(.sqlite) { client in
            let attack = "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%3Cx%20y%3D%27"
            for uri in ["/catalog?q=\(attack)", "/catalog?region=\(attack)", "/entries/\(attack)", "/notice?x=\(attack)"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(!response.text.contains("<script>"), "\(uri)")
                #expect(!response.text.contains("<x y="), "\(uri)")
            }
        }
    }

    @Test func theLanguageSwitchSticksAndOnlyRedirectsHome() async throws {
        try await withLiveApp(.sqlite) { client in
            let response = try await client.execute(uri: "/language/en?back=%2Fcatalog%3Ffield%3Dfinance", method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/catalog?field=finance")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("lang=en") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let page = try await client.execute(uri: "/catalog", method: .get, headers: [.cookie: "lang=en", .acceptLanguage: "zh"])
            #expect(page.text.contains("<html lang=\"en\">"))
            for back in ["https%3A%2F%2Fevil.example", "%2F%2Fevil.example", "%2F%5Cevil.example"] {
                let away = try await client.execute(uri: "/language/zh?back=\(back)", method: .get)
                #expect(away.headers[.location] == "/", "\(back)")
            }
        }
    }

    @Test func aMissingPageIsAPageNotAStackTrace() async throws {
        try await withLiveApp(.sqlite) { client in
            let missing = try await client.execute(uri: "/entries/no-such-thing", method: .get, headers: [.acceptLanguage: "en"])
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("The catalog has no entry"))
            let nowhere = try await client.execute(uri: "/no/such/page", method: .get)
            #expect(nowhere.status == .notFound)
            #expect(nowhere.headers[.contentType] == "text/html; charset=utf-8")
        }
    }
}
