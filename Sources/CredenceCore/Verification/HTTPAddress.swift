import Foundation

/// An http(s) address as Credence accepts one (a webhook, a verification channel): the
/// pattern `HTTPAddress` in openapi.yaml — an ASCII host (an IDN in its xn-- form), an
/// optional port, then printable ASCII — and one Foundation's URL reads.
public enum HTTPAddress {
    nonisolated(unsafe) static let pattern = /[Hh][Tt][Tt][Pp][Ss]?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?([\/?#][!-~]*)?/

    public static func isValid(_ text: String) -> Bool {
        text.wholeMatch(of: pattern) != nil && URL(string: text)?.host?.isEmpty == false
    }
}
