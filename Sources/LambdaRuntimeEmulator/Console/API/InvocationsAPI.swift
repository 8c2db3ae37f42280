import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `/_console/api/invocations` (newest first, filtered by function, status and text), one invocation with its
/// log, and `/_console/api/stream`: server-sent events carrying every record that changed.
struct InvocationsAPI {
    let history: InvocationHistory
    /// The stream sends at most one batch per interval, however fast invocations run.
    static let batchInterval = Duration.milliseconds(250)
    /// A comment line this often keeps proxies and the browser from closing an idle stream.
    static let keepAlive = Duration.seconds(15)
    /// The most records one batch carries: under load, only the newest are sent, flagged `truncated`, and the
    /// page reads the list again; so a stream costs the same however fast invocations run.
    static let batchLimit = 200

    func register(_ routes: ConsoleRoutes) {
        routes.get("/_console/api/invocations") { request, _ in ConsoleResponses.json(try page(request)) }
        routes.get("/_console/api/invocations/:sequence") { _, context in
            let text = Request.parameter(context, "sequence")
            guard let sequence = UInt64(text) else {
                throw ConsoleError.badRequest("'\(text)' is not a sequence number")
            }
            guard let record = history.record(sequence) else {
                throw ConsoleError.notFound("invocation \(sequence) is no longer in the history")
            }
            return ConsoleResponses.json(InvocationView(record, detailed: true))
        }
        routes.get("/_console/api/stream") { request, _ in
            let after = request.query("after").flatMap { UInt64($0) } ?? history.version
            return stream(after: after)
        }
    }

    func page(_ request: Request) throws -> InvocationPage {
        let function = request.query("function").flatMap { $0.isEmpty ? nil : $0 }
        var status: InvocationRecord.Status?
        if let text = request.query("status"), !text.isEmpty {
            guard let parsed = InvocationRecord.Status(rawValue: text) else {
                let known = InvocationRecord.Status.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConsoleError.badRequest("status must be one of \(known), not '\(text)'")
            }
            status = parsed
        }
        let limit = try request.query("limit").map { text -> Int in
            guard let value = Int(text), value > 0 else {
                throw ConsoleError.badRequest("limit must be a positive number")
            }
            return value
        }
        let search = Array((request.query("search") ?? "").utf8)
        let version = history.version
        let records = history.records(limit: limit ?? history.capacity) { record in
            (function == nil || record.function == function) && (status == nil || record.status == status)
                && record.mentions(search)
        }
        return InvocationPage(
            version: version, capacity: history.capacity,
            invocations: records.map { InvocationView($0, detailed: false) })
    }

    /// `text/event-stream`: an `invocations` event with the records changed since the last one sent.
    func stream(after start: UInt64) -> Response {
        let history = history
        var headers = ConsoleResponses.baseHeaders
        headers[.contentType] = "text/event-stream"
        let body = ResponseBody { writer in
            let (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
            let signals = history.changeSignals()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in signals { wake.yield() }
                    wake.finish()
                }
                group.addTask {
                    while !Task.isCancelled {
                        do { try await Task.sleep(for: Self.keepAlive) } catch { return }
                        wake.yield()
                    }
                }
                defer { group.cancelAll() }
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                var sent = start
                wake.yield()  // whatever changed between the page's read and this stream
                for await _ in wakes {
                    let changes = history.changes(after: sent)
                    if let last = changes.last {
                        sent = last.version
                        let (batch, truncated) = Self.batch(changes)
                        try await writer.write(
                            ByteBuffer(bytes: try Self.event(batch, version: sent, truncated: truncated)))
                    } else {
                        try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                    }
                    do { try await Task.sleep(for: Self.batchInterval) } catch { break }
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// The records one batch carries (the newest `batchLimit` of `changes`, oldest change first) and whether
    /// some were left out.
    static func batch(_ changes: [InvocationRecord]) -> (records: [InvocationRecord], truncated: Bool) {
        changes.count > batchLimit ? (Array(changes.suffix(batchLimit)), true) : (changes, false)
    }

    /// One `invocations` server-sent event; an encoding failure ends the stream (the page reconnects).
    static func event(_ records: [InvocationRecord], version: UInt64, truncated: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        let page = InvocationPage(
            version: version, capacity: 0, invocations: records.map { InvocationView($0, detailed: false) },
            truncated: truncated)
        let json = try encoder.encode(page)
        return Array("event: invocations\ndata: ".utf8) + Array(json) + Array("\n\n".utf8)
    }
}
