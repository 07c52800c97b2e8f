import CPostgres
import Foundation

/// A libpq connection (Debian's libpq through the `CPostgres` shim), text protocol, UTF-8.
/// Not `Sendable` by itself: its owners lock around it. Closes when released or on ``close()``.
final class PostgresConnection {
    private var connection: OpaquePointer?

    /// Connects.
    /// - Parameter uri: a libpq connection URI (`postgresql://USER@HOST:PORT/DB`) or key=value string.
    /// - Throws: libpq's message when the server cannot be reached or refuses the login.
    init(uri: String) throws(PostgresFailure) {
        let c = PQconnectdb(PostgresConnection.withConnectTimeout(uri))
        guard let c, PQstatus(c) == CONNECTION_OK else {
            let message = c.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(c)
            throw PostgresFailure(message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        connection = c
        PQsetClientEncoding(c, "UTF8")
    }

    deinit { close() }

    /// The longest wait for a server to answer a connection, unless the URI says otherwise
    /// (libpq waits as long as the kernel does, minutes for a firewalled host).
    static let connectTimeout = 10

    /// `uri` with `connect_timeout` added when it has none.
    static func withConnectTimeout(_ uri: String) -> String {
        guard !uri.contains("connect_timeout") else { return uri }
        if uri.hasPrefix("postgres://") || uri.hasPrefix("postgresql://") {
            return uri + (uri.contains("?") ? "&" : "?") + "connect_timeout=\(connectTimeout)"
        }
        return uri + " connect_timeout=\(connectTimeout)"
    }

    /// Whether the connection is broken (the server went away); ``reset()`` tries it again.
    var isBroken: Bool { connection.map { PQstatus($0) != CONNECTION_OK } ?? true }

    /// Connects again with the same parameters (after the server restarted or dropped the
    /// connection); the next statement fails again if that does not work.
    func reset() {
        if let c = connection { PQreset(c) }
    }

    func close() {
        if let c = connection { PQfinish(c) }
        connection = nil
    }

    /// `s` as an SQL string literal (libpq's `PQescapeLiteral`, right for the connection's
    /// encoding and settings), or `NULL` for nil.
    func literal(_ s: String?) throws(PostgresFailure) -> String {
        guard let s else { return "NULL" }
        guard let connection else { throw PostgresFailure(message: "the connection is closed") }
        let length = s.utf8.count
        guard let escaped = s.withCString({ PQescapeLiteral(connection, $0, length) }) else {
            throw PostgresFailure(message: String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    /// Runs SQL without parameters (several statements allowed).
    func execute(_ sql: String) throws(PostgresFailure) {
        _ = try query(sql, [])
    }

    /// Runs one statement with text parameters (`$1`, `$2` …; nil is NULL).
    /// - Returns: the rows, each column as text or nil for NULL.
    @discardableResult
    func query(_ sql: String, _ parameters: [String?]) throws(PostgresFailure) -> [[String?]] {
        guard let connection else { throw PostgresFailure(message: "the connection is closed") }
        let copies: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let result: OpaquePointer?
        if parameters.isEmpty {
            result = PQexec(connection, sql)
        } else {
            result = copies.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { values in
                    PQexecParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
                }
            }
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let primary = result.flatMap { nk_pq_primary_message($0) }.map { String(cString: $0) }
            let message = primary ?? String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PostgresFailure(message: message, sqlState: result.flatMap { nk_pq_sqlstate($0) }.map { String(cString: $0) })
        }
        var rows: [[String?]] = []
        let count = PQntuples(result), fields = PQnfields(result)
        rows.reserveCapacity(Int(count))
        for r in 0..<count {
            var row: [String?] = []
            row.reserveCapacity(Int(fields))
            for f in 0..<fields {
                row.append(PQgetisnull(result, r, f) == 1 ? nil : String(cString: PQgetvalue(result, r, f)))
            }
            rows.append(row)
        }
        return rows
    }
}
