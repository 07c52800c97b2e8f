/// `--format` of extract, fetch and crawl: how articles are written to standard output.
enum OutputFormat: String, Sendable, CaseIterable {
    /// One article per line (the documented JSON), and each failure as `{"error": …, "path"|"url": …}`.
    case jsonl
    /// One pretty-printed array of the articles, written at the end.
    case json
    /// Each article as Markdown.
    case markdown
    /// Each article as plain text.
    case text
}
