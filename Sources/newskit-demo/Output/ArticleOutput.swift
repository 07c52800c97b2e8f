import Foundation
import NewsKit

/// Articles and failure lines on standard output in one ``OutputFormat``, from any thread.
///
/// Failure lines (`{"error": …, "path": …}`) are JSON, so they are written only in jsonl. A run
/// whose articles go to sinks writes none of them here.
final class ArticleOutput: @unchecked Sendable {
    let format: OutputFormat
    /// Whether articles are written (not when they go to sinks).
    let writesArticles: Bool
    /// Whether failures are written as JSON lines.
    let writesFailures: Bool
    private let lock = NSLock()
    private var out = Output()
    private var collected: [Article] = []
    private var wrote = 0

    init(format: OutputFormat, writesArticles: Bool, writesFailures: Bool) {
        self.format = format
        self.writesArticles = writesArticles
        self.writesFailures = writesFailures && format == .jsonl
    }

    func article(_ article: Article) {
        guard writesArticles else { return }
        lock.withLock {
            switch format {
            case .jsonl: out.line(article.jsonLine)
            case .json: collected.append(article)
            case .markdown: out.line(ArticleRendering.markdown(article))
            case .text:
                if wrote > 0 { out.line(String(repeating: "─", count: 40)) }
                out.line(ArticleRendering.plain(article))
            case .brief: out.line(ArticleRendering.brief(article))
            }
            wrote += 1
        }
    }

    /// A failure line, `{"error": message, key: input}`, in jsonl.
    func failure(_ key: String, _ input: String, _ message: String) {
        guard writesFailures else { return }
        lock.withLock { out.line(JSONLiteral.object([key: JSONLiteral.quote(input), "error": JSONLiteral.quote(message)])) }
    }

    /// Writes what is buffered (before an input is reported delivered).
    func flush() {
        lock.withLock { out.flush() }
    }

    /// Writes the json array, if that is the format, and everything buffered.
    func finish() {
        lock.withLock {
            if format == .json && writesArticles {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
                if let data = try? encoder.encode(collected) { out.line(String(decoding: data, as: UTF8.self)) }
            }
            out.flush()
        }
    }
}
