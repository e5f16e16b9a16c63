import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small RFC 5321 client: one connection per message — greeting, EHLO, STARTTLS when the
/// server offers it (or TLS from the start for `smtps`), AUTH PLAIN when credentials are
/// given, MAIL FROM, RCPT TO, DATA, QUIT. No Swift SMTP package is available here; this is
/// the part of the protocol a submission needs, on SwiftNIO and NIOSSL.
public struct SMTPClient: Sendable {
    public let settings: SMTPSettings
    /// The certificate check for TLS (tests against a local server may relax it).
    public var tlsConfiguration: TLSConfiguration = .makeClientConfiguration()
    public var timeout: TimeAmount = .seconds(20)

    public init(settings: SMTPSettings) {
        self.settings = settings
        if let roots = settings.trustRootsFile { tlsConfiguration.trustRoots = .file(roots) }
    }

    /// A refusal by the server: 4xx is worth trying again later, 5xx is not.
    public struct Refused: Error, CustomStringConvertible, Sendable {
        public var code: Int
        public var text: String
        public var isPermanent: Bool { code >= 500 }
        public var description: String { "\(code) \(text)" }
    }

    public func send(_ message: MailMessage) async throws {
        let lines = LineReader()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if settings.implicitTLS {
                        let context = try NIOSSLContext(configuration: tlsConfiguration)
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: settings.host))
                    }
                    try channel.pipeline.syncOperations.addHandler(lines)
                }
            }
            .connect(host: settings.host, port: settings.port).get()
        do {
            try await dialogue(message, channel: channel, lines: lines)
            try? await channel.close()
        } catch {
            try? await channel.close()
            throw error
        }
    }

    private func dialogue(_ message: MailMessage, channel: any Channel, lines: LineReader) async throws {
        func reply(expect codes: ClosedRange<Int>) async throws -> [String] {
            var texts: [String] = []
            while true {
                guard let line = try await lines.next(timeout: timeout) else { throw Refused(code: 421, text: "connection closed") }
                let code = Int(line.prefix(3)) ?? 0
                texts.append(String(line.dropFirst(4)))
                if line.count < 4 || line[line.index(line.startIndex, offsetBy: 3)] != "-" {
                    guard codes.contains(code) else { throw Refused(code: code == 0 ? 421 : code, text: texts.joined(separator: " ")) }
                    return texts
                }
            }
        }
        func command(_ text: String, expect codes: ClosedRange<Int> = 200...299) async throws -> [String] {
            try await channel.writeAndFlush(ByteBuffer(string: text + "\r\n"))
            return try await reply(expect: codes)
        }
        let me = "credence.local"
        _ = try await reply(expect: 220...220)
        var extensions = try await command("EHLO \(me)")
        if !settings.implicitTLS, extensions.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) {
            _ = try await command("STARTTLS", expect: 220...220)
            try await channel.eventLoop.submit { [tlsConfiguration, host = settings.host] in
                let context = try NIOSSLContext(configuration: tlsConfiguration)
                try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: host), position: .first)
            }.get()
            extensions = try await command("EHLO \(me)")
        }
        if let username = settings.username, let password = settings.password {
            let token = Data(("\u{0}" + username + "\u{0}" + password).utf8).base64EncodedString()
            _ = try await command("AUTH PLAIN \(token)", expect: 235...235)
        }
        _ = try await command("MAIL FROM:<\(message.from)>")
        _ = try await command("RCPT TO:<\(message.to)>")
        _ = try await command("DATA", expect: 354...354)
        _ = try await command(message.rendered + "\r\n.")
        _ = try? await command("QUIT", expect: 200...299)
        _ = extensions
    }
}

/// Turns the server's bytes into lines (CRLF), handed to one reader at a time. Its state
/// is touched only on the channel's event loop (`next` hops there).
final class LineReader: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private var buffer = ByteBuffer()
    private var lines: [String] = []
    private var waiting: EventLoopPromise<String?>?
    private var closed = false
    private var eventLoop: (any EventLoop)?

    func handlerAdded(context: ChannelHandlerContext) { eventLoop = context.eventLoop }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        buffer.writeBuffer(&bytes)
        while let range = buffer.readableBytesView.firstRange(of: [13, 10]) {
            let line = buffer.readString(length: range.lowerBound - buffer.readerIndex) ?? ""
            buffer.moveReaderIndex(forwardBy: 2)
            lines.append(line)
        }
        deliver()
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        deliver()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        closed = true
        waiting?.fail(error)
        waiting = nil
        context.close(promise: nil)
    }

    private func deliver() {
        guard let waiting else { return }
        if !lines.isEmpty {
            self.waiting = nil
            waiting.succeed(lines.removeFirst())
        } else if closed {
            self.waiting = nil
            waiting.succeed(nil)
        }
    }

    /// The next line, nil when the connection closed; throws after `timeout`.
    func next(timeout: TimeAmount) async throws -> String? {
        guard let eventLoop else { return nil }
        return try await eventLoop.flatSubmit { () -> EventLoopFuture<String?> in
            if !self.lines.isEmpty { return eventLoop.makeSucceededFuture(self.lines.removeFirst()) }
            if self.closed { return eventLoop.makeSucceededFuture(nil) }
            let promise = eventLoop.makePromise(of: String?.self)
            self.waiting = promise
            let timer = eventLoop.scheduleTask(in: timeout) {
                guard let waiting = self.waiting else { return }
                self.waiting = nil
                waiting.fail(SMTPClient.Refused(code: 421, text: "no answer within the timeout"))
            }
            promise.futureResult.whenComplete { _ in timer.cancel() }
            return promise.futureResult
        }.get()
    }
}
