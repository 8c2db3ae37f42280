/// Step 2: 5 to 10 distinct queries from the profile's strongest skills and wanted level.
enum QueryingStep {
    static func run(_ profile: Profile) throws -> [SearchQuery] {
        let queries = QueryBuilder().queries(for: profile)
        guard !queries.isEmpty else {
            throw StepFailure(.querying, "no search query could be built from your answers.")
        }
        return queries
    }
}
