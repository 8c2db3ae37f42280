import CSQLite

/// A prepared statement owned by its connection's cache: `bind`, then `step` until it returns false
/// (or `run` one that returns no rows). Reset it when done reading so no read snapshot stays open.
public final class SQLiteStatement {
    let raw: OpaquePointer
    unowned let connection: SQLiteConnection

    init(raw: OpaquePointer, connection: SQLiteConnection) {
        self.raw = raw
        self.connection = connection
    }

    deinit { sqlite3_finalize(raw) }

    /// Ends any read in progress and clears the bindings.
    public func reset() {
        // sqlite3_reset repeats the error of the last step, which that step already threw.
        sqlite3_reset(raw)
        sqlite3_clear_bindings(raw)
    }

    /// Binds `values` to the parameters, in order.
    @discardableResult
    public func bind(_ values: SQLiteValue...) throws(SQLiteError) -> SQLiteStatement { try bind(values) }

    /// Binds `values` to the parameters, in order.
    @discardableResult
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) -> SQLiteStatement {
        for (offset, value) in values.enumerated() {
            let position = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let number): status = sqlite3_bind_int64(raw, position, number)
            case .real(let number): status = sqlite3_bind_double(raw, position, number)
            case .text(let text): status = sqlite3_bind_text(raw, position, text, -1, csqlite_transient())
            case .blob(let bytes):
                status = bytes.withUnsafeBytes { buffer in
                    // A zero-length blob must still be a blob, not NULL.
                    if buffer.isEmpty { return sqlite3_bind_zeroblob(raw, position, 0) }
                    return sqlite3_bind_blob(
                        raw, position, buffer.baseAddress, Int32(buffer.count), csqlite_transient())
                }
            case .null: status = sqlite3_bind_null(raw, position)
            }
            guard status == SQLITE_OK else { throw connection.error(status) }
        }
        return self
    }

    /// Advances to the next row; false when done.
    public func step() throws(SQLiteError) -> Bool {
        let result = sqlite3_step(raw)
        if result == SQLITE_ROW { return true }
        if result == SQLITE_DONE { return false }
        throw connection.error(result)
    }

    /// Runs a statement that returns no rows, and resets it.
    public func run() throws(SQLiteError) {
        defer { reset() }
        _ = try step()
    }

    /// Every remaining row, then resets the statement.
    public func rows() throws(SQLiteError) -> [[SQLiteValue]] {
        defer { reset() }
        var rows: [[SQLiteValue]] = []
        while try step() { rows.append(row()) }
        return rows
    }

    /// The current row's columns.
    public func row() -> [SQLiteValue] { (0..<sqlite3_column_count(raw)).map(value) }

    /// One column of the current row, typed as SQLite stores it.
    public func value(_ column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(raw, column) {
        case SQLITE_INTEGER: return .integer(int64(column))
        case SQLITE_FLOAT: return .real(double(column))
        case SQLITE_TEXT: return text(column).map { .text($0) } ?? .null
        case SQLITE_BLOB: return .blob(blob(column))
        default: return .null
        }
    }

    public func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(raw, column))
        guard count > 0, let pointer = sqlite3_column_blob(raw, column) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: pointer, count: count))
    }

    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(raw, column) }
    public func double(_ column: Int32) -> Double { sqlite3_column_double(raw, column) }
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(raw, column) == SQLITE_NULL }

    public func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(raw, column) else { return nil }
        return String(cString: pointer)
    }
}
