#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension UnixInstant {
    /// The instant of a Foundation date.
    public init(_ date: Date) { self.init(secondsSinceEpoch: date.timeIntervalSince1970) }

    /// The instant as a Foundation date.
    public var date: Date { Date(timeIntervalSince1970: secondsSinceEpoch) }
}

extension WallClock {
    /// The current time as a Foundation date.
    public var date: Date { now.date }
}
