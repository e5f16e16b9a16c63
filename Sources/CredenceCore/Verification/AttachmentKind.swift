import Foundation

/// What an attachment is, judged by its first bytes — never by its name or the type the
/// browser claims. Only PDF, PNG and JPEG are taken.
public enum AttachmentKind: String, Sendable, Codable, CaseIterable {
    case pdf
    case png
    case jpeg

    public static let maxBytes = 10 * 1024 * 1024
    public static let maxPerRequest = 5

    public init?(sniffing bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) {
            self = .pdf
        } else if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else {
            return nil
        }
    }

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        }
    }
}

extension AttachmentKind {
    /// A name safe to put in a header: letters, digits, dot, dash, underscore; the extension
    /// follows the content, not what the name claimed.
    public func safeFileName(_ name: String) -> String {
        let base = (name as NSString).deletingPathExtension
        let cleaned = String(base.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || "-_".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
        }.prefix(80))
        return (cleaned.isEmpty ? "attachment" : cleaned) + "." + (self == .jpeg ? "jpg" : rawValue)
    }
}
