import AWSSignature
import Foundation

/// A part named in CompleteMultipartUpload.
public struct CompletedPart: Sendable, Equatable {
    public let partNumber: Int
    public let etag: String

    public init(partNumber: Int, etag: String) {
        self.partNumber = partNumber
        self.etag = etag
    }
}

/// A stored part as ListParts shows it.
public struct PartInfo: Sendable, Equatable {
    public let partNumber: Int
    public let metadata: ObjectMetadata
}

/// Multipart uploads: `uploads/<id>/upload.json` plus one object-format file per part.
extension FileStore {
    /// The smallest size of every part but the last.
    public static let minimumPartSize: Int64 = 5 * 1024 * 1024
    public static let maximumPartNumber = 10_000

    func uploadPath(_ bucket: String, _ uploadID: String) -> String { uploadsPath(bucket) + "/" + uploadID }
    func partPath(_ bucket: String, _ uploadID: String, _ part: Int) -> String {
        uploadPath(bucket, uploadID) + "/" + String(part) + ".part"
    }

    /// Upload IDs are hex we generated; anything else cannot name an upload (and never reaches a path).
    static func isWellFormedUploadID(_ id: String) -> Bool {
        (16...64).contains(id.utf8.count) && id.utf8.allSatisfy { PercentCoding.hexValue($0) != nil }
    }

    public func createMultipartUpload(
        bucket: String, key: ObjectKey, headers: StoredHeaders, checksumAlgorithm: ChecksumAlgorithm?,
        checksumType: String? = nil, tags: [S3Tag]? = nil, acl: ObjectACL = ObjectACL(), initiator: String? = nil,
        now: Date
    ) throws -> String {
        try requireBucket(bucket)
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let record = MultipartUploadRecord(
            keyHex: key.hex, initiatedMilliseconds: Int64(now.timeIntervalSince1970 * 1000), headers: headers,
            checksumAlgorithm: checksumAlgorithm, checksumType: checksumType, publicRead: false, acl: acl,
            initiator: initiator, tags: tags)
        let staging = tmp + "/" + id + ".upload"
        try FileSystem.makeDirectories(staging)
        try writeJSON(record, to: staging + "/upload.json")
        try FileSystem.makeDirectories(uploadsPath(bucket))
        try FileSystem.rename(staging, uploadPath(bucket, id))
        return id
    }

    /// The upload's record, checking that it belongs to `key`; NoSuchUpload once completed or aborted.
    public func multipartUpload(bucket: String, key: ObjectKey?, uploadID: String) throws -> MultipartUploadRecord {
        try requireBucket(bucket)
        let path = uploadPath(bucket, uploadID) + "/upload.json"
        guard Self.isWellFormedUploadID(uploadID), let data = FileManager.default.contents(atPath: path) else {
            throw S3Error.noSuchUpload(uploadID)
        }
        let record: MultipartUploadRecord
        do {
            record = try JSONDecoder().decode(MultipartUploadRecord.self, from: data)
        } catch {
            throw StoreIOError.corruptObject(path: path, reason: "\(error)")
        }
        guard key == nil || record.key == key else { throw S3Error.noSuchUpload(uploadID) }
        return record
    }

    /// Publishes a staged part (a re-sent part replaces the earlier one).
    func publishPart(_ staged: StagedFile, bucket: String, uploadID: String, partNumber: Int, metadata: ObjectMetadata)
        async throws
    {
        guard FileSystem.isDirectory(uploadPath(bucket, uploadID)) else { throw S3Error.noSuchUpload(uploadID) }
        try await staged.publish(metadata: metadata, to: partPath(bucket, uploadID, partNumber))
    }

    public func listParts(bucket: String, key: ObjectKey, uploadID: String) throws -> [PartInfo] {
        _ = try multipartUpload(bucket: bucket, key: key, uploadID: uploadID)
        let numbers = try FileSystem.entries(uploadPath(bucket, uploadID)).compactMap { name -> Int? in
            name.hasSuffix(".part") ? Int(name.dropLast(5)) : nil
        }
        return try numbers.sorted().compactMap { number in
            do {
                let part = try StoredObject.open(path: partPath(bucket, uploadID, number), readers: readers)
                return PartInfo(partNumber: number, metadata: part.metadata)
            } catch let error as StoreIOError where error.errnoValue == ENOENT {
                return nil  // replaced or completed since the directory was read
            }
        }
    }

    /// In-progress uploads of a bucket, ordered by key then initiation.
    public func listMultipartUploads(bucket: String) throws -> [(id: String, record: MultipartUploadRecord)] {
        try requireBucket(bucket)
        return try FileSystem.entries(uploadsPath(bucket)).compactMap { id in
            do {
                return (id, try multipartUpload(bucket: bucket, key: nil, uploadID: id))
            } catch let error as S3Error where error.code == .noSuchUpload {
                return nil  // completed (its record kept for retries), or aborted since the directory was read
            }
        }.sorted { ($0.record.key, $0.record.initiatedMilliseconds) < ($1.record.key, $1.record.initiatedMilliseconds) }
    }

    public func abortMultipartUpload(bucket: String, key: ObjectKey, uploadID: String) throws {
        _ = try multipartUpload(bucket: bucket, key: key, uploadID: uploadID)
        let graveyard = tmp + "/" + UUID().uuidString.lowercased() + ".aborted"
        try FileSystem.rename(uploadPath(bucket, uploadID), graveyard)
        try FileSystem.removeTree(graveyard)
    }

    /// Joins the listed parts into the object, with the `md5-of-md5s-N` ETag. The checksum is composite
    /// (`checksum of part checksums-N`) or, for a `FULL_OBJECT` upload, computed over the whole object;
    /// `expectedChecksum` (the request's `x-amz-checksum-*` header) must equal it. A retry after success
    /// answers the same result again, as S3 does.
    public func completeMultipartUpload(
        bucket: String, key: ObjectKey, uploadID: String, parts: [CompletedPart], now: Date,
        condition: WriteCondition? = nil, expectedChecksum: (ChecksumAlgorithm, String)? = nil
    ) async throws -> ObjectMetadata {
        let record: MultipartUploadRecord
        do {
            record = try multipartUpload(bucket: bucket, key: key, uploadID: uploadID)
        } catch let error as S3Error where error.code == .noSuchUpload {
            guard let completed = try completedUpload(bucket: bucket, uploadID: uploadID), completed.key == key
            else { throw error }
            return completed.metadata
        }
        let opened = try openParts(bucket: bucket, uploadID: uploadID, parts: parts)
        let fullObject = record.checksumType == "FULL_OBJECT" ? record.checksumAlgorithm : nil
        let staged = try stage(try BodyDigests(md5: false, sha256: false, checksum: fullObject))
        var md5s: [UInt8] = []
        for stored in opened {
            try stored.copy(range: 0..<stored.metadata.size, into: staged)
            md5s += Hex.decode(stored.metadata.etag) ?? []
        }
        let results = staged.digests.finish()
        let etag = Hex.encode(Digest.md5(md5s)) + "-\(opened.count)"
        var checksums: [ChecksumAlgorithm: String] = [:]
        if let fullObject, let value = results.checksumBase64 {
            checksums[fullObject] = value
        } else if let algorithm = record.checksumAlgorithm {
            let partValues = opened.compactMap { $0.metadata.checksums[algorithm].flatMap(Base64.decode) }
            if partValues.count == opened.count {
                checksums[algorithm] =
                    try RunningChecksum.base64(algorithm, of: partValues.flatMap { $0 }) + "-\(opened.count)"
            }
        }
        if let (algorithm, given) = expectedChecksum {
            let computed = checksums[algorithm]
            let bare = computed.map { String($0.prefix { $0 != "-" }) }
            guard given == computed || given == bare else {
                throw S3Error(
                    .badDigest,
                    "The \(algorithm.rawValue.lowercased()) you specified did not match the calculated checksum.")
            }
        }
        var metadata = ObjectMetadata(
            size: results.byteCount, etag: etag, lastModified: now, headers: record.headers,
            checksums: checksums,
            checksumType: checksums.isEmpty ? nil : (fullObject != nil ? "FULL_OBJECT" : "COMPOSITE"),
            partSizes: opened.map(\.metadata.size), acl: record.acl ?? ObjectACL(), tags: record.tags)
        metadata.publicRead = record.publicRead
        metadata = try await publish(staged, bucket: bucket, key: key, metadata: metadata, condition: condition)
        try finishUpload(bucket: bucket, uploadID: uploadID, key: key, metadata: metadata, now: now)
        return metadata
    }

    /// Opens the listed parts, checking order, ETags and the minimum size of all but the last.
    func openParts(bucket: String, uploadID: String, parts: [CompletedPart]) throws -> [StoredObject] {
        guard !parts.isEmpty else {
            throw S3Error(.malformedXML, "You must specify at least one part")
        }
        var previous = 0
        var opened: [StoredObject] = []
        for part in parts {
            guard part.partNumber > previous else {
                throw S3Error(
                    .invalidPartOrder,
                    "The list of parts was not in ascending order. Parts must be ordered by part number.")
            }
            previous = part.partNumber
            let wanted = part.etag.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            let stored: StoredObject
            do {
                stored = try StoredObject.open(path: partPath(bucket, uploadID, part.partNumber), readers: readers)
            } catch let error as StoreIOError where error.errnoValue == ENOENT {
                throw Self.invalidPart(uploadID, part)
            }
            guard stored.metadata.etag == wanted else { throw Self.invalidPart(uploadID, part) }
            opened.append(stored)
        }
        for (index, stored) in opened.enumerated() where index < opened.count - 1 {
            guard stored.metadata.size >= Self.minimumPartSize else {
                throw S3Error(
                    .entityTooSmall, "Your proposed upload is smaller than the minimum allowed object size.",
                    details: [
                        .init("ProposedSize", String(stored.metadata.size)),
                        .init("MinSizeAllowed", String(Self.minimumPartSize)),
                        .init("PartNumber", String(parts[index].partNumber)), .init("ETag", stored.metadata.etag),
                    ])
            }
        }
        return opened
    }

    static func invalidPart(_ uploadID: String, _ part: CompletedPart) -> S3Error {
        S3Error(
            .invalidPart,
            "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
            details: [
                .init("UploadId", uploadID), .init("PartNumber", String(part.partNumber)), .init("ETag", part.etag),
            ])
    }
}
