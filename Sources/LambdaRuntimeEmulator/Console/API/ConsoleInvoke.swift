import Foundation
import Hummingbird
import LocalDynamo

/// The console's Invoke form: a RequestResponse answered with its result and log, or an Event queued as the
/// Invoke API would queue it.
struct ConsoleInvoke {
    let emulator: LambdaEmulator
    let history: InvocationHistory

    struct Answer: Encodable {
        var requestId: String
        var type: String
        /// The history record of a RequestResponse (absent for a queued Event).
        var sequence: UInt64?
        var status: String
        var functionError: String?
        var payload: String?
        var log: String?
        var durationMs: Double?
        var billedDurationMs: Int?
        var maxMemoryUsedMB: Int?
        var coldStart: Bool?
    }

    func invoke(_ name: String, type: String, payload rawPayload: [UInt8]) async throws -> Response {
        guard ["RequestResponse", "Event"].contains(type) else {
            throw ConsoleError.badRequest("type must be RequestResponse or Event, not '\(type)'")
        }
        let payload = rawPayload.isEmpty ? Array("{}".utf8) : rawPayload
        do {
            _ = try JSON.parse(payload)
        } catch {
            throw ConsoleError.badRequest("the event is not JSON: unexpected character at byte \(error.offset)")
        }
        let requestID = LambdaRequestID.make()
        let request = InvocationRequest(requestID: requestID, payload: payload)
        if type == "Event" {
            let pool = try resolve(name)
            if payload.count > InvokeOperation.asynchronousLimit {
                throw ConsoleError.badRequest("an Event must be at most \(InvokeOperation.asynchronousLimit) bytes")
            }
            do {
                try await emulator.queue.enqueue(function: pool.function.name, request: request)
            } catch {
                throw ConsoleError.internal("could not store the event: \(error)")
            }
            return ConsoleResponses.json(Answer(requestId: requestID, type: type, status: "queued"), status: .accepted)
        }
        let result: InvocationResult
        do {
            result = try await emulator.invoke(function: name, request: request)
        } catch {
            throw ConsoleError(status: error.status, code: error.code, message: error.message)
        }
        let sequence = history.records(limit: 1) { $0.requestID == requestID }.first?.sequence
        return ConsoleResponses.json(
            Answer(
                requestId: requestID, type: type, sequence: sequence,
                status: InvocationRecord.status(of: result).rawValue, functionError: result.errorType,
                payload: String(decoding: result.payload, as: UTF8.self),
                log: String(decoding: result.log, as: UTF8.self), durationMs: result.report?.duration.milliseconds,
                billedDurationMs: result.report?.billedMilliseconds, maxMemoryUsedMB: result.report?.maxMemoryUsedMB,
                coldStart: result.report?.coldStart))
    }

    private func resolve(_ name: String) throws -> FunctionPool {
        do {
            return try emulator.resolve(name, qualifier: nil)
        } catch {
            throw ConsoleError(status: error.status, code: error.code, message: error.message)
        }
    }
}
