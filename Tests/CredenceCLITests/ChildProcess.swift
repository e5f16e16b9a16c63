import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn. Foundation's `Process.run()` on Linux over-reads
/// `/proc/self/fd` (swift-corelibs-foundation PR 5472, in Swift 6.3.1) and crashed two CI
/// runs of these tests in a memcpy.
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    private var status: Int32?

    /// Starts `executable` with `arguments` and exactly `environment`; `stdin`, `stdout` and
    /// `stderr` are file descriptors for the child's 0, 1 and 2 (nil: /dev/null).
    init(_ executable: String, _ arguments: [String], environment: [String: String], stdin: Int32?, stdout: Int32?, stderr: Int32?) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (source, target) in [(stdin, Int32(0)), (stdout, 1), (stderr, 2)] {
            if let source {
                posix_spawn_file_actions_adddup2(&actions, source, target)
            } else {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            }
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        self.pid = pid
    }

    /// Waits for the child; its exit status, or 128 + the signal that ended it.
    @discardableResult
    func wait() -> Int32 {
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
        let ended = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        status = ended
        return ended
    }

    var endedBySignal: Bool { wait() > 128 }

    func signal(_ number: Int32) { if status == nil { kill(pid, number) } }

    /// Asks it to stop (SIGTERM) unless it has ended, and waits.
    func stop() {
        signal(SIGTERM)
        wait()
    }

    /// Held while pipes are made and a child started, so no other child inherits a pipe's
    /// end in the moment before it is marked close-on-exec (glibc's pipe2 is not in Swift's Glibc).
    static let starting = NSLock()

    /// A pipe whose ends are closed in children other than where they are placed.
    static func pipe() -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        _ = Glibc.pipe(&ends)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// Everything written to `fd` until its writers close it.
    static func readAll(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count > 0 { data.append(contentsOf: buffer[0..<count]) } else if count == -1 && errno == EINTR { continue } else { break }
        }
        close(fd)
        return data
    }
}
