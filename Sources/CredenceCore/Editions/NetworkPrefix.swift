import Crypto
import Foundation

/// The network a visitor's address belongs to, as the demand log counts visitors (issue 42):
/// an IPv4 /24 or an IPv6 /56 — what one household, office or mobile operator's customer
/// holds — so inventing cookies makes no new visitors, and a tag never stands for one address.
public enum NetworkPrefix {
    public static let ipv4Bits = 24
    public static let ipv6Bits = 56

    /// `198.51.100.0/24`, `2001:db8:0:ab00::/56`; nil for what is not an IP address.
    /// An IPv4-mapped IPv6 address (`::ffff:198.51.100.7`) is its IPv4 network.
    public static func of(_ address: String) -> String? {
        guard address.utf8.count <= 64 else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            return network(withUnsafeBytes(of: &v4) { Array($0) }, bits: ipv4Bits)
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF] { return network(Array(bytes.suffix(4)), bits: ipv4Bits) }
        return network(bytes, bits: ipv6Bits)
    }

    private static func network(_ bytes: [UInt8], bits: Int) -> String? {
        var masked = bytes
        for index in masked.indices {
            let kept = max(0, min(8, bits - index * 8))
            masked[index] &= kept == 8 ? 0xFF : ~(0xFF >> kept)
        }
        let family = masked.count == 4 ? AF_INET : AF_INET6
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard masked.withUnsafeBytes({ inet_ntop(family, $0.baseAddress, &text, socklen_t(text.count)) }) != nil else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/\(bits)"
    }
}

/// The key a week's demand tags are made with: random, made for one week and destroyed when
/// the next begins, so once its week is over no stored tag can be tied to a network — with
/// or without the data key (tags under a key derived from the data key could be reversed
/// by trying every address: 65,536 tries for a /16).
public struct WeekTagKey: Sendable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// A new key from the system's randomness.
    public static func make() -> WeekTagKey {
        WeekTagKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }

    /// The network's tag for this week (HMAC-SHA256, 16 hex digits).
    public func tag(_ network: String) -> String {
        Array(HMAC<SHA256>.authenticationCode(for: Data(network.utf8), using: SymmetricKey(data: bytes))).prefix(8).hex
    }
}
