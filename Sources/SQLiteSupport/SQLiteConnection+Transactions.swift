extension SQLiteConnection {
    /// Runs `body` in one `BEGIN IMMEDIATE` … `COMMIT`: all of its writes commit together or none do. An error
    /// from `body` rolls back and is rethrown; SQLite's own failures reach the caller through `failure`.
    public func transaction<T, Failure: Error>(
        _ failure: (SQLiteError) -> Failure, _ body: () throws(Failure) -> T
    ) throws(Failure) -> T {
        try bracketed(begin: "BEGIN IMMEDIATE", end: "COMMIT", savepoint: nil, failure, body)
    }

    /// `transaction` for bodies that throw any error.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try transaction({ $0 as any Error }, body)
    }

    /// Runs `body` in a savepoint inside the open transaction, so a failing `body` undoes only its own writes.
    public func savepoint<T, Failure: Error>(
        _ name: String, _ failure: (SQLiteError) -> Failure, _ body: () throws(Failure) -> T
    ) throws(Failure) -> T {
        try bracketed(begin: "SAVEPOINT \(name)", end: "RELEASE \(name)", savepoint: name, failure, body)
    }

    /// `begin`, `body`, `end`; a failing `body` rolls back (to `savepoint`, or the whole transaction). A failing
    /// COMMIT rolls back too; a failing RELEASE leaves the enclosing transaction to report it at its COMMIT.
    private func bracketed<T, Failure: Error>(
        begin: String, end: String, savepoint: String?, _ failure: (SQLiteError) -> Failure,
        _ body: () throws(Failure) -> T
    ) throws(Failure) -> T {
        do throws(SQLiteError) {
            try statement(begin).run()
        } catch {
            throw failure(error)
        }
        let value: T
        do throws(Failure) {
            value = try body()
        } catch {
            rollBack(to: savepoint)
            throw error
        }
        do throws(SQLiteError) {
            try statement(end).run()
        } catch {
            if savepoint == nil { rollBack(to: nil) }
            throw failure(error)
        }
        return value
    }

    /// Undoes the open transaction, or only the savepoint `name`. The caller reports the error that made it
    /// roll back. A ROLLBACK that fails because SQLite already ended the transaction (after an I/O or full-disk
    /// error) left nothing to undo; one that fails with the transaction still open is logged, since the
    /// connection's next BEGIN will fail because of it.
    func rollBack(to savepoint: String?) {
        do throws(SQLiteError) {
            if let savepoint {
                try statement("ROLLBACK TO \(savepoint)").run()
                try statement("RELEASE \(savepoint)").run()
            } else {
                try statement("ROLLBACK").run()
            }
        } catch {
            // Undoing a savepoint fails only when the enclosing transaction is gone; its COMMIT then reports it.
            guard savepoint == nil, isInTransaction else { return }
            logger.error(
                "SQLite rollback failed with the transaction still open",
                metadata: ["database": "\(location)", "error": "\(error)"])
        }
    }
}
