import Foundation

/// The process's open-file limit, raised as far as it may go: every connection is a file,
/// and the usual soft limit (1,024, or the hard limit here) would refuse connections long
/// before memory runs short.
enum FileDescriptorLimit {
    /// Raises the soft limit to the hard one (and, where permitted, both to the kernel's
    /// `nr_open`); returns the soft limit now in force.
    @discardableResult
    static func raise() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        if let text = try? String(contentsOfFile: "/proc/sys/fs/nr_open", encoding: .utf8),
           let most = rlim_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), most > limit.rlim_max {
            var wider = rlimit(rlim_cur: min(most, 1 << 20), rlim_max: min(most, 1 << 20))
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &wider) == 0 { return Int(wider.rlim_cur) }
        }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        return Int(limit.rlim_cur)
    }
}
