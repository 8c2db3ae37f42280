import AWSClients
import CurlHTTP
import JobsAI
import JobsAIAWS
import LambdaRuntime
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The Lambda handler: a Function URL / HTTP API (payload 2.0) event in, the API's answer out.
struct APIFunctionHandler: LambdaHandler {
    let api: JobsAPI

    init(api: JobsAPI) { self.api = api }

    /// Builds the API over DynamoDB, S3 and Lambda from the environment.
    init(environment: [String: String]) throws {
        let configuration = try APIConfiguration.fromEnvironment(environment)
        let aws = try AWSConfiguration.fromEnvironment(environment)
        let http = try HTTPClient()
        let dynamo = DynamoDBClient(configuration: aws, http: http)
        let s3 = S3Client(configuration: aws, http: http)
        api = JobsAPI(
            configuration: configuration,
            store: DynamoJobStore(client: dynamo, table: configuration.tableName),
            rateLimiter: DynamoRateLimiter(
                client: dynamo, table: configuration.tableName,
                window: RateLimitWindow(
                    limit: configuration.rateLimitRequests, seconds: configuration.rateLimitWindowSeconds)),
            worker: LambdaWorkerInvoker(
                client: LambdaClient(configuration: aws, http: http), functionName: configuration.workerFunctionName),
            linker: S3DocumentLinker(client: s3, bucket: configuration.documentsBucket),
            health: AWSHealthChecker(
                dynamo: dynamo, s3: s3, table: configuration.tableName, bucket: configuration.documentsBucket),
            logger: Logger(label: "jobsai-api"))
    }

    func handle(_ event: APIGatewayV2Request, context: LambdaContext) async throws -> APIGatewayV2Response {
        let body = event.bodyBytes
        if event.body != nil && body == nil {
            return Self.response(.error(400, "The request body is not valid base64."))
        }
        let request = APIRequest(
            method: event.requestContext.http.method, path: event.rawPath, query: event.queryStringParameters,
            headers: event.headers, body: body, sourceIP: event.requestContext.http.sourceIp,
            requestID: event.requestContext.requestId.isEmpty ? context.requestID : event.requestContext.requestId)
        return Self.response(await api.handle(request))
    }

    static func response(_ response: APIResponse) -> APIGatewayV2Response {
        APIGatewayV2Response(
            statusCode: response.status, headers: response.headers,
            body: String(decoding: response.body, as: UTF8.self), isBase64Encoded: false)
    }
}
