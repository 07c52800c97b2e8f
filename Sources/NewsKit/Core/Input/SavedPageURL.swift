import Foundation

/// Where a saved page came from, when a `.url` file beside it says so: `news-view.html` and
/// `news-view.url` holding `https://www.etoday.co.kr/news/view/2371245` on its first line. With
/// its URL known, a site adapter that matches by host reads the saved page as it would the
/// fetched one, and relative links resolve.
public enum SavedPageURL {
    /// The longest `.url` file read (a URL on one line; anything longer is not one).
    public static let maximumBytes = 8192

    /// The path of the `.url` file that goes with `path`: its extension replaced by `.url`.
    /// - Parameter path: the saved page.
    /// - Returns: `dir/name.url` for `dir/name.html`; `path + ".url"` when it has no extension.
    public static func sidecarPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.pathExtension.isEmpty ? path + ".url" : url.deletingPathExtension().path + ".url"
    }

    /// The http(s) URL the `.url` file beside `path` names, if there is one.
    /// - Parameter path: the saved page.
    /// - Returns: the URL on the sidecar's first line; nil when there is no sidecar, or it is
    ///   unreadable, too long, or does not hold an absolute http(s) URL.
    public static func sidecar(for path: String) -> URL? {
        let sidecar = sidecarPath(for: path)
        guard sidecar != path, let page = try? Page.read(path: sidecar, maximumBytes: maximumBytes) else { return nil }
        let firstLine = String(decoding: page.bytes.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
            .trimmingCharacters(in: .whitespaces)
        return parse(firstLine)
    }

    /// An absolute http(s) URL, or nil.
    /// - Parameter text: the URL as written.
    /// - Returns: the URL when `text` is an absolute http or https URL with a host.
    public static func parse(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false else { return nil }
        return url
    }
}
