import CredenceCore
import Foundation
import Plot

/// Times as people in Tianjin read them: China Standard Time (UTC+8, no daylight saving),
/// written per language — `2026年12月1日 07:38` / `1 Dec 2026, 07:38 (China time)` — in a
/// `<time>` whose `datetime` keeps the exact instant for machines.
enum LocalTime {
    static let chinaTime: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar
    }()

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func text(_ date: Date, _ language: Lang) -> String {
        let parts = chinaTime.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let (year, month, day) = (parts.year ?? 0, parts.month ?? 1, parts.day ?? 1)
        let clock = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return language == .zh ? "\(year)年\(month)月\(day)日 \(clock)" : "\(day) \(months[month - 1]) \(year), \(clock) (China time)"
    }

    /// An RFC 3339 instant as stored in a record, read as `text` reads a date (as given when unreadable).
    static func display(_ rfc3339: String, _ language: Lang) -> String {
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = fractional.date(from: rfc3339) ?? ISO8601DateFormatter().date(from: rfc3339) else { return rfc3339 }
        return text(date, language)
    }

    static func node<Context>(_ date: Date, _ page: PageContext) -> Node<Context> {
        .element(named: "time", nodes: [.attribute(named: "datetime", value: Timestamps.rfc3339(date)), .text(text(date, page.language))])
    }
}
