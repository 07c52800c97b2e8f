/// What libpq or the server said when a statement or a connection failed.
struct PostgresFailure: Error {
    /// The error text (libpq's, or the server's primary message).
    var message: String
    /// The SQLSTATE, when the server sent one (`40P01` deadlock, `40001` serialization failure).
    var sqlState: String?

    /// Whether running the transaction again may succeed (a deadlock or a serialization failure
    /// between concurrent writers).
    var isRetryable: Bool { sqlState == "40P01" || sqlState == "40001" }
}
