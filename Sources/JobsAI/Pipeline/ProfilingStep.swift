/// Step 1: reads the answers by key and builds the profile a writer may see (nothing from "About you").
enum ProfilingStep {
    static func run(_ payload: PayloadValue) throws -> (answers: Answers, profile: Profile) {
        let answers: Answers
        do {
            answers = try Answers.read(payload)
        } catch {
            throw StepFailure(.profiling, "your answers could not be read (\(error.description)).")
        }
        return (answers, Profile(answers: answers))
    }
}
