import CredenceCore
import Foundation
import Testing

/// The verification rules in the core, without a database or a server: the workflow's
/// transition table, the draft's checks, the audit link, the code, catalog import.
@Suite struct VerificationRulesTests {
    /// Every (status, action) pair: exactly these are allowed, everything else is illegal.
    @Test func theWorkflowAllowsExactlyItsTable() {
        let allowed: [VerificationStatus: [VerificationAction: VerificationStatus]] = [
            // The holder (issue 31) consents or declines before acceptance, withdraws before a result.
            .submitted: [.accept: .accepted, .requestInfo: .needsInfo, .reject: .rejected, .withdraw: .withdrawn,
                         .holderConsent: .submitted, .holderDecline: .withdrawn, .holderWithdraw: .withdrawn],
            .needsInfo: [.accept: .accepted, .reject: .rejected, .resubmit: .submitted, .withdraw: .withdrawn,
                         .holderConsent: .needsInfo, .holderDecline: .withdrawn, .holderWithdraw: .withdrawn],
            .accepted: [.requestInfo: .needsInfo, .reject: .rejected, .complete: .completed, .withdraw: .withdrawn, .holderWithdraw: .withdrawn],
            // A result can be revoked; the request stays completed (and finished). Or its
            // employer asks for a review (复核), which an officer decides (issue 33).
            .completed: [.revoke: .completed, .review: .underReview, .holderErasure: .completed, .holderPublicCheck: .completed],
            .underReview: [.reviewDecision: .completed],
        ]
        for status in VerificationStatus.allCases {
            for action in VerificationAction.allCases {
                let expected = allowed[status]?[action]
                let got = try? VerificationWorkflow.next(from: status, by: action)
                #expect(got == expected, "\(status) --\(action)-->")
            }
            // Finished: nothing is asked of it any more (a result may still be revoked or reviewed).
            #expect(status.isFinal == [.rejected, .completed, .withdrawn].contains(status))
        }
    }

    @Test func aDraftIsNormalizedOrEveryProblemNamed() throws {
        let today = CalendarDate("2026-12-01")!
        let good = VerificationDraft(entryId: "cfa", holderName: "  Ana Silva ", holderNationality: "br", holderDateOfBirth: "1990-02-03",
                                     passportNumber: " ab12345 ", certificateNumber: " C-1 ", issuedOn: "2020-01-01", expiresOn: "",
                                     note: " ", holderConsent: true)
        let clean = try good.validated(entries: ["cfa"], today: today)
        #expect(clean.holderName == "Ana Silva" && clean.holderNationality == "BR" && clean.passportNumber == "AB12345")
        #expect(clean.certificateNumber == "C-1" && clean.expiresOn == nil && clean.note == nil)

        let bad = VerificationDraft(entryId: "nope", holderName: "", holderNationality: "XX1", holderDateOfBirth: "2030-01-01",
                                    passportNumber: "12", certificateNumber: "", issuedOn: "2027-01-01", expiresOn: "2019-01-01",
                                    holderConsent: false)
        let error = try #require(throws: InvalidInput.self) { try bad.validated(entries: ["cfa"], today: today) }
        let fields = Set(error.problems.compactMap(\.field))
        #expect(fields.isSuperset(of: ["entryId", "holder.name", "holder.nationality", "holder.dateOfBirth", "holder.passportNumber",
                                      "certificateNumber", "issuedOn", "holderConsent"]), "\(fields)")
        #expect(error.problems.allSatisfy { !$0.message.zh.isEmpty && !$0.message.en.isEmpty })
    }

    /// The audit link's hash covers every field: change one, the hash changes.
    @Test func anAuditLinkHashesEveryField() {
        let link = AuditLink(seq: 7, atMilliseconds: 1_764_547_200_000, kind: "sign_in.failed", actorId: nil, subjectId: "s",
                             email: "a@b.example", address: "192.0.2.1", detail: "password", previousHash: AuditLink.genesis)
        #expect(link.hash.count == 64 && link.hash == link.hash)
        var variants: [AuditLink] = []
        for change in 0..<8 {
            var other = link
            switch change {
            case 0: other.seq = 8
            case 1: other.atMilliseconds += 1
            case 2: other.kind = "sign_in.succeeded"
            case 3: other.actorId = "x"
            case 4: other.subjectId = nil
            case 5: other.email = "c@b.example"
            case 6: other.detail = nil
            default: other.previousHash = String(repeating: "1", count: 64)
            }
            variants.append(other)
        }
        #expect(Set(variants.map(\.hash)).count == 8 && !variants.map(\.hash).contains(link.hash))
    }

    @Test func verificationCodesUseTheUnambiguousAlphabet() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let code = VerificationCode.make(using: &generator)
            #expect(code.count == 14 && code.hasPrefix("TJ-"))
            #expect(code.dropFirst(3).allSatisfy { $0 == "-" || "23456789ABCDEFGHJKMNPQRSTUVWXYZ".contains($0) })
        }
        #expect(AttachmentKind.pdf.safeFileName("../../etc/passwd.exe") == "______etc_passwd.pdf")
        #expect(AttachmentKind.jpeg.safeFileName("证书 scan.png") == "___scan.jpg")
    }

    /// Catalog import: the 2023 export comes back whole; a file with a key twice, a bad
    /// row or a duplicate id is refused with every problem.
    @Test func catalogImportIsWholeOrRefusedRowByRow() throws {
        let file = try BundledData.tianjin2023()
        let csv = CatalogCSV.export(file.entries)
        #expect(try ImportFile.csv(csv, edition: "copy").count == 27)
        let json = String(decoding: try BundledData.resource("tianjin-2023", "json"), as: UTF8.self)
        #expect(try ImportFile.json(json).entries == file.entries)
        let twice = #"{"edition": {}, "edition": {}, "entries": []}"#
        #expect(throws: ImportRejected.self) { try ImportFile.json(twice) }
        let rejected = try #require(throws: ImportRejected.self) {
            try ImportFile.csv(csv.replacingOccurrences(of: "cka,20,", with: "cka,twenty,"), edition: "copy")
        }
        #expect(rejected.rows.map(\.field) == ["seq"])
    }

    @Test func anActionsInputIsCheckedBeforeTheWorkflowIsAsked() throws {
        let today = try #require(CalendarDate(year: 2026, month: 12, day: 1))
        func problem(_ action: VerificationAction, _ input: VerificationActionInput) -> [String?] {
            do {
                _ = try input.validated(for: action, entries: ["cka"], today: today)
                return []
            } catch {
                return error.problems.map(\.field)
            }
        }
        #expect(problem(.reject, .init()) == ["reason"])
        #expect(problem(.reject, .init(reason: .incomplete)) == [])
        #expect(problem(.complete, .init()) == ["outcome"])
        #expect(problem(.accept, .init(note: String(repeating: "注", count: 2001))) == ["note"])
        #expect(problem(.accept, .init(note: String(repeating: "注", count: 2000))) == [])
        // Corrections matter only to a resubmission.
        #expect(try VerificationActionInput().validated(for: .resubmit, entries: ["cka"], today: today).corrections == nil)
        // 一次性告知: a request for information lists what is missing, 1 to 20 items; "other" says what.
        #expect(problem(.requestInfo, .init()) == ["items"])
        var asking = VerificationActionInput()
        asking.items = [InfoItem(code: .certificateScan, note: "  "), InfoItem(code: .other, note: nil)]
        #expect(problem(.requestInfo, asking) == ["items[1].note"])
        asking.items[1].note = "The employment contract"
        #expect(try asking.validated(for: .requestInfo, entries: [], today: today).items
                == [InfoItem(code: .certificateScan, note: nil), InfoItem(code: .other, note: "The employment contract")])
        asking.items = Array(repeating: InfoItem(code: .passportCopy, note: nil), count: 21)
        #expect(problem(.requestInfo, asking) == ["items"])
    }

    /// The employer answers every item once, with a note or a file of the request's; the
    /// history pairs each checklist with the resubmission that answered it.
    @Test func everyItemAskedForIsAnsweredOnce() throws {
        let file = UUID()
        let asked = InfoRequest(requestedAt: Date(), note: nil, items: [InfoItem(code: .certificateScan, note: nil),
                                                                       InfoItem(code: .certificateNumber, note: "As printed")],
                                answers: [], answeredAt: nil)
        func problem(_ answers: [InfoAnswer]) -> [String?] {
            do {
                _ = try asked.validatedAnswers(answers, attachments: [file])
                return []
            } catch {
                return error.problems.map(\.field)
            }
        }
        #expect(problem([]) == ["answers"])
        #expect(problem([InfoAnswer(item: 1, note: nil, attachmentId: file)]) == ["answers"])
        #expect(problem([InfoAnswer(item: 1, note: nil, attachmentId: UUID()), InfoAnswer(item: 2, note: "X1", attachmentId: nil)])
                == ["answers[0].attachmentId"])
        #expect(problem([InfoAnswer(item: 1, note: " ", attachmentId: nil), InfoAnswer(item: 3, note: "X1", attachmentId: nil)])
                == ["answers[0]", "answers[1].item"])
        #expect(problem([InfoAnswer(item: 2, note: "X1", attachmentId: nil), InfoAnswer(item: 1, note: nil, attachmentId: file)]) == [])

        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let history = [
            VerificationRequest.Event(action: .requestInfo, from: .submitted, to: .needsInfo, actorRole: .officer, at: t0, note: "Two things",
                                      items: asked.items),
            VerificationRequest.Event(action: .resubmit, from: .needsInfo, to: .submitted, actorRole: .employer, at: t0 + 60, note: nil,
                                      answers: [InfoAnswer(item: 1, note: nil, attachmentId: file), InfoAnswer(item: 2, note: "X1", attachmentId: nil)]),
            VerificationRequest.Event(action: .requestInfo, from: .submitted, to: .needsInfo, actorRole: .officer, at: t0 + 120, note: nil,
                                      items: [InfoItem(code: .passportCopy, note: nil)]),
        ]
        let rounds = InfoRequest.all(in: history)
        #expect(rounds.count == 2)
        #expect(rounds[0].note == "Two things" && rounds[0].answeredAt == t0 + 60 && rounds[0].answer(to: 2)?.note == "X1")
        #expect(rounds[1].answeredAt == nil && rounds[1].items.map(\.code) == [.passportCopy])
    }
}

/// Issue 31: what is sent abroad, said once each, as the channel registry lists it.
@Suite struct HolderWordsTests {
    @Test func theRegistrysInputsBecomeWordsEachOnce() {
        let sent = HolderConsentText.sent(["holderName", "membershipNumber(if known)", "membershipNumber(optional)", "address|employer|birthDate|email (any)"])
        #expect(sent.map(\.en) == ["name", "membership number (if there is one)", "one of address, employer, date of birth, email"])
        #expect(sent.map(\.zh) == ["姓名", "会员编号（如有）", "以下任一：地址、雇主、出生日期、邮箱"])
    }

    @Test func theWordsVersionIsTheirHash() {
        let facts = HolderConsentText.Facts(organization: "Acme", qualification: "CFA", issuingBody: "CFA Institute", country: nil,
                                            inputs: ["name"], retentionDays: 180)
        let zh = HolderConsentText(facts, language: .zh), en = HolderConsentText(facts, language: .en)
        #expect(zh.version(of: .processing) == SecretToken.digest(zh.processing) && zh.version(of: .processing) != en.version(of: .processing))
        #expect(zh.transferAbroad.contains("第三十九条") && en.transferAbroad.contains("country or region not given by the catalog"))
    }
}
