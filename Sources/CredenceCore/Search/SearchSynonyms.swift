/// Other names people type for a region: the catalog prints "英国", users type "UK".
/// Used by search only; the API shows the region as the notice prints it.
enum SearchSynonyms {
    static let regions: [String: [String]] = [
        "中国香港": ["HK", "Hong Kong", "香港"],
        "中国澳门": ["Macau", "Macao", "澳门"],
        "美国": ["US", "USA", "America", "American"],
        "英国": ["UK", "Britain", "British", "GB"],
        "澳大利亚": ["AU", "Australian", "澳洲"],
        "希腊": ["Greek"],
    ]

    /// Everyday short forms of words the catalog prints in full: "注会" for 注册会计师 (how
    /// candidates and employers commonly say it). A text containing the key is also found by each.
    static let shortForms: [String: [String]] = [
        "注册会计师": ["注会"],
    ]
}
