import Foundation

/// What an administrator types to correct a route: the route as it now stands, the address
/// where they checked it and the day they did.
public struct BenefitRouteCorrection: Sendable, Equatable {
    public var office: BilingualText?
    public var service: BilingualText?
    public var url: String?
    public var documents: [BilingualText]
    public var notes: BilingualText?
    /// Where the administrator checked: an http(s) address.
    public var source: String
    public var checkedOn: CalendarDate?

    public init(office: BilingualText?, service: BilingualText?, url: String?, documents: [BilingualText], notes: BilingualText?,
                source: String, checkedOn: CalendarDate?) {
        self.office = office
        self.service = service
        self.url = url
        self.documents = documents
        self.notes = notes
        self.source = source
        self.checkedOn = checkedOn
    }

    /// What is wrong with it on `today` (China time), each naming its field.
    public func problems(today: CalendarDate) -> [InputError] {
        var problems: [InputError] = []
        func text(_ value: BilingualText?, _ field: String, limit: Int) {
            guard let value else { return }
            for (language, words) in [("zh", value.zh), ("en", value.en)]
            where words.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || words.schemaLength > limit {
                problems.append(InputError("\(field).\(language)", zh: "请填写，最多\(limit)字；不知道时整项留空（null）。",
                                           en: "\(field).\(language) must be 1 to \(limit) characters; leave the whole \(field) null when it is not known."))
            }
        }
        text(office, "office", limit: 500)
        text(service, "service", limit: 500)
        text(notes, "notes", limit: 2000)
        if documents.count > 20 {
            problems.append(InputError("documents", zh: "材料最多20项。", en: "Documents must be up to 20 items."))
        }
        for (index, document) in documents.enumerated() { text(document, "documents[\(index)]", limit: 500) }
        if let url, !HTTPAddress.isValid(url) || url.schemaLength > 1000 {
            problems.append(InputError("url", zh: "网址须以 http(s):// 开头，或留空（null）。", en: "Online address must be an http(s) address, or left empty."))
        }
        if !HTTPAddress.isValid(source) || source.schemaLength > 1000 {
            problems.append(InputError("source", zh: "请填写核实所依据的网页地址（http(s)://…）。",
                                       en: "Source must be the http(s) address of the page the route was checked on."))
        }
        if let checkedOn {
            if checkedOn > today {
                problems.append(InputError("checkedOn", zh: "核实日期不能晚于今天（\(today)）。", en: "Checked on must be a day on or before today (\(today))."))
            }
        } else {
            problems.append(InputError("checkedOn", zh: "请填写核实的日期（YYYY-MM-DD）。", en: "Checked on is required: the day the route was checked, YYYY-MM-DD."))
        }
        return problems
    }
}

extension BenefitRoute {
    /// The route an administrator corrected: what they typed, the evidence found before
    /// kept, and the confidence raised to `confirmed by <name> on <date>`.
    public func corrected(as correction: BenefitRouteCorrection, by name: String, on day: CalendarDate) -> BenefitRoute {
        BenefitRoute(benefit: benefit, position: position, office: correction.office, service: correction.service, url: correction.url,
                     documents: correction.documents, notes: correction.notes, confidence: .confirmed, evidence: evidence,
                     confirmation: ChannelConfirmation(by: name, on: day.description, source: correction.source))
    }
}
