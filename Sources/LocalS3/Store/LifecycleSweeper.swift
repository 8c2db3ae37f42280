import Foundation

/// Enforces lifecycle rules: deletes objects older than a rule's days (S3 rounds expiry up to the next
/// midnight UTC) and aborts uploads older than the abort rule. Time comes from the injected clock.
public struct LifecycleSweeper: Sendable {
    public let store: FileStore
    public let clock: any S3Clock

    public init(store: FileStore, clock: any S3Clock) {
        self.store = store
        self.clock = clock
    }

    /// When an object created at `created` expires under a rule of `days` days.
    public static func expiry(created: Date, days: Int) -> Date {
        let seconds = created.timeIntervalSince1970 + Double(days) * 86_400
        return Date(timeIntervalSince1970: (seconds / 86_400).rounded(.up) * 86_400)
    }

    /// One pass over every bucket; returns how many objects and uploads it removed.
    @discardableResult
    public func sweep() throws -> Int {
        let now = clock.now()
        var removed = 0
        for (bucket, configuration) in try store.listBuckets() {
            for rule in configuration.lifecycle ?? [] where rule.enabled {
                if let days = rule.expirationDays {
                    var expired: [ObjectKey] = []
                    try store.walkKeys(bucket: bucket, prefix: Array(rule.prefix.utf8), after: nil) { key in
                        if let object = try? store.openObject(bucket: bucket, key: key),
                            Self.expiry(created: object.metadata.lastModified, days: days) <= now
                        {
                            expired.append(key)
                        }
                        return true
                    }
                    for key in expired {
                        try store.deleteObject(bucket: bucket, key: key)
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
}
