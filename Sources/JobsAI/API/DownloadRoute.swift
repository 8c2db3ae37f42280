import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `GET /api/download/{id}[?index=N]`: fresh presigned links to a complete job's letters and zip.
extension JobsAPI {
    /// One link.
    struct DocumentLink: Encodable {
        var fileName: String
        var url: String
        var expiresIn: Int?
        enum CodingKeys: String, CodingKey { case fileName = "file_name", url, expiresIn = "expires_in" }
    }

    /// Every link of a job.
    struct DownloadBody: Encodable {
        var letters: [DocumentLink]
        var bundle: DocumentLink?
        var expiresIn: Int
        enum CodingKeys: String, CodingKey { case letters, bundle, expiresIn = "expires_in" }
    }

    func download(_ jobID: String, index: String?) async -> APIResponse {
        guard Self.isJobID(jobID) else { return .error(404, "No job with this id.") }
        var position: Int?
        if let index {
            guard let number = Int(index), number >= 1 else {
                return .error(400, "index must be a whole number from 1 (the first letter).")
            }
            position = number
        }
        return await withStoredJob(jobID) { links(for: $0, position: position) }
    }

    /// The links of a complete job: one letter's when `position` is given, else every letter's and the zip's.
    private func links(for record: JobRecord, position: Int?) -> APIResponse {
        let status = record.effectiveStatus(at: clock.date)
        guard status == .complete, let result = record.result else {
            return .error(409, "The letters are not ready: the job is \(status.rawValue).")
        }
        let seconds = configuration.downloadLinkSeconds
        do throws(DocumentLinkError) {
            if let position {
                guard position <= result.letters.count else {
                    let available = result.letters.isEmpty ? "no letters" : "letters 1-\(result.letters.count)"
                    return .error(404, "No letter \(position); this job has \(available).")
                }
                let letter = result.letters[position - 1]
                let url = try linker.link(for: letter, expiresIn: seconds)
                return .json(200, DocumentLink(fileName: letter.fileName, url: url, expiresIn: seconds))
            }
            var letters: [DocumentLink] = []
            for letter in result.letters {
                letters.append(
                    DocumentLink(fileName: letter.fileName, url: try linker.link(for: letter, expiresIn: seconds)))
            }
            var bundle: DocumentLink?
            if let document = result.bundle {
                bundle = DocumentLink(
                    fileName: document.fileName, url: try linker.link(for: document, expiresIn: seconds))
            }
            return .json(200, DownloadBody(letters: letters, bundle: bundle, expiresIn: seconds))
        } catch {
            logger.error(
                "link not signed", metadata: ["job_id": .string(record.jobID), "error": .string(error.reason)])
            return .error(503, "Download links cannot be made right now. Try again shortly.")
        }
    }
}
