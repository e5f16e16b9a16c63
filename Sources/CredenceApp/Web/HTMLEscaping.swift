import Foundation
import Plot

extension String {
    /// Safe inside a double-quoted HTML attribute. Plot escapes text nodes but writes
    /// attribute values as given, so every value that is not a constant goes through this.
    var attributeEscaped: String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Percent-encoded for a query-string value; leaves nothing an attribute could choke on.
    var queryEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? ""
    }
}

extension CharacterSet {
    static let urlQueryValueAllowed = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}


extension Node where Context == HTML.SelectContext {
    /// An `<option>` with a visible label. (Plot's own `option` only takes attributes.)
    static func choice(value: String, label: String, selected: Bool = false) -> Node {
        .element(named: "option", nodes: [
            .attribute(named: "value", value: value.attributeEscaped, ignoreIfValueIsEmpty: false),
            .if(selected, .attribute(named: "selected", value: "selected")),
            .text(label),
        ])
    }
}
