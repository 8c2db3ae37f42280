import SQLiteSupport

/// Secondary-index maintenance outside item writes: backfilling a new index and dropping an old one.
extension Storage {
    /// Indexes every existing item of `table` under `index` (items lacking its key are skipped: sparse).
    func backfill(_ table: TableDefinition, index: IndexDefinition) throws(DynamoError) {
        let entries = try itemKeys(of: table.id) { Storage.indexKey(of: $0, index: index) }
        try Storage.wrap {
            for (key, indexKey) in entries {
                try insertIndexEntry(table, index: index, indexKey: indexKey, key: key)
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
