import Foundation

/// The proxies whose word about the client is believed (`CREDENCE_TRUSTED_PROXIES`:
/// addresses or CIDR ranges, IPv4 or IPv6, comma-separated; none by default). Only when
/// the peer is one of them are `Forwarded` (RFC 7239) and `X-Forwarded-For` read, and then
/// the client is the right-most address in the chain that is not itself a trusted proxy —
/// the left part of the chain is whatever the client chose to send.
public struct TrustedProxies: Sendable, Equatable {
    struct Range: Sendable, Equatable {
        var network: [UInt8]
        var prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == network.count else { return false }
            var bits = prefix
            for (a, n) in zip(address, network) where bits > 0 {
                let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
                if a & mask != n & mask { return false }
                bits -= 8
            }
            return true
        }
    }

    var ranges: [Range]

    public static let none = TrustedProxies(ranges: [])

    init(ranges: [Range]) { self.ranges = ranges }

    /// Reads "127.0.0.1, 10.0.0.0/8, ::1"; throws naming the first part that is not an
    /// address or a range.
    public init(parsing text: String) throws(TrustedProxiesError) {
        var ranges: [Range] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let pieces = part.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = IPAddressBytes.parse(pieces[0]) else { throw TrustedProxiesError(part: part) }
            var prefix = bytes.count * 8
            if pieces.count == 2 {
                guard let bits = Int(pieces[1]), (0...bytes.count * 8).contains(bits) else { throw TrustedProxiesError(part: part) }
                prefix = bits
            }
            ranges.append(Range(network: bytes, prefix: prefix))
        }
        self.ranges = ranges
    }

    public var isEmpty: Bool { ranges.isEmpty }

    public func contains(_ address: String) -> Bool {
        guard let bytes = IPAddressBytes.parse(address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }

    /// Who is asking, and whether they reached us over TLS, from the peer and the request's
    /// headers.
    public func origin(peer: String, overTLS: Bool, forwarded: String?, xForwardedFor: String?, xForwardedProto: String?)
        -> ClientOrigin
    {
        guard contains(peer) else { return ClientOrigin(address: peer, isSecure: overTLS) }
        let hops: [ForwardedHop] = forwarded.map(ForwardedHop.parse)
            ?? (xForwardedFor ?? "").split(separator: ",").map { ForwardedHop(address: ForwardedHop.clean(String($0)), proto: nil) }
        // Right to left: the first hop that is not one of our proxies is the client.
        var address = peer
        for hop in hops.reversed() {
            guard let hopAddress = hop.address, IPAddressBytes.parse(hopAddress) != nil else { break }
            address = hopAddress
            if !contains(hopAddress) { break }
        }
        let proto = forwarded != nil ? hops.last?.proto : xForwardedProto?.split(separator: ",").last.map(String.init)
        let secure = overTLS || proto?.trimmingCharacters(in: .whitespaces).lowercased() == "https"
        return ClientOrigin(address: address, isSecure: secure)
    }
}

/// The client as the application sees it: its address (what the throttles, the audit log
/// and the sign-in records use) and whether its connection is encrypted end to end.
public struct ClientOrigin: Sendable, Equatable {
    public var address: String
    public var isSecure: Bool

    public init(address: String, isSecure: Bool) {
        self.address = address
        self.isSecure = isSecure
    }
}

public struct TrustedProxiesError: Error, CustomStringConvertible {
    public var part: String
    public var description: String {
        "CREDENCE_TRUSTED_PROXIES: \"\(part)\" is not an IP address or a CIDR range (e.g. 127.0.0.1, 10.0.0.0/8, ::1)."
    }
}

/// One element of a `Forwarded` header: `for=` and `proto=`.
struct ForwardedHop: Equatable {
    var address: String?
    var proto: String?

    /// `Forwarded: for=192.0.2.60;proto=https, for="[2001:db8::1]:4711"` → hops, left to right.
    static func parse(_ header: String) -> [ForwardedHop] {
        header.split(separator: ",").map { element in
            var hop = ForwardedHop(address: nil, proto: nil)
            for pair in element.split(separator: ";") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard kv.count == 2 else { continue }
                switch kv[0].lowercased() {
                case "for": hop.address = clean(kv[1])
                case "proto": hop.proto = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
                default: break
                }
            }
            return hop
        }
    }

    /// Strips quotes, IPv6 brackets and a port: `"[2001:db8::1]:4711"` → `2001:db8::1`, `192.0.2.1:80` → `192.0.2.1`.
    static func clean(_ raw: String) -> String {
        var text = raw.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            return String(text[text.index(after: text.startIndex)..<close])
        }
        if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            text = String(text[..<colon])
        }
        return text
    }
}

/// An IP address as bytes (4 or 16), by the C library's own parser.
enum IPAddressBytes {
    static func parse(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is that IPv4 address.
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return Array(bytes[12...]) }
            return bytes
        }
        return nil
    }
}
