import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension FileStore {
    /// Changes an object's stored metadata (tags) without changing its bytes, ETag or date: the data is
    /// copied into a staged file with the new metadata and published only if the key still names the
    /// object that was read (else the change is made again on the newer object).
    @discardableResult
    func rewriteMetadata(bucket: String, key: ObjectKey, _ change: (inout ObjectMetadata) throws -> Void)
        async throws -> ObjectMetadata
    {
        let path = objectPath(bucket, key)
        var attempt = 0
        while true {
            attempt += 1
            let object = try openObject(bucket: bucket, key: key)
            var metadata = object.metadata
            try change(&metadata)
            let staged = try stage(try BodyDigests(md5: false, sha256: false, checksum: nil))
            try object.copy(range: 0..<metadata.size, into: staged)
            let original = FileIdentity(descriptor: object.file.raw)
            do {
                try await staged.publish(metadata: metadata, to: path, locks: keyLocks) {
                    guard FileIdentity(path: path) == original else { throw ObjectChanged() }
                }
                return metadata
            } catch is ObjectChanged where attempt < 5 {
                continue
            } catch is ObjectChanged {
                throw S3Error(
                    .conditionalRequestConflict,
                    "A conflicting operation occurred. If using PutObject you can retry the request. If using multipart upload you should initiate another CreateMultipartUpload request and re-upload each part."
                )
            }
        }
    }
}

/// The object was replaced while its metadata was being rewritten.
private struct ObjectChanged: Error {}

extension FileIdentity {
    /// The identity of an open file.
    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }
}
