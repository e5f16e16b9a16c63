import Foundation

/// Times as the API and receipts write them: RFC 3339, UTC, whole seconds.
public enum Timestamps {
    /// `2026-11-29T09:47:04Z`. The format style is a value, made once; an
    /// `ISO8601DateFormatter` made per call (as this once was) built an ICU formatter every
    /// time and took a third of the time of listing requests.
    private static let style = Date.ISO8601FormatStyle()

    public static func rfc3339(_ date: Date) -> String {
        style.format(date)
    }
}
