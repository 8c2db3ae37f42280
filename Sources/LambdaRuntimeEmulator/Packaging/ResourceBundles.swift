import Foundation

/// Chooses the SwiftPM resource bundles a binary uses.
public enum ResourceBundles {
    /// The bundles whose folder name the executable mentions: SwiftPM's generated `Bundle.module` accessor
    /// embeds `<Package>_<Target>.resources`, so a target's bundle is named in every binary that links it.
    public static func used(by executable: URL, among bundles: [URL]) throws -> [URL] {
        guard !bundles.isEmpty else { return [] }
        let binary = try Data(contentsOf: executable, options: .alwaysMapped)
        return bundles.filter { binary.range(of: Data($0.lastPathComponent.utf8)) != nil }
    }
}
