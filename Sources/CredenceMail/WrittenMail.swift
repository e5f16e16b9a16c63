import Foundation

/// A message `MailFolder` wrote, read back for an administrator: its headers (subjects in
/// RFC 2047 words decoded) and its plain-text part. Reads only what Credence writes —
/// base64 UTF-8 parts — and answers nil for anything else; the file is at most
/// `MailFolder.maxFileBytes`.
public struct WrittenMail: Sendable, Equatable {
    public var from: String
    public var to: String
    public var subject: String
    public var date: String
    public var text: String

    public init?(_ data: Data) {
        guard data.count <= MailFolder.maxFileBytes, let file = String(data: data, encoding: .utf8) else { return nil }
        let lines = file.components(separatedBy: "\r\n")
        guard let blank = lines.firstIndex(of: "") else { return nil }
        var headers: [String: String] = [:]
        var last: String?
        for line in lines[..<blank] {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let name = last {
                headers[name, default: ""] += line.drop { $0 == " " || $0 == "\t" }
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                headers[name] = String(line[line.index(after: colon)...].drop { $0 == " " })
                last = name
            }
        }
        guard let from = headers["from"], let to = headers["to"] else { return nil }
        self.from = from
        self.to = to
        self.subject = Self.decodedWords(headers["subject"] ?? "")
        self.date = headers["date"] ?? ""
        guard let plain = lines.firstIndex(of: "Content-Type: text/plain; charset=utf-8"),
              let start = lines[plain...].firstIndex(of: ""),
              let end = lines[start...].firstIndex(where: { $0.hasPrefix("--") }),
              let body = Data(base64Encoded: lines[(start + 1)..<end].joined()),
              let text = String(data: body, encoding: .utf8)
        else { return nil }
        self.text = text
    }

    /// `=?UTF-8?B?…?=` words joined back into text; anything else as written.
    static func decodedWords(_ header: String) -> String {
        guard header.hasPrefix("=?UTF-8?B?") else { return header }
        return header.split(separator: "=?UTF-8?B?").map { word in
            let encoded = word.hasSuffix("?=") ? word.dropLast(2) : word[...]
            return Data(base64Encoded: String(encoded)).flatMap { String(data: $0, encoding: .utf8) } ?? String(word)
        }.joined()
    }
}
