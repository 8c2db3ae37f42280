import AWSClients
import BuildingBlocks
import CurlHTTP
import JobsAI
import JobsAIAWS
import JobsAILive
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Everything a worker invocation needs, built once per process from the environment (contract:
/// `DYNAMODB_TABLE_NAME`, `S3_DOCUMENTS_BUCKET`, `LLM_PROVIDER`, `OPENAI_*`, `DUUNITORI_BASE_URL`,
/// `JOBLY_BASE_URL`, `SCRAPER_DELAY_SECONDS`, AWS endpoints and credentials).
struct WorkerServices: Sendable {
    let store: any JobStore
    let pipeline: JobPipeline

    init(environment: [String: String]) throws {
        let http = try HTTPClient(configuration: .init(userAgent: "JobsAI-Worker/1.0"))
        let aws = try AWSConfiguration.fromEnvironment(environment)
        let variables = EnvironmentVariables(environment)
        func setting(_ name: String, _ fallback: String) -> String { variables.text(name) ?? fallback }
        store = DynamoJobStore(
            client: DynamoDBClient(configuration: aws, http: http), table: setting("DYNAMODB_TABLE_NAME", "jobsai-jobs")
        )
        let documents = S3DocumentStore(
            client: S3Client(configuration: aws, http: http), bucket: setting("S3_DOCUMENTS_BUCKET", "jobsai-documents")
        )
        let clock = SystemWallClock()
        let boards = BoardScraper.allBoards(
            environment: environment, fetcher: CurlPageFetcher(client: http), clock: clock)
        pipeline = JobPipeline(
            boards: boards, writer: try WriterFactory.make(environment: environment, http: http, clock: clock),
            documents: documents, clock: clock)
    }

    /// A runner for one invocation, logging with the invocation's request id.
    func runner(logger: Logger) -> JobRunner {
        JobRunner(store: store, pipeline: pipeline, clock: SystemWallClock(), logger: logger)
    }
}
