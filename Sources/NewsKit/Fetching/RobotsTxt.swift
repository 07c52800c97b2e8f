import Foundation
import NewsKitCore

/// A parsed robots.txt (RFC 9309): user-agent groups with allow/disallow rules (`*` wildcards,
/// `$` end anchors; the longest matching rule wins, `allow` on a tie), plus the common
/// `Crawl-delay` and `Sitemap` extensions.
///
/// ```swift
/// let robots = RobotsTxt("User-agent: *\nDisallow: /private/\nAllow: /private/ok$")
/// robots.isAllowed("/private/x", userAgent: "NewsKit")   // false
/// ```
public struct RobotsTxt: Sendable, Hashable {
    struct Rule: Sendable, Hashable {
        var allow: Bool
        /// The path pattern, runs of `*` collapsed.
        var pattern: [UInt8]
        /// Its length as written: the specificity RFC 9309 compares ("the most octets").
        var length: Int
    }

    struct Group: Sendable, Hashable {
        var agents: [String] = []
        var rules: [Rule] = []
        var crawlDelay: Double?
    }

    private(set) var groups: [Group] = []
    /// Sitemap URLs the file lists.
    public private(set) var sitemaps: [String] = []

    /// Allows everything (no robots.txt, or a 4xx for it).
    public static let allowAll = RobotsTxt("")
    /// Disallows everything (robots.txt unreachable: a 5xx or no answer).
    public static let disallowAll = RobotsTxt("User-agent: *\nDisallow: /")

    /// Parses a robots.txt. Parsing never fails: lines that are not rules are ignored, and an
    /// empty text allows everything.
    /// - Parameter text: the file's text (a truncated last line should be dropped first).
    public init(_ text: String) {
        var current: Group? = nil
        var lastWasAgent = false
        var seen: Set<Rule> = []   // the current group's rules
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !lastWasAgent {
                    if let g = current { groups.append(g) }
                    current = Group()
                    seen.removeAll(keepingCapacity: true)
                }
                current?.agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard current != nil else { continue }
                if key == "disallow" && value.isEmpty { continue }   // "Disallow:" allows everything
                // A rule said twice counts once, and `**` means `*`: a hostile file of 27,000 copies of
                // `Disallow: **a…` must not cost 27,000 wildcard matches per URL.
                let written = RobotsTxt.normalize(value)
                let rule = Rule(allow: key == "allow", pattern: RobotsTxt.collapsingStars(written), length: written.count)
                if seen.insert(rule).inserted { current?.rules.append(rule) }
            case "crawl-delay":
                lastWasAgent = false
                if let d = Double(value), d >= 0 { current?.crawlDelay = d }
            case "sitemap":
                if !value.isEmpty { sitemaps.append(value) }
            default:
                lastWasAgent = false
            }
        }
        if let g = current { groups.append(g) }
    }

    /// The product token of a user agent string: `NewsKit/0.4 (+…)` → `newskit`.
    static func productToken(_ userAgent: String) -> String {
        String(userAgent.prefix { $0.isLetter || $0 == "-" || $0 == "_" }).lowercased()
    }

    /// The groups that apply: those naming our product token, else the `*` groups.
    private func applicableGroups(_ userAgent: String) -> [Group] {
        let token = RobotsTxt.productToken(userAgent)
        let named = groups.filter { g in g.agents.contains { $0 == token || (!token.isEmpty && $0 != "*" && token.hasPrefix($0)) } }
        return named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
    }

    /// Whether `path` (path and query, as in the request line) may be fetched.
    /// - Parameters:
    ///   - path: the percent-encoded path and query, e.g. `/news/1?page=2`; "" means `/`.
    ///   - userAgent: the crawler's user agent; its product token picks the groups, and without
    ///     a group of its own the `*` group applies.
    /// - Returns: true when no rule matches, or the longest matching rule is an `allow`;
    ///   `/robots.txt` itself is always allowed.
    public func isAllowed(_ path: String, userAgent: String) -> Bool {
        let target = RobotsTxt.normalize(path.isEmpty ? "/" : path)
        if target == Array("/robots.txt".utf8) { return true }
        var best: (length: Int, allow: Bool)? = nil
        for g in applicableGroups(userAgent) {
            for r in g.rules where RobotsTxt.matches(r.pattern, target) {
                let len = r.length
                if best == nil || len > best!.length || (len == best!.length && r.allow) { best = (len, r.allow) }
            }
        }
        return best?.allow ?? true
    }

    /// Whether a URL may be fetched.
    /// - Parameters:
    ///   - url: the URL; its percent-encoded path and query are checked, its host is not.
    ///   - userAgent: the crawler's user agent, matched to groups as for a path.
    /// - Returns: the answer for the URL's path ("/" when empty) and query, as for a path.
    public func isAllowed(_ url: URL, userAgent: String) -> Bool {
        var path = url.path.isEmpty ? "/" : URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? url.path
        if path.isEmpty { path = "/" }
        if let q = url.query { path += "?" + q }
        return isAllowed(path, userAgent: userAgent)
    }

    /// The `Crawl-delay` for this user agent, in seconds.
    /// - Parameter userAgent: the crawler's user agent, matched to groups as by `isAllowed`.
    /// - Returns: the largest delay the applicable groups give; nil when none gives one.
    public func crawlDelay(userAgent: String) -> Double? {
        applicableGroups(userAgent).compactMap(\.crawlDelay).max()
    }

    /// A pattern with each run of `*` as one `*` (they match the same paths).
    static func collapsingStars(_ pattern: [UInt8]) -> [UInt8] {
        guard pattern.count > 1 else { return pattern }
        var out: [UInt8] = []
        out.reserveCapacity(pattern.count)
        for c in pattern where !(c == 0x2A && out.last == 0x2A) { out.append(c) }
        return out
    }

    /// Percent-decodes unreserved characters so `/%7Ea` and `/~a` compare equal.
    static func normalize(_ s: String) -> [UInt8] {
        let u = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < u.count {
            if u[i] == 0x25, i + 2 < u.count, let v = UInt8(String(decoding: u[(i + 1)...(i + 2)], as: UTF8.self), radix: 16),
               (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A) || v == 0x2D || v == 0x2E || v == 0x5F || v == 0x7E {
                out.append(v)
                i += 3
                continue
            }
            out.append(u[i])
            i += 1
        }
        return out
    }

    /// Pattern matching with `*` (any run) and a final `$` (end of path).
    static func matches(_ pattern: [UInt8], _ path: [UInt8]) -> Bool {
        var p = pattern
        var anchored = false
        if p.last == 0x24 { anchored = true; p.removeLast() }
        // Iterative wildcard match (greedy with backtracking to the last '*').
        var pi = 0, si = 0
        var star = -1, mark = 0
        while si < path.count {
            if pi < p.count && p[pi] == 0x2A { star = pi; mark = si; pi += 1; continue }
            if pi < p.count && p[pi] == path[si] { pi += 1; si += 1; continue }
            if pi == p.count && !anchored { return true }
            if star >= 0 { pi = star + 1; mark += 1; si = mark; continue }
            return false
        }
        while pi < p.count && p[pi] == 0x2A { pi += 1 }
        return pi == p.count
    }
}
