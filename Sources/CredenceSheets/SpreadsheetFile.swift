import CredenceCore
import Foundation

/// A file HR or an administrator uploads, read as a `Sheet`: CSV in UTF-8 (with or without
/// a byte-order mark) or in GB18030 (what Excel on a Chinese Windows writes for "CSV"), or
/// an Excel workbook (`.xlsx`, its first sheet). Anything else — old Excel's `.xls`, a PDF,
/// a photo — is refused, naming what is accepted.
public enum SpreadsheetFile {
    /// A file that is none of the accepted kinds (HTTP 415).
    public struct Unsupported: DescribedError, Equatable {
        /// What the file looks like, when it is recognised ("an Excel 97–2003 workbook (.xls)").
        public var found: BilingualText?

        public var kind: ErrorKind { .unsupportedType }
        public var code: String { "unsupported_file" }
        public var field: String? { "file" }

        public var message: BilingualText {
            let accepted = BilingualText(zh: "可接受：CSV（UTF-8 或 GB18030 编码）或 Excel 工作簿（.xlsx）。",
                                         en: "Accepted: CSV (in UTF-8 or GB18030) or an Excel workbook (.xlsx).")
            guard let found else {
                return BilingualText(zh: "无法读取此文件。" + accepted.zh, en: "This file cannot be read. " + accepted.en)
            }
            return BilingualText(zh: "此文件是\(found.zh)，无法读取。另存为 .xlsx 或 CSV 后再上传。" + accepted.zh,
                                 en: "This file is \(found.en), which cannot be read; save it as .xlsx or CSV and upload it again. " + accepted.en)
        }
    }

    /// What the file is, from its first bytes.
    public enum Kind: Sendable, Equatable {
        case text
        case xlsx
        case unsupported(BilingualText?)
    }

    public static func kind(of bytes: [UInt8]) -> Kind {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return .unsupported(BilingualText(zh: "旧版 Excel 97–2003 工作簿（.xls）", en: "an Excel 97–2003 workbook (.xls)"))
        }
        if starts(Array("%PDF".utf8)) { return .unsupported(BilingualText(zh: " PDF 文档", en: "a PDF document")) }
        let image = BilingualText(zh: "图片", en: "an image")
        if starts([0x89, 0x50, 0x4E, 0x47]) || starts([0xFF, 0xD8, 0xFF]) || starts(Array("GIF8".utf8))
            || (bytes.count > 12 && (Array(bytes[8..<12]) == Array("WEBP".utf8) || Array(bytes[4..<8]) == Array("ftyp".utf8))) {
            return .unsupported(image)
        }
        // Text has no NUL bytes (UTF-16 would; so does every binary format).
        return bytes.prefix(8192).contains(0) ? .unsupported(nil) : .text
    }

    /// The file's text, when it is text: UTF-8 (with its byte-order mark, if it has one) or,
    /// when the bytes are not UTF-8, GB18030.
    public static func text(_ bytes: [UInt8]) throws(Unsupported) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        guard let text = TextDecoding.gb18030(bytes) else { throw Unsupported(found: nil) }
        return text
    }

    /// The file as a sheet, read within `limits` (`SheetTooLarge` past one). Unsupported
    /// files are refused before any row is read (`Unsupported`); a CSV file whose quotes do
    /// not close is refused naming the row (`CatalogCSV.RowErrors`).
    public static func sheet(_ bytes: [UInt8], limits: SheetLimits) throws -> Sheet {
        switch kind(of: bytes) {
        case .xlsx:
            return try XLSXReader.firstSheet(bytes, limits: limits)
        case .unsupported(let found):
            throw Unsupported(found: found)
        case .text:
            return try Sheet.csv(try text(bytes), limits: limits)
        }
    }
}
