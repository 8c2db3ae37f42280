/// Lambda's bandwidth limit for streamed responses: the first 6 MB uncapped, then at most 2 MB/s.
struct StreamBandwidth {
    static let uncappedBytes = 6 * 1024 * 1024
    static let bytesPerSecond = 2 * 1024 * 1024

    /// How long to wait before taking more, once `total` bytes have arrived and `elapsed` has passed since the
    /// stream went over the uncapped part; zero while within the limit.
    static func wait(total: Int, elapsedOverCap elapsed: Duration) -> Duration {
        guard total > uncappedBytes else { return .zero }
        let allowed = Duration.milliseconds(Int64((total - uncappedBytes) * 1000 / bytesPerSecond))
        return allowed > elapsed ? allowed - elapsed : .zero
    }
}
