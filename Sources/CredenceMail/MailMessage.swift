import Foundation

/// One message as RFC 5322 writes it: headers (the subject encoded per RFC 2047 when it is
/// not ASCII), and a multipart/alternative body with a plain-text and an HTML part, each
/// UTF-8 in base64.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: String
    public var subject: String
    public var text: String
    public var html: String
    public var date: Date
    /// Unique per message; a resend of the same message keeps it.
    public var messageID: String

    public init(from: String, to: String, subject: String, text: String, html: String, date: Date, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.messageID = messageID
    }

    /// Checked before an address reaches the SMTP dialogue (no spaces, CR, LF, <, >).
    public static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && text.count <= 254
            && !text.contains { $0.isWhitespace || "<>\r\n,;\"".contains($0) }
    }

    /// `=?UTF-8?B?…?=` in pieces short enough for a header line, or the text itself when ASCII.
    static func encodedWord(_ text: String) -> String {
        guard !text.allSatisfy({ $0.isASCII && !$0.isNewline }) else { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            if (chunk + String(character)).utf8.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk.utf8).base64EncodedString() + "?=")
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk.utf8).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            return String(encoded[from..<(encoded.index(from, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }.joined(separator: "\r\n")
    }


    /// The message as an `.eml` file holds it: RFC 5322, lines ending CRLF.
    public var file: String {
        let boundary = "credence-" + messageID.filter { $0.isLetter || $0.isNumber }
        let date = DateFormatter.rfc5322.string(from: self.date)
        return [
            "From: \(from)", "To: \(to)", "Subject: \(Self.encodedWord(subject))", "Date: \(date)", "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0", "Content-Type: multipart/alternative; boundary=\"\(boundary)\"", "",
            "--\(boundary)", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", Self.base64Lines(text),
            "--\(boundary)", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64", "", Self.base64Lines(html),
            "--\(boundary)--", "",
        ].joined(separator: "\r\n")
    }

    /// The message as sent after DATA: the file, dot-stuffed, without the final ".".
    public var rendered: String {
        // base64 and our headers never begin a line with ".", but stuff anyway (RFC 5321 4.5.2).
        file.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
    }
}

extension DateFormatter {
    /// RFC 5322's date: `Tue, 01 Dec 2026 06:50:00 +0000`.
    static let rfc5322: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()
}
