import CredenceCore
import CredenceSheets
import FuzzSupport

/// The .xlsx reader (ZIPFoundation, XMLParser) as an upload meets it: whatever the bytes, a
/// sheet within the batch limits or a refusal — never a crash, a hang or unbounded memory.
func fuzz(_ bytes: [UInt8]) {
    // libFuzzer mutates bytes; the reader sees a ZIP file only past its signature.
    let file = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? bytes : [0x50, 0x4B, 0x03, 0x04] + bytes
    guard let sheet = try? SpreadsheetFile.sheet(file, limits: .batch) else { return }
    Bounds.check(sheet, .batch)
}

@main enum Main {
    static func main() {
        #if FUZZING
        Replay.fuzz { data, size in
            fuzz(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        }
        #else
        Replay.main(fuzz)
        #endif
    }
}
