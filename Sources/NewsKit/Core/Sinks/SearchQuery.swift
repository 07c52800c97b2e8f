import Foundation

/// A search query as the database sinks read it (`SQLiteSink.search`, `PostgresSink.search`):
/// its words, and each word as a `LIKE` pattern that matches it as plain text.
package enum SearchQuery {
    /// The words of `query`: surrounding whitespace ignored, split at spaces, none empty.
    package static func words(_ query: String) -> [String] {
        query.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
    }

    /// `%word%`, with `\`, `%` and `_` escaped by `\` (SQLite's `LIKE … ESCAPE '\'`,
    /// PostgreSQL's default escape), so the word matches as written.
    package static func likePattern(_ word: String) -> String {
        "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
