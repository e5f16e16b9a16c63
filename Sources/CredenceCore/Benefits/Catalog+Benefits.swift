/// A profile the rules cannot evaluate, naming the fact that is wrong and what is accepted.
public struct ProfileError: Error, Sendable, Equatable {
    public var fact: ProfileFact
    public var message: BilingualText

    public init(_ fact: ProfileFact, zh: String, en: String) {
        self.fact = fact
        self.message = BilingualText(zh: zh, en: en)
    }
}

extension BenefitProfile {
    /// Checks every fact against its range; the first bad one is reported.
    public func validate() throws(ProfileError) {
        if let first = problems().first { throw first }
    }

    /// Every fact out of its range, in the order of the facts (a form shows them all).
    public func problems() -> [ProfileError] {
        var problems: [ProfileError] = []
        if qualifications.isEmpty {
            problems.append(ProfileError(.qualifications, zh: "请至少选择一项《目录》内的职业资格。",
                                         en: "Qualifications must list at least one catalog entry id (such as cfa)."))
        }
        if qualifications.count > Self.maxQualifications {
            problems.append(ProfileError(.qualifications, zh: "最多可选择\(Self.maxQualifications)项职业资格。",
                                         en: "Qualifications may list at most \(Self.maxQualifications) entries; got \(qualifications.count)."))
        }
        if let related = workRelatedTo, related.count > Self.maxQualifications {
            problems.append(ProfileError(.workRelatedTo, zh: "workRelatedTo 最多可列出\(Self.maxQualifications)项。",
                                         en: "Work related to may list at most \(Self.maxQualifications) ids; got \(related.count)."))
        } else if let related = workRelatedTo, let stranger = related.first(where: { !qualifications.contains($0) }) {
            problems.append(ProfileError(.workRelatedTo, zh: "workRelatedTo 只能列出您持有的资格；“\(stranger)”不在 qualifications 中。",
                                         en: "Work related to may list only qualifications you hold (ids from qualifications); '\(stranger)' is not among them."))
        }
        if let age, !Self.ageRange.contains(age) {
            problems.append(ProfileError(.age, zh: "年龄须为0到130之间的整数，收到的是\(age)。",
                                         en: "Age must be a whole number of years from 0 to 130; got \(age)."))
        }
        if let years = relevantExperienceYears, !(years.isFinite && years >= 0 && years <= Double(Self.ageRange.upperBound)) {
            problems.append(ProfileError(.relevantExperienceYears, zh: "相关工作年限须为0到130之间的数字，收到的是\(BenefitReason.years(years))。",
                                         en: "Years of relevant experience must be a number of years from 0 to 130; got \(BenefitReason.years(years))."))
        }
        return problems
    }
}

extension Catalog {
    /// Validates the profile, resolves its qualifications and zone in the edition (the one
    /// in force unless named) and evaluates it. Nothing is evaluated when any fact is bad.
    /// A draft edition counts only for those who may see drafts (administrators); to anyone
    /// else it does not exist, with the same answer as an id that was never used.
    public func evaluateBenefits(_ profile: BenefitProfile, edition editionID: String? = nil,
                                 includingDrafts: Bool = false) throws -> BenefitEvaluation {
        try profile.validate()
        if let editionID, self.edition(editionID).map({ includingDrafts || $0.status != .draft }) != true {
            throw ProfileError(.edition, zh: "没有名为“\(editionID)”的目录版本。", en: "Edition: there is no edition '\(editionID)'.")
        }
        let edition = try resolveEdition(editionID)
        var entries: [Entry] = []
        entries.reserveCapacity(profile.qualifications.count)
        // A qualification listed twice counts once.
        for id in profile.qualifications where !entries.contains(where: { $0.id == id }) {
            guard let entry = entry(id, inEdition: edition.id) else {
                throw ProfileError(
                    .qualifications, zh: "目录\(edition.id)中没有“\(id)”这一项。",
                    en: "Qualifications: there is no entry '\(id)' in edition \(edition.id).")
            }
            entries.append(entry)
        }
        if case .zone(let id) = profile.workZone, zone(id) == nil {
            let accepted = (zones.map(\.id) + [WorkZone.linkedUnlistedValue, WorkZone.outsideValue]).joined(separator: ", ")
            throw ProfileError(
                .workZone, zh: "没有“\(id)”这一区域；可选：\(accepted)。",
                en: "Work zone must be one of \(accepted); got '\(id)'.")
        }
        return BenefitsEngine.evaluate(profile, holding: entries, edition: edition.id)
    }
}
