/// A row the store cannot read back into the domain: a bug or a hand-edited database.
public struct StoreDataError: Error, CustomStringConvertible {
    public var table: String
    public var row: String
    public var problem: String

    public var description: String { "\(table) row \(row): \(problem)" }
}
