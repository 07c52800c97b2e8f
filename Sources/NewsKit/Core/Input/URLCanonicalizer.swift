import Foundation

/// Canonical URLs, so one article is fetched and stored once per run: lowercase scheme and
/// host, no default port, no fragment, no tracking parameters (`utm_*`, `fbclid` …), no trailing
/// slash on a path (the root keeps its slash). A page's `<link rel=canonical>` overrides the URL
/// it was fetched under.
public enum URLCanonicalizer {
    /// Query parameters that only track the visit.
    public static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl",
        "spm", "cmpid", "ocid", "ncid", "sr_share", "share", "ref_src", "ref_url", "from_rss", "rss", "ithash",
    ]

    /// The canonical form of a URL string, or nil when it is not an http(s) URL.
    /// - Parameter string: the URL; surrounding whitespace is ignored.
    /// - Returns: the URL with the rules above applied (query parameters otherwise kept in
    ///   order); nil when it does not parse or is not http(s) with a host.
    public static func canonical(_ string: String) -> String? {
        guard var c = URLComponents(string: string.trimmingCharacters(in: .whitespacesAndNewlines)),
              let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = c.host, !host.isEmpty else {
            return nil
        }
        c.scheme = scheme
        c.host = host.lowercased()
        if (scheme == "http" && c.port == 80) || (scheme == "https" && c.port == 443) { c.port = nil }
        c.fragment = nil
        if let items = c.queryItems {
            let kept = items.filter { item in
                let n = item.name.lowercased()
                return !n.hasPrefix("utm_") && !trackingParameters.contains(n)
            }
            c.queryItems = kept.isEmpty ? nil : kept
        }
        var path = c.percentEncodedPath
        if path.isEmpty { path = "/" }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        c.percentEncodedPath = path
        return c.string
    }

    /// The canonical form of a URL, as for its absolute string.
    /// - Parameter url: the URL.
    /// - Returns: the canonical string; nil when the URL is not http(s) with a host.
    public static func canonical(_ url: URL) -> String? { canonical(url.absoluteString) }
}
