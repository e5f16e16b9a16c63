import Metrics
import Prometheus

/// Process-wide metrics. swift-metrics has one global backend, so the Prometheus registry
/// is made and bootstrapped once, on first use, however many applications a process builds.
enum Observability {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// The Prometheus text exposition of every metric so far.
    static func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
