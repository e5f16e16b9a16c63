import Hummingbird
import Synchronization

/// The methods each routed path answers, so that a known address asked with a method it
/// does not have is a 405 with `Allow` (RFC 9110 §15.5.6), not a 404. Filled once the
/// router has every route; read only when the router found no handler.
final class AllowedMethods: Sendable {
    private struct Route: Sendable {
        let components: [RouterPath.Element]
        var methods: Set<String>
    }

    private let routes = Mutex<[Route]>([])

    /// Takes the router's routes; GET routes also answer HEAD (the router makes those).
    func load(_ descriptions: [Router<AppRequestContext>.RouteDescription]) {
        var byPath: [String: Route] = [:]
        for description in descriptions {
            byPath[description.path.description, default: Route(components: Array(description.path), methods: [])]
                .methods.insert(description.method.rawValue)
        }
        let table = byPath.values.map { route in
            var route = route
            if route.methods.contains("GET") { route.methods.insert("HEAD") }
            return route
        }
        routes.withLock { $0 = table }
    }

    /// The `Allow` value for `path`, or nil when no route has that shape. Where several
    /// routes match, the router's own choice is the one with literal segments first.
    func allow(for path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return routes.withLock { routes in
            routes.compactMap { route -> (rank: [Int], methods: Set<String>)? in
                guard let rank = Self.rank(route.components, segments) else { return nil }
                return (rank, route.methods)
            }
            .min { $0.rank.lexicographicallyPrecedes($1.rank) }
            .map { $0.methods.sorted().joined(separator: ", ") }
        }
    }

    /// How specifically `components` match `segments` (0 a literal, 1 a capture, 2 a
    /// wildcard per segment), or nil when they do not.
    private static func rank(_ components: [RouterPath.Element], _ segments: [Substring]) -> [Int]? {
        var rank: [Int] = []
        for (index, component) in components.enumerated() {
            if component.description == "**" { return rank + [3] }
            guard index < segments.count, component ~= segments[index] else { return nil }
            rank.append(component == segments[index] ? 0 : component.description.hasPrefix("*") ? 2 : 1)
        }
        return components.count == segments.count ? rank : nil
    }
}
