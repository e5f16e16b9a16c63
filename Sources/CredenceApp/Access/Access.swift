import CredenceCore
import Hummingbird
import Synchronization

/// Who may call a route. Every route is registered with one (see `Routes`), and a test
/// walks the router to make sure of it: a route cannot be added without saying who may
/// use it.
public enum Access: Sendable, Hashable, CustomStringConvertible {
    case anyone
    case signedIn(Set<Role>)

    public static let anyAccount = Access.signedIn(Set(Role.accounts))
    /// A verification request's employer and the verification staff: never a reviewer.
    public static let verificationParty = Access.signedIn(Set(Role.verificationParties))

    public func allows(_ role: Role?) -> Bool {
        switch self {
        case .anyone: true
        case .signedIn(let roles): role.map(roles.contains) ?? false
        }
    }

    public var description: String {
        switch self {
        case .anyone: "anyone"
        case .signedIn(let roles): "signed in as " + roles.map(\.rawValue).sorted().joined(separator: "|")
        }
    }
}

/// The rule of every registered route, by method and path (`GET /api/v1/me`).
public final class AccessTable: Sendable {
    private let rules = Mutex<[String: Access]>([:])

    public init() {}

    func record(_ method: HTTPRequest.Method, _ path: String, _ access: Access) {
        rules.withLock { $0[Self.key(method, path)] = access }
    }

    public func rule(_ method: HTTPRequest.Method, _ path: String) -> Access? {
        rules.withLock { $0[Self.key(method, path)] }
    }

    public var all: [String: Access] { rules.withLock { $0 } }

    static func key(_ method: HTTPRequest.Method, _ path: String) -> String {
        "\(method.rawValue) /" + path.split(separator: "/").joined(separator: "/")
    }
}
