import SQLiteSupport

/// Secondary-index maintenance outside item writes: backfilling a new index and dropping an old one.
extension Storage {
    /// Indexes every existing item of `table` under `index` (items lacking its key are skipped: sparse).
    func backfill(_ table: TableDefinition, index: IndexDefinition) throws(DynamoError) {
        var entries: [(StoredKey, StoredKey)] = []
        try forEachRow(
            sql: "SELECT pk, sk, item FROM items WHERE tid = ?", binds: [.integer(table.id)]
        ) { (row: SQLiteStatement) throws(DynamoError) -> Bool in
            let item = try Storage.decode(row.blob(2))
            if let indexKey = Storage.indexKey(of: item, index: index) {
                entries.append((StoredKey(partition: row.blob(0), sort: row.blob(1)), indexKey))
            }
            return true
        }
        try Storage.wrap {
            for (key, indexKey) in entries {
                try database.statement(
                    "INSERT OR REPLACE INTO index_entries(tid, idx, ipk, isk, pk, sk) VALUES (?, ?, ?, ?, ?, ?)"
                ).bind(
                    .integer(table.id), .text(index.name), .blob(indexKey.partition), .blob(indexKey.sort),
                    .blob(key.partition), .blob(key.sort)
                ).run()
            }
        }
    }

    /// Removes every entry of one index.
    func dropIndexEntries(_ table: TableDefinition, index name: String) throws(DynamoError) {
        try Storage.wrap {
            try database.statement("DELETE FROM index_entries WHERE tid = ? AND idx = ?")
                .bind(.integer(table.id), .text(name)).run()
        }
    }
}
