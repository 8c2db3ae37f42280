import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Keeps the first of listings that are the same job: the same normalised URL, or the same title at the
/// same company (the same ad posted on both boards).
public struct ListingDeduplicator: Sendable {
    private var urls: Set<String> = []
    private var titlesAtCompanies: Set<String> = []

    public init() {}

    /// Records the listing; false when an equal one was seen before.
    public mutating func insert(_ listing: JobListing) -> Bool {
        let url = Self.normalisedURL(listing.url)
        let titleKey = Self.titleKey(title: listing.title, company: listing.company)
        if urls.contains(url) || (titleKey.map { titlesAtCompanies.contains($0) } ?? false) { return false }
        urls.insert(url)
        if let titleKey { titlesAtCompanies.insert(titleKey) }
        return true
    }

    private static let trackingParameters = ["utm_", "gclid", "fbclid", "mc_", "ref"]

    /// Lower-cased scheme and host without `www.`, no fragment, no tracking parameters, no trailing slash.
    public static func normalisedURL(_ raw: String) -> String {
        guard var components = URLComponents(string: raw.trimmingWhitespacesAndNewlines()) else {
            return raw.lowercased()
        }
        components.scheme = components.scheme?.lowercased()
        if var host = components.host?.lowercased() {
            if host.hasPrefix("www.") { host.removeFirst(4) }
            components.host = host
        }
        components.fragment = nil
        let kept = components.queryItems?.filter { item in
            !trackingParameters.contains { item.name.lowercased().hasPrefix($0) }
        }.sorted { $0.name < $1.name }
        components.queryItems = (kept?.isEmpty ?? true) ? nil : kept
        while components.path.count > 1 && components.path.hasSuffix("/") { components.path.removeLast() }
        return components.string ?? raw.lowercased()
    }

    private static let companySuffixes: Set<String> = [
        "oy", "oyj", "ab", "ltd", "inc", "gmbh", "ay", "ky", "plc", "as",
    ]

    /// Title and company folded to lower-case words, legal suffixes dropped; nil when either is missing.
    public static func titleKey(title: String, company: String) -> String? {
        func words(_ text: String) -> [String] {
            text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        }
        let titleWords = words(title)
        let companyWords = words(company).filter { !companySuffixes.contains($0) }
        guard !titleWords.isEmpty, !companyWords.isEmpty else { return nil }
        return titleWords.joined(separator: " ") + "@" + companyWords.joined(separator: " ")
    }
}
