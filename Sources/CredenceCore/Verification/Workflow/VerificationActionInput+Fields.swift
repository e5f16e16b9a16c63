/// An action's input declared once (issue 44): the fields its JSON body, its form and the
/// CLI read, by name, label and kind. The checklist's items and answers are lists of
/// objects, read by each reader from its own shape.
extension VerificationActionInput {
    public enum Fields {
        public static let note = CommandField("note", .text, label: "Note")
        /// A rejection's reason, a revocation's reason, or the employer's reason for a review.
        public static let reason = CommandField("reason", .text, label: "Reason")
        public static let outcome = CommandField("outcome", .text, label: "Outcome")
        public static let decision = CommandField("decision", .text, label: "Decision")
        public static let all = [note, reason, outcome, decision]
    }

    /// The names an action's body may hold; any other is refused, naming it.
    public static func accepted(for action: VerificationAction, corrections: [CommandField]) -> [String] {
        switch action {
        case .reject, .revoke, .review: ["reason", "note"]
        case .complete: ["outcome", "note"]
        case .reviewDecision: ["decision", "outcome", "note"]
        case .resubmit: corrections.topLevelNames + ["answers"]
        case .requestInfo: ["items", "note"]
        default: ["note"]
        }
    }

    /// Reads the fields `action` takes from `source`; a choice that is none of its values is
    /// refused naming the field and what it accepts. An empty note is no note.
    public init(_ action: VerificationAction, from source: some FieldSource) throws {
        self.init(note: try source.text(Fields.note).flatMap { $0.isEmpty ? nil : $0 })
        switch action {
        case .revoke: revocationReason = try source.choice(Fields.reason, RevocationReason.self)
        case .review: reviewReason = try source.text(Fields.reason)
        default: reason = try source.choice(Fields.reason, RejectionReason.self)
        }
        decision = try source.choice(Fields.decision, ReviewDecision.self)
        outcome = try source.choice(Fields.outcome, VerificationOutcome.self)
    }
}

extension FieldSource {
    /// One of `T`'s values; nil when not given or blank.
    public func choice<T: RawRepresentable & CaseIterable>(_ field: CommandField, _: T.Type) throws -> T? where T.RawValue == String {
        guard let text = try text(field), !text.isEmpty else { return nil }
        guard let value = T(rawValue: text) else {
            let accepted = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw VerificationError.invalid([InputError(field.name, zh: "“\(Echo.cut(text))”不是可选的值，可选：\(accepted)。",
                                                        en: "\(field.label) must be one of \(accepted); got \(Echo.quoted(text)).")])
        }
        return value
    }
}
