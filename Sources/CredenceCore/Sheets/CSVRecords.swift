/// RFC 4180 records read into a `Sheet`, bounded while reading (`SheetLimits`): quoted cells
/// may hold commas, quotes ("") and line breaks; a record ends at CRLF, LF or CR. Over the
/// text's UTF-8 bytes, one pass, no backtracking: the 2 MiB a batch may be is read in
/// milliseconds whatever its shape (a header of two million empty columns took 264 s of
/// CPU when cells were Characters and the limits came after). Kept by hand (not SwiftCSV):
/// no CSV library here checks limits while it reads.
enum CSVRecords {
    static func sheet(_ text: String, limits: SheetLimits) throws -> Sheet {
        var text = text
        return try text.withUTF8 { bytes in try read(bytes, limits: limits) }
    }

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, limits: SheetLimits) throws -> Sheet {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }  // the byte-order mark
        var rows: [Sheet.Row] = []
        var row: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        var number = 1, line = 1  // the record (the spreadsheet's row), and the text's line
        var nonBlank = 0
        var skipped = 0  // empty cells past the last column read

        func endCell() throws {
            defer { cell.removeAll(keepingCapacity: true) }
            guard row.count + skipped < limits.columns else {
                guard row.count + skipped < SheetLimits.paddedColumns, cell.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else {
                    throw SheetTooLarge(.columns(limits.columns, atRow: number, column: row.count + skipped))
                }
                skipped += 1
                return
            }
            row.append(String(decoding: cell, as: UTF8.self))
        }
        func endRow() throws {
            defer { row.removeAll(keepingCapacity: true); skipped = 0; number += 1 }
            let candidate = Sheet.Row(number: number, cells: row)
            guard !candidate.isBlank else { return }
            nonBlank += 1
            // The header and `limits.rows` rows below it; the next one stops the reading.
            guard nonBlank <= limits.rows + 1 else { throw SheetTooLarge(.rows(limits.rows, atRow: number)) }
            rows.append(candidate)
        }

        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote { cell.append(quote); index += 1 } else { quoted = false }
                } else {
                    if byte == lf { line += 1 }
                    cell.append(byte)
                }
            } else {
                switch byte {
                case quote where cell.isEmpty: quoted = true
                case comma: try endCell()
                case cr, lf:
                    if byte == cr, index < bytes.count, bytes[index] == lf { index += 1 }
                    try endCell()
                    try endRow()
                    line += 1
                default: cell.append(byte)
                }
            }
            if cell.count > limits.cellBytes {
                throw SheetTooLarge(.cellBytes(limits.cellBytes, atRow: number, column: row.count + skipped))
            }
        }
        if quoted { throw CatalogCSV.RowErrors(rows: [CatalogCSV.RowError(row: line, field: nil, why: "a quoted cell is not closed")]) }
        if !cell.isEmpty || !row.isEmpty {
            try endCell()
            try endRow()
        }
        return Sheet(rows: rows)
    }
}
