/// Why an edition change was refused.
public enum EditionError: Error, Equatable, Sendable {
    case invalid([InputError])
    case notFound(String)
    /// Published editions never change.
    case published(BilingualText)
    case conflict(BilingualText)
}
