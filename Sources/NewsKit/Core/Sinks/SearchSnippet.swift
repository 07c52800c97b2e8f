import Foundation

/// The line a search hit shows: a window of the text around the first match, every occurrence
/// of every query word in it marked «like this»; when only the title holds a word, the title,
/// marked the same way. Words of any length are marked (a two-letter 북한 as much as 전화통화),
/// Latin letters without regard to case, as the trigram index matches them.
package enum SearchSnippet {
    /// Characters kept before the first match, and in all.
    static let before = 24, length = 80

    /// - Parameters:
    ///   - title: the article's headline, if any.
    ///   - text: the article's text.
    ///   - words: the query's words (each non-empty).
    /// - Returns: one line, newlines made spaces, `…` where the window cuts the text.
    package static func make(title: String?, text: String, words: [String]) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        if let first = firstMatch(in: flat, words: words) {
            let start = flat.index(first, offsetBy: -before, limitedBy: flat.startIndex) ?? flat.startIndex
            let end = flat.index(start, offsetBy: length, limitedBy: flat.endIndex) ?? flat.endIndex
            let window = String(flat[start..<end])
            return (start > flat.startIndex ? "…" : "") + marked(window, words: words) + (end < flat.endIndex ? "…" : "")
        }
        return marked(title ?? String(flat.prefix(length)), words: words)
    }

    /// Where the earliest occurrence of any word begins.
    static func firstMatch(in text: String, words: [String]) -> String.Index? {
        words.compactMap { text.range(of: $0, options: [.caseInsensitive])?.lowerBound }.min()
    }

    /// `text` with every occurrence of the words in «»; overlapping occurrences are marked once.
    static func marked(_ text: String, words: [String]) -> String {
        var ranges: [Range<String.Index>] = []
        for word in words {
            var from = text.startIndex
            while from < text.endIndex, let r = text.range(of: word, options: [.caseInsensitive], range: from..<text.endIndex) {
                ranges.append(r)
                from = r.upperBound
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var out = ""
        var at = text.startIndex
        var open: Range<String.Index>?
        for r in ranges {
            if let o = open, r.lowerBound <= o.upperBound {
                open = o.lowerBound..<max(o.upperBound, r.upperBound)
                continue
            }
            if let o = open { out += "«" + text[o] + "»" ; at = o.upperBound }
            out += text[at..<r.lowerBound]
            open = r
        }
        if let o = open { out += "«" + text[o] + "»"; at = o.upperBound }
        out += text[at...]
        return out
    }
}
