import AsyncKit
import CredenceCore
import NIOCore
import NIOPosix
import PostgresNIO
import SQLiteNIO

/// The database could not do what was asked — it is down, unreachable, restarting, or out
/// of space — as opposed to refusing it. Nothing was written (a write that fails this way
/// was never acknowledged), so the caller may simply try again: a 503 with Retry-After.
public struct StoreUnavailable: DescribedError, Equatable {
    public enum Cause: Sendable, Equatable {
        case unreachable
        case storageFull
    }

    public var cause: Cause

    /// Recognises a driver's or the network's error as an outage; nil for anything else.
    public init?(_ error: any Error) {
        switch error {
        case let error as StoreUnavailable:
            self = error
        case let error as SQLiteError:
            switch error.reason {
            case .full: cause = .storageFull
            case .ioError, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedDirSync, .ioErrorFailedRead,
                 .ioErrorIncompleteRead, .busy, .busyTimeout, .locked, .cantOpen:
                cause = .unreachable
            default: return nil
            }
        case let error as SQLiteReadError:
            switch error.primary {
            case SQLiteReadError.full: cause = .storageFull
            case SQLiteReadError.ioError, SQLiteReadError.busy, SQLiteReadError.locked, SQLiteReadError.cantOpen: cause = .unreachable
            default: return nil
            }
        case let error as PSQLError:
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
                cause = .unreachable
            case .server:
                let state = error.serverInfo?[.sqlState] ?? ""
                // 53100 disk_full; class 53 insufficient resources, 08 connection, 57P admin shutdown / cannot connect now.
                if state == "53100" { cause = .storageFull }
                else if state.hasPrefix("53") || state.hasPrefix("08") || state.hasPrefix("57P") { cause = .unreachable }
                else { return nil }
            default: return nil
            }
        case is ConnectionPoolTimeoutError, is ConnectionPoolError, is NIOConnectionError, is IOError, is ChannelError:
            cause = .unreachable
        default:
            return nil
        }
    }

    public init(cause: Cause) { self.cause = cause }

    public var kind: ErrorKind { .unavailable }
    public var code: String { cause == .storageFull ? "storage_full" : "database_unavailable" }
    public var retryAfter: Int? { cause == .storageFull ? 60 : 5 }
    public var message: BilingualText {
        switch cause {
        case .unreachable:
            BilingualText(zh: "数据库暂时无法访问，本次操作未保存。请稍后重试。",
                          en: "The database is unavailable for the moment; nothing was saved. Please try again in a few seconds.")
        case .storageFull:
            BilingualText(zh: "服务器存储空间已满，本次操作未保存。请稍后重试。",
                          en: "The server's storage is full; nothing was saved. Please try again later.")
        }
    }
}
