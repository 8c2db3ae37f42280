#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Step 6: one letter per plan (checked by the letter linter, the offline writer as fallback), then the Word
/// documents and their zip, uploaded under `documents/{job_id}/`. Each chosen job keeps its score's explanation
/// (`explanations`, one per plan) and its letter's words.
enum WritingStep {
    static func run(
        _ plans: [LetterPlan], explanations: [ScoreExplanation], answers: Answers, jobID: String, writer: any Writer,
        uploader: LetterUploader, date: Date, progress: any PipelineProgress
    ) async throws -> JobResult {
        var written: [CheckedLetter] = []
        let checked = CheckedWriter(primary: writer)
        for (index, plan) in plans.enumerated() {
            try Task.checkCancellation()
            do {
                written.append(try await checked.write(plan))
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                let listing = plan.listing
                throw StepFailure(
                    .writing,
                    "the letter for \(listing.title) at \(listing.company) could not be written: "
                        + PlainWords.describe(error))
            }
            await progress.update { $0.lettersWritten = index + 1 }
        }
        try Task.checkCancellation()
        let bundle: LetterBundle
        do {
            bundle = try LetterBundle(letters: written.map(\.letter), aboutYou: answers.aboutYou, date: date)
        } catch {
            throw StepFailure(.writing, "the Word documents could not be built (\(error)).")
        }
        let stored: (letters: [StoredDocument], bundle: StoredDocument)
        do {
            stored = try await uploader.upload(bundle, jobID: jobID)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw StepFailure(.writing, "the letters could not be saved for download: " + PlainWords.describe(error))
        }
        let jobs = zip(plans.indices, stored.letters).map { index, document in
            let (plan, letter) = (plans[index], written[index])
            return ChosenJob(
                title: plan.listing.title, company: plan.listing.company, location: plan.listing.location,
                score: plan.score, url: plan.listing.url, matchedSkills: plan.matchedSkills.map(\.name),
                letterFileName: document.fileName, letterWriter: letter.letter.writer,
                letterFallbackReason: letter.fallbackReason,
                scoreBreakdown: explanations.indices.contains(index) ? explanations[index] : nil,
                letterPreview: LetterPreview(letter.letter))
        }
        return JobResult(jobs: jobs, letters: stored.letters, bundle: stored.bundle)
    }
}
