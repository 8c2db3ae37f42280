import BuildingBlocks
import Foundation
import Logging

/// Enforces lifecycle rules: expires objects older than a rule's days or from its date (S3 rounds expiry
/// up to the next midnight UTC; in a versioned bucket expiry adds a delete marker), removes noncurrent
/// versions some days after they stopped being current, and aborts uploads older than the abort rule.
/// Time comes from the injected clock.
public struct LifecycleSweeper: Sendable {
    public let store: FileStore
    public let clock: any WallClock
    let logger: Logger

    public init(store: FileStore, clock: any WallClock, logger: Logger = Logger(label: "locals3.lifecycle")) {
        self.store = store
        self.clock = clock
        self.logger = logger
    }

    /// When an object created at `created` expires under a rule of `days` days.
    public static func expiry(created: Date, days: Int) -> Date {
        let seconds = created.timeIntervalSince1970 + Double(days) * 86_400
        return Date(timeIntervalSince1970: (seconds / 86_400).rounded(.up) * 86_400)
    }

    /// One pass over every bucket; returns how many objects, versions and uploads it removed.
    @discardableResult
    public func sweep() async throws -> Int {
        let now = clock.date
        var removed = 0
        for (bucket, configuration) in try store.listBuckets() {
            try store.pruneCompletedUploads(
                bucket: bucket, before: now.addingTimeInterval(-FileStore.completedUploadRetention))
            let versioned = try store.versioning(bucket) != nil
            for rule in configuration.lifecycle ?? [] where rule.enabled {
                if rule.expirationDays != nil || rule.expirationInstant != nil {
                    for key in try expiredKeys(bucket: bucket, rule: rule, now: now) {
                        if versioned {
                            _ = try await store.putDeleteMarker(bucket: bucket, key: key, now: now)
                        } else {
                            try store.deleteObject(bucket: bucket, key: key)
                        }
                        removed += 1
                    }
                }
                if let days = rule.noncurrentDays {
                    for (key, version) in try expiredVersions(bucket: bucket, prefix: rule.prefix, days: days, now: now)
                    {
                        try store.deleteVersion(bucket: bucket, key: key, versionID: version)
                        removed += 1
                    }
                }
                if let days = rule.abortIncompleteUploadDays {
                    for (id, record) in try store.listMultipartUploads(bucket: bucket)
                    where record.key.hasPrefix(Array(rule.prefix.utf8))
                        && Self.expiry(created: record.initiated, days: days) <= now
                    {
                        try store.abortMultipartUpload(bucket: bucket, key: record.key, uploadID: id)
                        removed += 1
                    }
                }
            }
        }
        return removed
    }

    /// Current objects (not delete markers) the rule's expiration has reached.
    func expiredKeys(bucket: String, rule: LifecycleRule, now: Date) throws -> [ObjectKey] {
        var expired: [ObjectKey] = []
        try store.walkKeys(bucket: bucket, prefix: Array(rule.prefix.utf8), after: nil) { key in
            let object: StoredObject
            do {
                object = try store.openObject(bucket: bucket, key: key)
            } catch let error as S3Error where error.code == .noSuchKey {
                return true  // deleted since the walk listed it, or already behind a delete marker
            } catch {
                logger.error(
                    "lifecycle: unreadable object left in place",
                    metadata: ["bucket": "\(bucket)", "key": "\(key)", "error": "\(error)"])
                return true
            }
            if let days = rule.expirationDays, Self.expiry(created: object.metadata.lastModified, days: days) <= now {
                expired.append(key)
            } else if let date = rule.expirationInstant, date <= now {
                expired.append(key)
            }
            return true
        }
        return expired
    }

    /// Noncurrent versions that stopped being current (when their successor was written) `days` ago.
    func expiredVersions(bucket: String, prefix: String, days: Int, now: Date) throws -> [(ObjectKey, String)] {
        var expired: [(ObjectKey, String)] = []
        try store.walkKeys(bucket: bucket, prefix: Array(prefix.utf8), after: nil) { key in
            guard let current = try store.openIfPresent(store.objectPath(bucket, key))?.metadata else { return true }
            var successor = current.lastModified
            for version in try store.noncurrentVersions(bucket: bucket, key: key, currentID: current.versionIdText) {
                if Self.expiry(created: successor, days: days) <= now { expired.append((key, version.versionIdText)) }
                successor = version.lastModified
            }
            return true
        }
        return expired
    }
}
