/// One line of an entry's history: the edition, and the entry in it or its retirement.
public struct EntryHistoryLine: Sendable, Equatable {
    public var edition: Edition
    public var entry: Entry?
    public var retirement: Retirement?

    public init(edition: Edition, entry: Entry?, retirement: Retirement?) {
        self.edition = edition
        self.entry = entry
        self.retirement = retirement
    }
}
