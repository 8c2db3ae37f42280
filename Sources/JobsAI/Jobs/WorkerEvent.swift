/// The event the API sends the worker (Lambda Invoke, `Event`): the job and the validated answers
/// exactly as the person submitted them (the start request's JSON body).
public struct WorkerEvent: Sendable, Codable {
    public var jobID: String
    /// The start request body; the worker reads it with `Answers.decode`.
    public var answers: PayloadValue

    public init(jobID: String, answers: PayloadValue) {
        self.jobID = jobID
        self.answers = answers
    }

    enum CodingKeys: String, CodingKey { case jobID = "job_id", answers }
}
