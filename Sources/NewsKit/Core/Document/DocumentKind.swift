import Foundation
import NewsKitHTML

/// What kind of document a page holds.
public enum DocumentKind: String, Sendable, Hashable, Codable {
    /// An HTML page.
    case html
    /// A plain-text capture of a page: its visible text, line by line (the seeds are such captures).
    case textCapture
    /// A file with YAML (or TOML) front matter followed by an HTML or Markdown body (blog posts).
    case frontMatter
}
