import Foundation

/// What every operation gets: the request, its body, who sent it, the store and the clock.
public struct OperationContext {
    public let request: S3Request
    public var body: any BodySource
    public let auth: AuthOutcome
    /// What the request may do, and the checks left for the objects it opens.
    let access: AccessGrant
    public let store: FileStore
    public let now: Date
    public let region: String
    /// The key pairs the server accepts (a POST upload's policy is signed with one of them).
    public var credentials = S3Credentials()
    /// Where bucket events go (nil: standalone LocalS3, which records none).
    public var notificationDelivery: NotificationDelivery?
    /// The object changes the operation made, for bucket notifications.
    var changes: [ObjectChange] = []

    /// The bucket the request names; InvalidRequest when it names none.
    func bucket() throws -> String {
        guard let bucket = request.bucket else { throw S3Error(.invalidRequest, "The request names no bucket.") }
        return bucket
    }

    /// The key the request names, checked against S3's length limit.
    func key() throws -> ObjectKey {
        guard let key = request.key else { throw S3Error(.invalidRequest, "The request names no object key.") }
        guard key.bytes.count <= ObjectKey.maximumLength else {
            throw S3Error(.keyTooLong, "Your key is too long", details: [.init("Size", String(key.bytes.count))])
        }
        return key
    }

    func header(_ name: String) -> String? { request.headers[name] }
}

/// One S3 API action.
protocol S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response
}
