import Foundation

/// The machine's processor time so far by kind (the `cpu` line of `/proc/stat`, in clock ticks), to tell how much of a
/// measurement's time the hypervisor gave to other guests (`steal`): on a shared virtual machine, throughput figures
/// drop with it.
struct MachineTimes {
    /// Ticks of every kind together, over all processors.
    let total: Int
    /// Ticks in which a virtual processor was ready to run but the hypervisor ran something else.
    let stolen: Int

    /// The times now; `nil` where `/proc/stat` cannot be read (not Linux).
    static func now() -> MachineTimes? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ")
        else { return nil }
        // user nice system idle iowait irq softirq steal guest guest_nice; guest time is part of user time.
        let ticks = line.split(separator: " ").dropFirst().prefix(8).compactMap { Int($0) }
        guard ticks.count == 8 else { return nil }
        return MachineTimes(total: ticks.reduce(0, +), stolen: ticks[7])
    }

    /// The share of the processor time from `earlier` to these times that was stolen, in percent.
    func stolenPercent(since earlier: MachineTimes) -> Double {
        let elapsed = total - earlier.total
        return elapsed > 0 ? 100 * Double(stolen - earlier.stolen) / Double(elapsed) : 0
    }
}
