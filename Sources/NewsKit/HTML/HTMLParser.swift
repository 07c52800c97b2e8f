// The C library alone (memchr): the HTML module needs no Foundation, so a program that only
// parses loads none.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Parses HTML the way browsers do (the WHATWG parsing algorithm, scripting off).
///
/// ```swift
/// let doc = HTMLParser.parse("<p class=lead>북한 <b>김정은</b>")
/// try doc.select("p.lead").first?.textContent   // "북한 김정은"
/// ```
///
/// Parsing never fails: any byte sequence gives a document. Input is UTF-8; invalid
/// sequences become U+FFFD. To decode other charsets first, go through ``Page`` and ``Document``.
public enum HTMLParser {
    /// Parses a whole document from UTF-8 bytes.
    /// - Parameter bytes: the markup as UTF-8; invalid sequences become U+FFFD.
    /// - Returns: the document; parsing never fails, any bytes (even none) give one.
    public static func parse(_ bytes: [UInt8]) -> HTMLDocument {
        parse(validatedUTF8: UTF8Repair.repaired(bytes))
    }

    /// Parses a whole document from a string.
    /// - Parameter string: the markup.
    /// - Returns: the document; parsing never fails, any string (even "") gives one.
    public static func parse(_ string: String) -> HTMLDocument {
        parse(validatedUTF8: Array(string.utf8))
    }

    /// Parses bytes known to be valid UTF-8 (for callers that decoded them already).
    package static func parse(validatedUTF8 bytes: [UInt8]) -> HTMLDocument {
        let input = normalizeNewlines(bytes)
        let builder = HTMLTreeBuilder(estimatedBytes: input.count)
        let result: HTMLTreeBuilder = input.withUnsafeBufferPointer { buffer in
            var tokenizer = HTMLTokenizer(input: buffer, sink: builder)
            tokenizer.run()
            return tokenizer.sink
        }
        return HTMLDocument(store: result.store, quirksMode: result.quirks, fragmentRoot: nil)
    }

    /// Parses an HTML fragment as if it were the content of a `context` element (the
    /// `innerHTML` algorithm). The fragment's nodes are the children of ``HTMLDocument/fragmentRoot``.
    ///
    /// - Parameters:
    ///   - string: the markup.
    ///   - context: the local name of the context element, e.g. `"div"`, `"td"`, `"title"`.
    ///   - namespace: the context element's namespace.
    /// - Returns: a document whose ``HTMLDocument/fragmentRoot`` holds the fragment's nodes.
    public static func parseFragment(_ string: String, context: String, namespace: HTMLNamespace = .html) -> HTMLDocument {
        let input = normalizeNewlines(Array(string.utf8))
        var builder = HTMLTreeBuilder(estimatedBytes: input.count)
        let contextName = builder.store.names.intern(context)
        let contextNode = builder.store.makeNode(.element, namespace: namespace, name: contextName)
        builder.context = contextNode
        var initialState = TokenizerState.data
        if namespace == .html {
            switch tagOf(contextName) {
            case .title, .textarea: initialState = .rcdata
            case .style, .xmp, .iframe, .noembed, .noframes: initialState = .rawtext
            case .script: initialState = .scriptData
            case .noscript: initialState = builder.scripting ? .rawtext : .data
            case .plaintext: initialState = .plaintext
            default: break
            }
        }
        builder.insertHTMLRoot()
        if namespace == .html && contextName == KnownName.template.id { builder.templateModes.append(.inTemplate) }
        builder.resetInsertionMode()
        let root = builder.open[0]
        let result: HTMLTreeBuilder = input.withUnsafeBufferPointer { buffer in
            var tokenizer = HTMLTokenizer(input: buffer, sink: builder, initialState: initialState)
            tokenizer.run()
            return tokenizer.sink
        }
        return HTMLDocument(store: result.store, quirksMode: result.quirks, fragmentRoot: root)
    }

    /// Input stream preprocessing: CR LF and lone CR become LF (a copy only when there is a CR).
    static func normalizeNewlines(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { b -> [UInt8] in
            guard let base = b.baseAddress, let firstCR = memchr(base, 0x0D, b.count) else { return bytes }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var start = 0
            var cr = base.distance(to: firstCR.assumingMemoryBound(to: UInt8.self))
            while true {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<cr]))
                out.append(0x0A)
                start = cr + 1
                if start < b.count && b[start] == 0x0A { start += 1 }
                guard start < b.count, let next = memchr(base + start, 0x0D, b.count - start) else { break }
                cr = base.distance(to: next.assumingMemoryBound(to: UInt8.self))
            }
            if start < b.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start...])) }
            return out
        }
    }
}
