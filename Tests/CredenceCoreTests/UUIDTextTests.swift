import CredenceCore
import Foundation
import Testing

/// `UUID(text:)` and `lowercasedText` read and write what Foundation reads and writes.
@Suite struct UUIDTextTests {
    @Test func theyAgreeWithFoundation() {
        for _ in 0..<2_000 {
            let id = UUID()
            #expect(id.lowercasedText == id.uuidString.lowercased())
            #expect(UUID(text: id.uuidString) == id)
            #expect(UUID(text: id.uuidString.lowercased()) == id)
        }
    }

    @Test func anythingElseIsRefused() {
        let good = "F8CE21DA-21B2-4095-ACF6-E20DFC87A2B2"
        for bad in ["", good.dropLast().description, good + "0", good.replacingOccurrences(of: "-", with: ""),
                    good.replacingOccurrences(of: "F8", with: "G8"), good.replacingOccurrences(of: "-21B2", with: "_21B2"),
                    "F8CE21DA-21B2-4095-ACF6-E20DFC87A2B-2", "中文中文中文中文-中文中-中文中-中文中-中文中文中文中文中"] {
            #expect(UUID(text: bad) == nil, "\(bad)")
            #expect(UUID(uuidString: bad) == nil, "Foundation refuses \(bad) too")
        }
    }
}
