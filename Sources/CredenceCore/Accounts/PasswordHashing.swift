/// How passwords are made into hashes and checked — a value the store is given (the app's
/// bcrypt hasher in service, a cheaper one in tests), so the store holds no algorithm.
public protocol PasswordHashing: Sendable {
    /// A new hash of `password`.
    func hash(_ password: String) async throws -> String
    /// Whether `password` matches `hash`.
    func verify(_ password: String, hash: String) async throws -> Bool
    /// A hash no password matches, checked when an email is unknown so that answer takes as
    /// long as a wrong password and the time does not tell which emails exist.
    var decoy: String { get }
}
