import Foundation

/// `--format` of extract, fetch and crawl: how articles are written to standard output.
enum OutputFormat: String, Sendable, CaseIterable {
    /// One article per line (the documented JSON), and each failure as `{"error": …, "path"|"url": …}`.
    case jsonl
    /// One pretty-printed array of the articles, written at the end.
    case json
    /// Each article as Markdown.
    case markdown
    /// Each article as plain text, opened by its title, source, date and URL.
    case text
    /// A few lines per article for a person (title, source, date, authors, URL, first lines,
    /// warnings): the default when standard output is a terminal.
    case brief

    /// `--format` as given, else `brief` on a terminal and `jsonl` in a pipe or a file.
    /// - Parameter given: the option's value, nil when it was not given.
    static func chosen(_ given: String?) -> OutputFormat {
        if let given, let format = OutputFormat(rawValue: given) { return format }
        return isatty(1) != 0 ? .brief : .jsonl
    }
}
