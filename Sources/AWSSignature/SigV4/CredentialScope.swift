/// The `<yyyymmdd>/<region>/<service>/aws4_request` scope a SigV4 signature is bound to.
public struct CredentialScope: Sendable, Hashable, CustomStringConvertible {
    /// `yyyymmdd`.
    public var dateStamp: String
    /// The region whose key signs the request, e.g. `us-east-1`.
    public var region: String
    /// The service name, e.g. `s3`, `dynamodb`, `lambda`.
    public var service: String

    /// The fixed last element of every SigV4 scope.
    public static let terminator = "aws4_request"

    /// A scope from its parts.
    public init(dateStamp: String, region: String, service: String) {
        self.dateStamp = dateStamp
        self.region = region
        self.service = service
    }

    /// The scope of a request signed at `date`.
    public init(date: AmzDate, region: String, service: String) {
        self.init(dateStamp: date.dateStamp, region: region, service: service)
    }

    /// `20130524/us-east-1/s3/aws4_request`.
    public var description: String { "\(dateStamp)/\(region)/\(service)/\(Self.terminator)" }
}
