/// What a profile brings: each held qualification's standing and all fifteen benefits,
/// in the order of `Benefit.allCases`.
public struct BenefitEvaluation: Sendable, Equatable {
    /// The edition the qualifications were read from.
    public var edition: String
    public var qualifications: [QualificationStanding]
    public var benefits: [BenefitResult]
    /// Each benefit through each held qualification, benefit by benefit in the order of
    /// `benefits`, qualifications in the order of `qualifications` — empty when only one is
    /// held, whose results are `benefits` themselves.
    public var perQualification: [BenefitResult]
    /// What every answer says besides the benefits (v2).
    public var notes: [BenefitNote] { BenefitNote.all }

    public func result(for benefit: Benefit) -> BenefitResult? {
        benefits.first { $0.benefit == benefit }
    }

    /// The benefit through each held qualification (v2 `byQualification`), in the order of
    /// `qualifications`.
    public func byQualification(_ benefit: Benefit) -> ArraySlice<BenefitResult> {
        guard let index = Benefit.all.firstIndex(of: benefit), !qualifications.isEmpty else { return [] }
        if qualifications.count == 1 { return benefits[index...index] }
        let start = index * qualifications.count
        return perQualification[start..<start + qualifications.count]
    }

    /// A reason in words, naming the held qualification it is about.
    public func text(of reason: BenefitReason) -> BilingualText {
        reason.text(held: qualifications)
    }
}

/// What every answer says besides the benefits: the catalog is reviewed and entries can be
/// withdrawn (四), and the authorities decide each actual application.
public enum BenefitNote: String, CaseIterable, Sendable {
    case catalogReviewed = "catalog_reviewed"
    case authoritiesDecide = "authorities_decide"

    public static let all = allCases

    /// The notice's clause it rests on, as printed (nil: not a clause of the notice).
    public var clause: String? {
        switch self {
        case .catalogReviewed: "四"
        case .authoritiesDecide: nil
        }
    }

    public var text: BilingualText {
        switch self {
        case .catalogReviewed:
            BilingualText(
                zh: "《目录》实行动态管理：对不符合要求的境外职业资格予以退出，对需要增加的予以纳入（通知四）。今天认可的资格，可能在目录调整时被移出。",
                en: "The catalog is reviewed: qualifications that no longer meet its requirements are withdrawn and needed ones added (notice, section 4). A qualification recognized today may be withdrawn at a review.")
        case .authoritiesDecide:
            BilingualText(
                zh: "本结果依据通知条文得出，仅供参考；每一项具体申请由主管部门认定。",
                en: "This answer reads the notice's rules; the authorities decide each actual application.")
        }
    }
}

/// Step 2: whether a held qualification counts, and why.
public struct QualificationStanding: Sendable, Equatable {
    public var entry: Entry
    public var status: BenefitStatus
    public var reasons: Reasons
}

public struct BenefitResult: Sendable, Equatable, BitwiseCopyable {
    public var benefit: Benefit
    public var status: BenefitStatus
    /// Only on the title benefits: the highest level among the qualifications that reach
    /// `status`.
    public var level: TitleLevel?
    public var reasons: Reasons
}
