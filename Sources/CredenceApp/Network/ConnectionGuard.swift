import Foundation
import NIOCore
import NIOHTTPTypes
import Synchronization

/// Counts the connections open at once, for `ConnectionGuard`.
final class ConnectionCounter: Sendable {
    let limit: Int
    private let open = Atomic<Int>(0)

    init(limit: Int) { self.limit = limit }

    /// Takes a place; false when every place is taken.
    func enter() -> Bool {
        let now = open.wrappingAdd(1, ordering: .relaxed).newValue
        if now > limit {
            open.wrappingSubtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func leave() { open.wrappingSubtract(1, ordering: .relaxed) }

    var count: Int { open.load(ordering: .relaxed) }
}

/// On every connection: closes it at once when the server already holds its limit, and
/// closes it when its first request's head has not arrived within the header timeout
/// (half-sent requests cannot pile up). Between requests Hummingbird's idle timeout applies.
/// Inbound only: responses do not pass through it.
final class ConnectionGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let counter: ConnectionCounter
    private let headerTimeout: TimeAmount
    private var entered = false
    private var timer: Scheduled<Void>?

    init(counter: ConnectionCounter, headerTimeout: TimeAmount) {
        self.counter = counter
        self.headerTimeout = headerTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        guard counter.enter() else {
            context.close(promise: nil)
            return
        }
        entered = true
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: headerTimeout) { loopBound.value.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        if entered {
            entered = false
            counter.leave()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            timer?.cancel()
            timer = nil
        }
        context.fireChannelRead(data)
    }
}
