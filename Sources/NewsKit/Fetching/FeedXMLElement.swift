import Foundation
import NewsKitCore
import NewsKitHTML

extension FeedXML {
    /// One element of a feed or sitemap: its name (prefix kept), attributes, children and own text.
    package struct Element: Sendable, Hashable {
        package var name: String
        package var attributes: [String: String]
        package var children: [FeedXML.Element]
        /// The element's own text (CDATA included), whitespace kept.
        package var text: String

        /// The local name, without a namespace prefix, lowercased.
        package var localName: String {
            String(name.split(separator: ":").last ?? Substring(name)).lowercased()
        }

        /// Whether the local name is `local` (lowercase ASCII), compared on bytes without making a String.
        package func hasLocalName(_ local: String) -> Bool {
            let name = self.name.utf8
            let start = name.lastIndex(of: UInt8(ascii: ":")).map { name.index(after: $0) } ?? name.startIndex
            var i = start
            for c in local.utf8 {
                guard i != name.endIndex else { return false }
                let b = name[i]
                guard (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == c else { return false }
                i = name.index(after: i)
            }
            return i == name.endIndex
        }

        /// Direct children with this local name.
        package func children(_ local: String) -> [FeedXML.Element] { children.filter { $0.hasLocalName(local) } }
        /// The first direct child with this local name.
        package func child(_ local: String) -> FeedXML.Element? { children.first { $0.hasLocalName(local) } }
        /// The trimmed text of the first child with this local name.
        package func value(_ local: String) -> String? {
            child(local).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        /// Every descendant with this local name, in document order.
        package func descendants(_ local: String) -> [FeedXML.Element] {
            var out: [FeedXML.Element] = []
            var stack = Array(children.reversed())
            while let e = stack.popLast() {
                if e.hasLocalName(local) { out.append(e) }
                stack.append(contentsOf: e.children.reversed())
            }
            return out
        }
    }
}
