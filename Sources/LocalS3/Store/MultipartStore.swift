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
        publicRead: Bool, now: Date
    ) throws -> String {
        try requireBucket(bucket)
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let record = MultipartUploadRecord(
            keyHex: key.hex, initiatedMilliseconds: Int64(now.timeIntervalSince1970 * 1000), headers: headers,
            checksumAlgorithm: checksumAlgorithm, publicRead: publicRead)
        let staging = tmp + "/" + id + ".upload"
        try FileSystem.makeDirectories(staging)
        try writeJSON(record, to: staging + "/upload.json")
        try FileSystem.makeDirectories(uploadsPath(bucket))
        try FileSystem.rename(staging, uploadPath(bucket, id))
        return id
    }

    /// The upload's record, checking that it belongs to `key`.
    public func multipartUpload(bucket: String, key: ObjectKey?, uploadID: String) throws -> MultipartUploadRecord {
        try requireBucket(bucket)
        guard Self.isWellFormedUploadID(uploadID),
            let data = FileManager.default.contents(atPath: uploadPath(bucket, uploadID) + "/upload.json"),
            let record = try? JSONDecoder().decode(MultipartUploadRecord.self, from: data),
            key == nil || record.key == key
        else { throw S3Error.noSuchUpload(uploadID) }
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
        return numbers.sorted().compactMap { number in
            guard let part = try? StoredObject.open(path: partPath(bucket, uploadID, number)) else { return nil }
            return PartInfo(partNumber: number, metadata: part.metadata)
        }
    }

    /// In-progress uploads of a bucket, ordered by key then initiation.
    public func listMultipartUploads(bucket: String) throws -> [(id: String, record: MultipartUploadRecord)] {
        try requireBucket(bucket)
        return try FileSystem.entries(uploadsPath(bucket)).compactMap { id in
            (try? multipartUpload(bucket: bucket, key: nil, uploadID: id)).map { (id, $0) }
        }.sorted { ($0.record.key, $0.record.initiatedMilliseconds) < ($1.record.key, $1.record.initiatedMilliseconds) }
    }

    public func abortMultipartUpload(bucket: String, key: ObjectKey, uploadID: String) throws {
        _ = try multipartUpload(bucket: bucket, key: key, uploadID: uploadID)
        let graveyard = tmp + "/" + UUID().uuidString.lowercased() + ".aborted"
        try FileSystem.rename(uploadPath(bucket, uploadID), graveyard)
        try FileSystem.removeTree(graveyard)
    }

    /// Joins the listed parts into the object, with the `md5-of-md5s-N` ETag.
    public func completeMultipartUpload(
        bucket: String, key: ObjectKey, uploadID: String, parts: [CompletedPart], now: Date
    ) async throws -> ObjectMetadata {
        let record = try multipartUpload(bucket: bucket, key: key, uploadID: uploadID)
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
            guard let stored = try? StoredObject.open(path: partPath(bucket, uploadID, part.partNumber)),
                stored.metadata.etag == wanted
            else {
                throw S3Error(
                    .invalidPart,
                    "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
                    details: [
                        .init("UploadId", uploadID), .init("PartNumber", String(part.partNumber)),
                        .init("ETag", part.etag),
                    ])
            }
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
        let staged = try stage(try BodyDigests(md5: false, sha256: false, checksum: nil))
        var md5s: [UInt8] = []
        for stored in opened {
            try stored.copy(range: 0..<stored.metadata.size, into: staged)
            md5s += Hex.decode(stored.metadata.etag) ?? []
        }
        let etag = Hex.encode(Digest.md5(md5s)) + "-\(opened.count)"
        var checksums: [ChecksumAlgorithm: String] = [:]
        if let algorithm = record.checksumAlgorithm {
            let partValues = opened.compactMap { $0.metadata.checksums[algorithm].flatMap(Base64.decode) }
            if partValues.count == opened.count {
                checksums[algorithm] =
                    try RunningChecksum.base64(algorithm, of: partValues.flatMap { $0 })
                    + "-\(opened.count)"
            }
        }
        let metadata = ObjectMetadata(
            size: staged.digests.byteCount, etag: etag, lastModified: now, headers: record.headers,
            checksums: checksums, checksumType: checksums.isEmpty ? nil : "COMPOSITE",
            partSizes: opened.map(\.metadata.size), publicRead: record.publicRead)
        try await publish(staged, bucket: bucket, key: key, metadata: metadata)
        try? abortMultipartUpload(bucket: bucket, key: key, uploadID: uploadID)
        return metadata
    }
}
