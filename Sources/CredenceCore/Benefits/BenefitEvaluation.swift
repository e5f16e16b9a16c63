/// What a profile brings: each held qualification's standing and all fifteen benefits,
/// in the order of `Benefit.allCases`.
public struct BenefitEvaluation: Sendable, Equatable {
    /// The edition the qualifications were read from.
    public var edition: String
    public var qualifications: [QualificationStanding]
    public var benefits: [BenefitResult]

    public func result(for benefit: Benefit) -> BenefitResult? {
        benefits.first { $0.benefit == benefit }
    }

    /// A reason in words, naming the held qualification it is about.
    public func text(of reason: BenefitReason) -> BilingualText {
        reason.text(qualifications: qualifications.map(\.entry.name))
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
