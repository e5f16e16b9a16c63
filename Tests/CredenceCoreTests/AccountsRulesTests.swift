import CredenceCore
import Foundation
import Testing

/// The rules accounts are held to: the credit code's check character, passwords, the
/// throttle, and TOTP.
@Suite struct AccountsRulesTests {
    /// Published codes (Tencent, Huawei) and one made with the check character.
    static let validCodes = ["9144030071526726XG", "914403001922038216", "91110000802100433B", "91120116MA05T2XQ1" + "\(UnifiedSocialCreditCode.checkCharacter(for: "91120116MA05T2XQ1")!)"]

    @Test(arguments: validCodes)
    func validCreditCodesPass(_ code: String) throws {
        #expect(UnifiedSocialCreditCode(code)?.value == code)
        #expect(UnifiedSocialCreditCode(" " + code.lowercased() + " ")?.value == code, "typed in lower case with spaces")
    }

    /// GB 32100-2015's check character catches every single-character error: each position,
    /// each other character of the alphabet.
    @Test(arguments: validCodes)
    func everySingleCharacterCorruptionIsRefused(_ code: String) {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var corrupted = 0
        for position in 0..<18 {
            for replacement in alphabet + ["I", "O", "Z", "S", "V", "-"] where replacement != Array(code)[position] {
                var characters = Array(code)
                characters[position] = replacement
                #expect(UnifiedSocialCreditCode(String(characters)) == nil, "\(String(characters))")
                corrupted += 1
            }
        }
        #expect(corrupted == 18 * 36)  // 30 other characters of the alphabet, 6 outside it
    }

    @Test(arguments: ["", "9144030071526726X", "9144030071526726XGG", "91440300715267 6XG"])
    func malformedCreditCodesAreRefused(_ code: String) {
        #expect(UnifiedSocialCreditCode(code) == nil)
    }

    @Test func passwordRules() {
        #expect(PasswordPolicy.problem(with: "a long test passphrase") == nil)
        #expect(PasswordPolicy.problem(with: "short pw") != nil, "fewer than 10 characters")
        #expect(PasswordPolicy.problem(with: "1234567890") != nil, "common")
        #expect(PasswordPolicy.problem(with: "Password123") != nil, "common, whatever the case")
        #expect(PasswordPolicy.problem(with: "qwertyuiop") != nil)
        #expect(PasswordPolicy.problem(with: "aaaaaaaaaaaa") != nil, "one character repeated")
        #expect(PasswordPolicy.problem(with: "hr.manager@corp.example", email: "HR.Manager@corp.example") != nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "xy", count: 200)) != nil, "longer than the cap")
        #expect(PasswordPolicy.problem(with: "1234567890")?.field == "password")
    }

    @Test func emailsAreNormalized() {
        #expect(EmailAddress.normalized("  HR@Example.COM ") == "hr@example.com")
        for bad in ["", "hr", "hr@", "@example.com", "hr@example", "hr@@example.com", "h r@example.com", "hr@.example.com", "<a>@b.cn"] {
            #expect(EmailAddress.normalized(bad) == nil, "\(bad)")
        }
    }

    @Test func registrationReportsEveryProblem() {
        let registration = EmployerRegistration(
            organizationName: " ", unifiedSocialCreditCode: "91440300715267260G", contactName: "",
            email: "nope", phone: "call me", password: "123")
        #expect(throws: InvalidInput.self) { try registration.validated() }
        do {
            _ = try registration.validated()
        } catch {
            #expect(error.problems.map(\.field) == ["organizationName", "unifiedSocialCreditCode", "contactName", "email", "phone", "password"])
        }
    }

    /// RFC 6238, appendix B (SHA-1), last six digits.
    @Test(arguments: [(59.0, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"), (1_234_567_890, "005924"),
                      (2_000_000_000, "279037"), (20_000_000_000, "353130")])
    func totpMatchesTheRFCVectors(_ time: Double, _ code: String) {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        #expect(totp.code(at: time) == code)
    }

    @Test func totpAcceptsOneStepEitherSideAndNeverTwice() throws {
        let totp = TOTP.generate()
        let now = 1_800_000_000.0
        let step = TOTP.counter(at: now)
        #expect(totp.acceptedStep(for: totp.code(at: now), at: now, lastUsedStep: nil) == step)
        #expect(totp.acceptedStep(for: totp.code(at: now - 30), at: now, lastUsedStep: nil) == step - 1, "previous step")
        #expect(totp.acceptedStep(for: totp.code(at: now + 30), at: now, lastUsedStep: nil) == step + 1, "next step")
        #expect(totp.acceptedStep(for: totp.code(at: now - 60), at: now, lastUsedStep: nil) == nil, "stale")
        #expect(totp.acceptedStep(for: totp.code(at: now), at: now, lastUsedStep: step) == nil, "reused")
        #expect(totp.acceptedStep(for: totp.code(at: now - 30), at: now, lastUsedStep: step) == nil, "older than one used")
        #expect(totp.acceptedStep(for: "12345", at: now, lastUsedStep: nil) == nil)
        #expect(totp.acceptedStep(for: "abcdef", at: now, lastUsedStep: nil) == nil)
        let again = try #require(TOTP(base32: totp.base32))
        #expect(again.secret == totp.secret)
        #expect(totp.uri(account: "li@tj.example").hasPrefix("otpauth://totp/Credence"))
        #expect(totp.uri(account: "li@tj.example").contains("secret=\(totp.base32)"))
    }
}
