/// Request members shared by the Streams actions, and StreamSpecification as CreateTable and UpdateTable take it.
enum StreamSupport {
    /// The stream a request's `StreamArn` names.
    static func stream(_ request: RequestReader, _ storage: Storage) throws(DynamoError) -> StreamDescriptor {
        let arn = try request.requiredString("StreamArn")
        guard (37...1024).contains(arn.count) else {
            throw .validation(
                "1 validation error detected: Value '\(arn)' at 'streamArn' failed to satisfy constraint: Member must have length \(arn.count < 37 ? "greater than or equal to 37" : "less than or equal to 1024")"
            )
        }
        guard let stream = try storage.stream(arn: arn) else {
            throw DynamoError(.resourceNotFound, "Requested resource not found: Stream: \(arn) not found")
        }
        return stream
    }

    /// `Limit`, 1 through `maximum`, defaulting to `maximum`.
    static func limit(_ request: RequestReader, maximum: Int) throws(DynamoError) -> Int {
        guard let limit = try request.int("Limit") else { return maximum }
        let prefix = "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: "
        if limit < 1 { throw .validation(prefix + "Member must have value greater than or equal to 1") }
        if limit > maximum { throw .validation(prefix + "Member must have value less than or equal to \(maximum)") }
        return limit
    }

    /// A request's StreamSpecification: nil when absent, else whether it enables a stream and with which view.
    static func specification(_ request: RequestReader) throws(DynamoError) -> (enabled: Bool, viewType: String?)? {
        guard let members = try request.object("StreamSpecification") else { return nil }
        let reader = RequestReader(members)
        guard let enabled = try reader.bool("StreamEnabled") else {
            throw .validation(
                "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null"
            )
        }
        var viewType: String?
        if try reader.string("StreamViewType") != nil {
            viewType = try reader.choice("StreamViewType", StreamRules.viewTypes, default: "")
        }
        if enabled, viewType == nil {
            throw .invalidParameter("You must specify a StreamViewType when enabling a stream")
        }
        return (enabled, viewType)
    }
}
