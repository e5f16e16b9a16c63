import CredenceCore
import CredenceStore
import Foundation
import Hummingbird
import Plot

/// The server-rendered pages. Each handler reads the request, asks the catalog snapshot,
/// and renders a page model.
struct WebController {
    let state: CatalogState
    let store: Store
    let notice: Notice
    let translation: NoticeTranslation
    /// What each shipped edition's notice repeals and how its effective date is set.
    let lineages: [String: EditionLineage]
    /// Who runs this installation and whether it takes requests.
    let installation: Installation

    func addRoutes(to routes: Routes) {
        routes.get("/", .anyone, use: home)
        routes.get("catalog", .anyone, use: catalog)
        routes.get("entries/:id", .anyone, use: entry)
        routes.get("benefits", .anyone, use: benefits)
        routes.get("notice", .anyone, use: noticePage)
        routes.get("about", .anyone, use: about)
        routes.get("language/:lang", .anyone, use: switchLanguage)
    }

    @Sendable func about(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        Response.html(InstallationPage(installation: installation).render(PageContext(request, context)))
    }

    @Sendable func home(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let page = PageContext(request, context)
        return try state.cachedPage(page) { HomePage.render(page, snapshot: $0) }
    }

    @Sendable func entry(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let page = PageContext(request, context)
        let id = try context.parameters.require("id")
        return try state.cachedPage(page) { snapshot in
            guard let edition = snapshot.catalog.inForce, let entry = try? snapshot.catalog.entry(id) else {
                throw APIError.notFound(page.t("目录中没有编号为“\(id)”的资格。", "The catalog has no entry '\(id)'."))
            }
            return EntryPage(entry: entry, edition: edition).render(page)
        }
    }

    @Sendable func noticePage(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let page = PageContext(request, context)
        return try state.cachedPage(page) { NoticePage(notice: notice, translation: translation, entries: (try? $0.entries().entries) ?? []).render(page) }
    }

    @Sendable func switchLanguage(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        guard let language = Lang(rawValue: try context.parameters.require("lang")) else {
            throw APIError.notFound("Languages: zh, en.")
        }
        var response = Response(status: .seeOther, headers: [.location: Self.safeBack(request)])
        response.setCookie(Cookies.make(Cookies.language, language.rawValue, for: context, maxAge: 365 * 24 * 3600))
        return response
    }

    @Sendable func catalog(_ request: Request, _ context: AppRequestContext) throws -> Response {
        let page = PageContext(request, context)
        let answer = try state.cachedPage(page) { try catalogPage(request, page, $0) }
        // A GET form writes spaces as "+", which the query's decoding leaves as they are.
        if let query = request.uri.queryParameters["q"].map({ $0.replacingOccurrences(of: "+", with: " ") }) {
            state.searched(query, request, context, store: store)
        }
        return answer
    }

    private func catalogPage(_ request: Request, _ page: PageContext, _ snapshot: CatalogSnapshot) throws -> HTML {
        let parameters = request.uri.queryParameters
        let query = parameters["q"].map(String.init).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let field = parameters["field"].flatMap { ProfessionalField(rawValue: String($0)) }
        let region = parameters["region"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let filter = EntryFilter(field: field, region: region)
        let (edition, all) = try snapshot.entries()
        let entries: [Entry]
        if let query {
            let hits = try snapshot.search(String(query.prefix(200)), limit: SearchLimit.range.upperBound)
            state.answered(query.replacingOccurrences(of: "+", with: " "), hits.hits)
            entries = hits.hits.map(\.entry).filter(filter.matches)
        } else {
            entries = all.filter(filter.matches)
        }
        var regions: [BilingualText] = []
        for region in all.compactMap(\.region) where !regions.contains(region) { regions.append(region) }
        let catalogPage = CatalogPage(
            edition: edition, entries: entries, regions: regions, hasBlankRegion: all.contains { $0.region == nil },
            query: query, filter: filter,
            predecessor: translation.predecessor.edition == edition.id ? translation.predecessor : nil,
            lineage: lineages[edition.id])
        return catalogPage.render(page)
    }

    @Sendable func benefits(_ request: Request, _ context: AppRequestContext) throws -> Response {
        var form = BenefitsForm(request)
        let snapshot = state.current
        let (edition, all) = try snapshot.entries()
        var evaluation: BenefitEvaluation?
        if form.wantsEvaluation, let profile = form.profile() {
            do {
                evaluation = try snapshot.catalog.evaluateBenefits(profile, edition: edition.id)
            } catch let error as ProfileError {
                // An id or zone that is not in the catalog: only a hand-edited address gets here.
                form.errors[error.fact] = BenefitsForm.message(error.fact)
            }
        }
        var candidates = all
        if let find = form.find {
            let hits = try snapshot.search(find, limit: SearchLimit.range.upperBound).hits.map(\.entry.id)
            candidates = all.filter { form.qualifications.contains($0.id) || hits.contains($0.id) }
        }
        let benefitsPage = BenefitsPage(
            form: form, edition: edition, candidates: candidates, zones: snapshot.catalog.zones, evaluation: evaluation,
            routes: state.routes.routes, packQuery: Self.packQuery(request))
        return Response.html(benefitsPage.render(PageContext(request, context)), status: form.errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The benefits answer's own query, for the pack's form: everything but `code`, `find`
    /// and the button.
    static func packQuery(_ request: Request) -> [(name: String, value: String)] {
        request.uri.queryParameters.filter { !["code", "find", "check"].contains(String($0.key)) && !$0.value.isEmpty }
            .map { (String($0.key), String($0.value)) }
    }

    /// Only a path on this site: never an open redirect to somewhere else.
    static func safeBack(_ request: Request) -> String {
        SiteURL.localPath(request.uri.queryParameters["back"].map(String.init)) ?? "/"
    }
}
