import CredenceWire
import FuzzSupport

/// The urlencoded form decoder and the request path's one form: the first line is a path,
/// the rest a form body.
func fuzz(_ bytes: [UInt8]) {
    let newline = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
    let path = String(decoding: bytes[..<newline], as: UTF8.self)
    let pairs = URLEncodedForm.pairs(String(decoding: bytes[min(newline + 1, bytes.endIndex)...], as: UTF8.self))
    Replay.require(pairs.count <= URLEncodedForm.maxPairs, "more pairs than allowed")
    guard let normal = try? RequestPath.normalised(path[...]) else { return }
    Replay.require(normal.first == "/" && !normal.contains("//"), "not one form: \(normal)")
    Replay.require((try? RequestPath.normalised(normal)) == normal, "normalising twice changes it: \(normal)")
    let segments = normal.split(separator: "/")
    Replay.require(!segments.contains(".") && !segments.contains(".."), "a dot segment is left: \(normal)")
}

@main enum Main {
    static func main() { Replay.run(fuzz) }
}
