import Hummingbird
import HummingbirdCore
import HummingbirdHTTP2
import HummingbirdTLS
import NIOCore
import NIOSSL

extension NetworkSettings {
    /// The HTTP server these settings ask for: HTTP/1.1 in the clear, or TLS with HTTP/2
    /// where the client offers it (ALPN) — each connection guarded (limit, header timeout)
    /// and closed when idle.
    func serverBuilder() throws -> HTTPServerBuilder {
        let counter = ConnectionCounter(limit: maxConnections ?? max(256, FileDescriptorLimit.raise() - 1024))
        let headerTimeout = TimeAmount(headerTimeout)
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionGuard(counter: counter, headerTimeout: headerTimeout)],
            idleTimeout: TimeAmount(idleTimeout))
        guard let tls else { return .http1(configuration: http1) }
        let tlsConfiguration: TLSConfiguration
        do {
            tlsConfiguration = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(tls.certificate).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: tls.key, format: .pem)))
        } catch {
            throw NetworkSettingsError(message: "Cannot read the TLS certificate \(tls.certificate) and key \(tls.key) as PEM: \(error)")
        }
        return try .http2Upgrade(tlsConfiguration: tlsConfiguration,
                                 configuration: .init(idleTimeout: idleTimeout, streamConfiguration: http1))
    }
}
