import Foundation

/// The email an employer gets when an edition coming into force retires or changes an entry
/// it has completed requests for: which requests, and what the new edition says.
public struct CatalogAlertMail: Sendable, Equatable {
    public var subject: String
    public var text: String
    public var html: String

    public struct Alert: Decodable, Sendable {
        public var event: String
        public var entryId: String
        public var toEdition: String
        public var requests: [String]
        public var reason: String?
        public var note: String?
        public var fields: [String]?
    }

    public static func isAlert(_ event: String) -> Bool { event.hasPrefix("entry.") }

    public init(alert: Alert, entryName: BilingualText?, organizationName: String?, publicURL: String) {
        let name = entryName ?? BilingualText(zh: alert.entryId, en: alert.entryId)
        let retired = alert.event == "entry.retired"
        subject = retired ? "目录变更：“\(name.zh)”已移出 / Catalog change: \(name.en) retired"
                          : "目录变更：“\(name.zh)”有修改 / Catalog change: \(name.en) changed"
        let reason = alert.reason.flatMap(RetirementReason.init)?.name
        let what: BilingualText = retired
            ? BilingualText(zh: "新版目录（\(alert.toEdition)）已将该资格移出" + (reason.map { "，理由：\($0.zh)" } ?? "") + (alert.note.map { "（\($0)）" } ?? "") + "。",
                            en: "The new edition (\(alert.toEdition)) retires this qualification" + (reason.map { ": \($0.en)" } ?? "") + (alert.note.map { " (\($0))" } ?? "") + ".")
            : BilingualText(zh: "新版目录（\(alert.toEdition)）修改了该资格的：\((alert.fields ?? []).joined(separator: "、"))。",
                            en: "The new edition (\(alert.toEdition)) changes this qualification's: \((alert.fields ?? []).joined(separator: ", ")).")
        let links = alert.requests.map { "\(publicURL)/requests/\($0)" }
        let greeting = organizationName.map { "\($0)：" } ?? ""
        text = """
            \(greeting)
            \(what.zh)
            受影响的已完成查验申请：
            \(links.joined(separator: "\n"))

            \(what.en)
            Completed verification requests affected:
            \(links.joined(separator: "\n"))
            """
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        let list = "<ul>" + links.map { "<li><a href=\"\(escape($0))\">\(escape($0))</a></li>" }.joined() + "</ul>"
        html = """
            <!doctype html><html><body>
            <div lang="zh"><p>\(escape(greeting))</p><p>\(escape(what.zh))</p><p>受影响的已完成查验申请：</p>\(list)</div>
            <hr><div lang="en"><p>\(escape(what.en))</p><p>Completed verification requests affected:</p>\(list)</div>
            </body></html>
            """
    }
}
