/// Why a client write was refused.
public enum BayouError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `at T` asked for a time before the replica's clock: clocks only move forward.
    case clockWouldGoBack(clock: UInt64, requested: UInt64)
    /// No timestamp is left above the largest one seen.
    case timestampOverflow

    public var description: String {
        switch self {
        case .clockWouldGoBack(let clock, let requested):
            return "the clock cannot go back: it is already at \(clock), so it cannot be set to \(requested)"
        case .timestampOverflow:
            return "no timestamp is left: the largest timestamp seen is already \(Replica.timestampMax), the most a clock may show (2^53, exact in a JSON reader's double)"
        }
    }
}
