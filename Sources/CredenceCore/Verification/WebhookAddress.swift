import Foundation

/// Where an employer's status changes are sent: an http(s) address with a host, up to 500
/// characters.
public enum WebhookAddress {
    public static func parse(_ text: String) throws(InvalidInput) -> URL {
        guard text.count <= 500, HTTPAddress.isValid(text), let url = URL(string: text) else {
            throw InvalidInput(problems: [InputError("url", zh: "请填写 http(s):// 开头的网址。", en: "Address must be an http:// or https:// address.")])
        }
        return url
    }
}
