import NewsKitCore
import CSQLite
import Foundation

/// A SQLite connection (Debian's libsqlite3 through the `CSQLite` shim). Not `Sendable` by
/// itself: its owners lock around it. Closes when released or on ``close()``.
final class SQLiteDatabase {
    private var handle: OpaquePointer?
    let path: String
    private var statements: [String: OpaquePointer] = [:]

    /// Opens (creating) the database file.
    /// - Throws: a message with SQLite's error text.
    init(path: String, readOnly: Bool = false) throws(SQLiteFailure) {
        self.path = path
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteFailure(message: message)
        }
        handle = db
        sqlite3_busy_timeout(db, 5000)
    }

    deinit { close() }

    func close() {
        for (_, s) in statements { sqlite3_finalize(s) }
        statements = [:]
        if let h = handle { sqlite3_close_v2(h) }
        handle = nil
    }

    var errorMessage: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed" }

    /// Runs SQL without results (several statements allowed).
    func execute(_ sql: String) throws(SQLiteFailure) {
        var err: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &err) == SQLITE_OK else {
            let message = err.map { String(cString: $0) } ?? errorMessage
            sqlite3_free(err)
            throw SQLiteFailure(message: message)
        }
    }

    /// Binds `values` to a cached prepared statement and steps it, calling `row` per result row.
    func run(_ sql: String, _ values: [SQLiteValue] = [], row: (Row) -> Void = { _ in }) throws(SQLiteFailure) {
        let s = try prepared(sql)
        defer { sqlite3_reset(s); sqlite3_clear_bindings(s) }
        for (i, v) in values.enumerated() {
            let idx = Int32(i + 1)
            let rc: Int32
            switch v {
            case .null: rc = sqlite3_bind_null(s, idx)
            case .int(let n): rc = sqlite3_bind_int64(s, idx, Int64(n))
            case .text(let t):
                // Bound with its byte length, so a NUL inside the text is stored, not a terminator.
                var t = t
                rc = t.withUTF8 { utf8 in
                    utf8.withMemoryRebound(to: CChar.self) { chars in
                        guard let base = chars.baseAddress else { return nk_sqlite_bind_text(s, idx, "", 0) }
                        return nk_sqlite_bind_text(s, idx, base, Int32(clamping: chars.count))
                    }
                }
            }
            guard rc == SQLITE_OK else { throw SQLiteFailure(message: errorMessage) }
        }
        while true {
            let rc = sqlite3_step(s)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else { throw SQLiteFailure(message: errorMessage) }
            row(Row(statement: s))
        }
    }

    private func prepared(_ sql: String) throws(SQLiteFailure) -> OpaquePointer {
        if let s = statements[sql] { return s }
        var s: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &s, nil) == SQLITE_OK, let s else { throw SQLiteFailure(message: errorMessage) }
        statements[sql] = s
        return s
    }

    /// One result row; valid only inside the `row` callback.
    struct Row {
        let statement: OpaquePointer
        func text(_ i: Int32) -> String? {
            guard let p = sqlite3_column_text(statement, i) else { return nil }
            let count = Int(sqlite3_column_bytes(statement, i))   // the whole text, NULs included
            return String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
        }
        func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(statement, i)) }
    }
}

/// A value bound to a statement.
enum SQLiteValue {
    case null, int(Int), text(String)
    init(_ s: String?) { self = s.map { .text($0) } ?? .null }
}

/// SQLite's error text.
struct SQLiteFailure: Error { let message: String }
