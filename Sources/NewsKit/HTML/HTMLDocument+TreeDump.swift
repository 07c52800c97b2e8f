extension HTMLDocument {
    /// The tree in the html5lib tree-construction test format (`| <html>`, `|   <head>` …):
    /// attributes sorted by name, text in double quotes, template contents under `content`.
    /// For a fragment parse, the fragment's nodes are printed at the top level.
    /// - Returns: one line per node, attribute and `content` marker, joined with newlines (no
    ///   trailing newline); empty for a document with no nodes under its root.
    public func treeDump() -> String {
        var lines: [String] = []
        let top = fragmentRoot ?? root
        var stack: [(node: HTMLNode, depth: Int)] = top.childNodes.reversed().map { ($0, 0) }
        while let (node, depth) = stack.popLast() {
            let indent = String(repeating: "  ", count: depth)
            switch node.kind {
            case .doctype:
                let d = store.doctypes[node.index] ?? DoctypeRecord(name: "", publicID: nil, systemID: nil)
                let p = d.publicID ?? "", s = d.systemID ?? ""
                if p.isEmpty && s.isEmpty {
                    lines.append("| \(indent)<!DOCTYPE \(d.name)>")
                } else {
                    lines.append("| \(indent)<!DOCTYPE \(d.name) \"\(p)\" \"\(s)\">")
                }
            case .comment:
                lines.append("| \(indent)<!-- \(node.data) -->")
            case .text:
                lines.append("| \(indent)\"\(node.data)\"")
            case .element:
                let prefix: String
                switch node.namespace {
                case .html: prefix = ""
                case .svg: prefix = "svg "
                case .mathml: prefix = "math "
                }
                lines.append("| \(indent)<\(prefix)\(node.tagName)>")
                let r = node.record
                var attrs: [(String, String)] = []
                for i in Int(r.start)..<Int(r.end) {
                    let a = store.attributes[i]
                    var name = store.names.spelling(of: a.name)
                    switch a.namespace {
                    case .none: break
                    case .xlink: name = "xlink " + name
                    case .xml: name = "xml " + name
                    case .xmlns: name = "xmlns " + name
                    }
                    attrs.append((name, String(decoding: store.text[Int(a.valueStart)..<Int(a.valueEnd)], as: UTF8.self)))
                }
                attrs.sort { Array($0.0.utf16).lexicographicallyPrecedes(Array($1.0.utf16)) }
                for (name, value) in attrs { lines.append("| \(indent)  \(name)=\"\(value)\"") }
                if let content = node.templateContent {
                    lines.append("| \(indent)  content")
                    for child in content.childNodes.reversed() { stack.append((child, depth + 2)) }
                }
                for child in node.childNodes.reversed() { stack.append((child, depth + 1)) }
            case .document, .fragment:
                for child in node.childNodes.reversed() { stack.append((child, depth)) }
            }
        }
        return lines.joined(separator: "\n")
    }
}
