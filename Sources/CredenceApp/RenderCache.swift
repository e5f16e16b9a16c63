import NIOCore
import Synchronization

/// Answers made from the catalog alone (encoded public JSON, anonymous pages), kept per
/// catalog generation: an answer made from an older catalog is never kept, and a newer
/// generation empties the cache. Bounded by count and by bytes.
final class RenderCache: Sendable {
    private struct Held {
        var generation = 0
        var answers: [String: ByteBuffer] = [:]
        var bytes = 0
    }

    private let held = Mutex(Held())
    static let maxCount = 2_000
    /// Every kept answer together, keys included: 400 pages under made-up 78 KB queries
    /// once added 135 MB when only the count was bounded.
    static let maxBytes = 16 * 1024 * 1024
    /// A key longer than any real address (a long query) is answered, never kept.
    static let maxKeyBytes = 512

    /// Bytes the kept answers take (keys included).
    var bytes: Int { held.withLock { $0.bytes } }

    /// The answer kept for `key` in this generation, if any.
    func answer(_ key: String, generation: Int) -> ByteBuffer? {
        held.withLock { $0.generation == generation ? $0.answers[key] : nil }
    }

    /// Keeps an answer made from the catalog of `generation`.
    func keep(_ buffer: ByteBuffer, for key: String, generation: Int) {
        let size = key.utf8.count + buffer.readableBytes
        guard key.utf8.count <= Self.maxKeyBytes, size <= Self.maxBytes else { return }
        held.withLock { held in
            if generation > held.generation { held = Held(generation: generation) }
            guard generation == held.generation else { return }
            if held.answers.count >= Self.maxCount || held.bytes + size > Self.maxBytes {
                held.answers.removeAll(keepingCapacity: true)
                held.bytes = 0
            }
            if held.answers.updateValue(buffer, forKey: key) == nil { held.bytes += size }
        }
    }
}
