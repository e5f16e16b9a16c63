import Foundation
import Logging
import Synchronization

/// One line per event on standard error: `time level label: message key=value …`.
/// swift-log's `StreamLogHandler` re-formats its metadata every time a value is set —
/// Hummingbird sets a request id on every request — which cost ~7 % of a bare request's
/// time in a perf profile (release build); this handler formats only what it writes.
struct LineLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    private static let output = Mutex(())

    init(label: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let explicit = event.metadata { all.merge(explicit) { $1 } }
        if let error = event.error { all["error"] = "\(error)" }
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let text = "\(Date.now.formatted(.iso8601)) \(event.level) \(label): \(fields.isEmpty ? "" : fields + " ")\(event.message)\n"
        Self.output.withLock { _ in FileHandle.standardError.write(Data(text.utf8)) }
    }
}
