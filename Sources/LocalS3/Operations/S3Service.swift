import AWSSignature
import BuildingBlocks
import Foundation
import Logging
import NIOCore

/// LocalS3's engine front: authenticates a request, runs its operation against the store and renders
/// errors as S3 XML. Usable in-process without a socket; the HTTP server is a thin adapter over it.
public struct S3Service: Sendable {
    public let store: FileStore
    public let clock: any WallClock
    public let authenticator: Authenticator
    public let region: String
    /// Where bucket notifications go; nil records none (see `NotificationDelivery`).
    public var notificationDelivery: NotificationDelivery?
    let logger: Logger
    let access: AccessEvaluator

    public init(
        store: FileStore, credentials: S3Credentials = S3Credentials(), region: String = "us-east-1",
        clock: any WallClock = SystemWallClock(), logger: Logger = Logger(label: "locals3")
    ) {
        self.store = store
        self.clock = clock
        self.authenticator = Authenticator(credentials: credentials)
        self.region = region
        self.logger = logger
        self.access = AccessEvaluator(users: credentials.users, store: store, logger: logger)
    }

    /// Answers one request. Never throws: every failure becomes an S3 error response. `admitted` is what
    /// `admit` already returned for this request (the HTTP server asks before answering `100 Continue`).
    public func handle(_ request: S3Request, body: any BodySource, admitted: Admission? = nil) async -> S3Response {
        let requestID = Self.makeRequestID()
        var response: S3Response
        do {
            response = try await dispatch(request, body: body, admitted: admitted, requestID: requestID)
        } catch let error as S3Error {
            response = Self.errorResponse(error, request: request, requestID: requestID)
        } catch let error as StoreIOError {
            logger.error("store failure", metadata: ["error": "\(error)"])
            response = Self.errorResponse(.internalError("\(error)"), request: request, requestID: requestID)
        } catch {
            logger.error("unexpected failure", metadata: ["error": "\(error)"])
            response = Self.errorResponse(.internalError("\(error)"), request: request, requestID: requestID)
        }
        if request.method != "OPTIONS", let origin = request.headers["origin"], let bucket = request.bucket {
            CORSResponder.addHeaders(
                to: &response, origin: origin, request: request, store: store, bucket: bucket, logger: logger)
        }
        response.headers.append(("x-amz-request-id", requestID))
        response.headers.append(("x-amz-id-2", requestID))
        response.headers.append(("Server", "LocalS3"))
        response.headers.append(("Date", HTTPDate.imf(clock.date)))
        return response
    }

    func dispatch(_ request: S3Request, body: any BodySource, admitted: Admission?, requestID: String) async throws
        -> S3Response
    {
        let now = clock.date
        if request.isWebsiteEndpoint {
            return WebsiteServer.respond(request, store: store, logger: logger)
        }
        if request.method == "OPTIONS" {
            return try CORSResponder.preflight(request, store: store)
        }
        let admission = try admitted ?? admit(request)
        var context = OperationContext(
            request: request, body: body, auth: admission.auth, access: admission.access, store: store, now: now,
            region: region, credentials: authenticator.credentials)
        context.notificationDelivery = notificationDelivery
        let response = try await admission.operation.run(&context)
        // The events are durable before the change is acknowledged.
        if !context.changes.isEmpty, let notificationDelivery {
            try await notificationDelivery.record(context.changes, context: context, requestID: requestID)
        }
        return response
    }

    /// The checks a request must pass before its body is worth receiving: signature, a known operation,
    /// and access (`AccessEvaluator`: owner, bucket policy, ACLs, public access block). An unsigned request
    /// naming a missing bucket answers NoSuchBucket before AccessDenied, as S3 does.
    public func admit(_ request: S3Request) throws -> Admission {
        let now = clock.date
        let auth = try authenticator.authenticate(request, now: now)
        let operation = try Router.operation(for: request)
        return Admission(
            auth: auth, access: try access.admit(request, operation: operation, auth: auth, now: now),
            operation: operation)
    }

    static func makeRequestID() -> String {
        Hex.encode((0..<8).map { _ in UInt8.random(in: 0...255) }).uppercased()
    }

    /// The XML error document (no body for HEAD and 304).
    static func errorResponse(_ error: S3Error, request: S3Request, requestID: String) -> S3Response {
        errorResponse(
            error, method: request.method, rawPath: request.rawPath, bucket: request.bucket, requestID: requestID)
    }

    /// The XML error document for a request that may not have parsed.
    static func errorResponse(_ error: S3Error, method: String, rawPath: String, bucket: String?, requestID: String)
        -> S3Response
    {
        let headers = error.headers.map { (name: $0.name, value: $0.value) }
        if error.code == .notModified {
            return S3Response(status: 304)
        }
        guard method != "HEAD" else { return S3Response(status: error.status, headers: headers) }
        var xml = XMLWriter(root: "Error", namespace: false)
        xml.element("Code", error.code.rawValue)
        xml.element("Message", error.message)
        for detail in error.details { xml.element(detail.name, detail.value) }
        if let bucket, !error.details.contains(where: { $0.name == "BucketName" }),
            error.code == .noSuchKey || error.code == .accessDenied
        {
            xml.element("BucketName", bucket)
        }
        xml.element("Resource", rawPath)
        xml.element("RequestId", requestID)
        xml.element("HostId", requestID)
        var response = S3Response.xml(xml, status: error.status)
        response.headers += headers
        return response
    }
}
