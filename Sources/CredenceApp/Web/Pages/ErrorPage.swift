import Plot

/// The page a person sees when something they asked for is not there or was refused.
enum ErrorPage {
    static func render(_ page: PageContext, error: APIError) -> HTML {
        let heading: String
        switch error.status.code {
        case 404: heading = page.t("没有找到该页面", "Page not found")
        case 400..<500: heading = page.t("请求有误", "That request could not be handled")
        default: heading = page.t("出错了", "Something went wrong")
        }
        return Layout.page(page, title: heading, content: .group(
            .h1(.text(heading)),
            .p(.text(error.status.code == 500 ? page.t("请稍后再试。", "Please try again later.") : error.text(in: page.language))),
            .p(.a(.href(SiteURL.catalog().path), .text(page.t("返回目录", "Back to the catalog"))))
        ))
    }
}
