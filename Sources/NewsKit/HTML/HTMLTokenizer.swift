/// The WHATWG HTML tokenizer over UTF-8 bytes (after input preprocessing: no CR bytes).
///
/// All special characters of the grammar are ASCII, so multi-byte UTF-8 sequences pass through
/// every state unchanged; only character references produce new bytes.
struct HTMLTokenizer<Sink: TokenSink> {
    private enum S: UInt8 {
        case data, rcdata, rawtext, scriptData, plaintext
        case tagOpen, endTagOpen, tagName
        case rcdataLessThan, rcdataEndTagOpen, rcdataEndTagName
        case rawtextLessThan, rawtextEndTagOpen, rawtextEndTagName
        case scriptLessThan, scriptEndTagOpen, scriptEndTagName
        case scriptEscapeStart, scriptEscapeStartDash, scriptEscaped, scriptEscapedDash, scriptEscapedDashDash
        case scriptEscapedLessThan, scriptEscapedEndTagOpen, scriptEscapedEndTagName
        case scriptDoubleEscapeStart, scriptDoubleEscaped, scriptDoubleEscapedDash, scriptDoubleEscapedDashDash
        case scriptDoubleEscapedLessThan, scriptDoubleEscapeEnd
        case beforeAttributeName, attributeName, afterAttributeName, beforeAttributeValue
        case attributeValueDoubleQuoted, attributeValueSingleQuoted, attributeValueUnquoted, afterAttributeValueQuoted
        case selfClosingStartTag, bogusComment, markupDeclarationOpen
        case commentStart, commentStartDash, comment, commentLessThan, commentLessThanBang, commentLessThanBangDash
        case commentLessThanBangDashDash, commentEndDash, commentEnd, commentEndBang
        case doctype, beforeDoctypeName, doctypeName, afterDoctypeName
        case afterDoctypePublicKeyword, beforeDoctypePublicID, doctypePublicIDDoubleQuoted, doctypePublicIDSingleQuoted
        case afterDoctypePublicID, betweenDoctypePublicAndSystemIDs
        case afterDoctypeSystemKeyword, beforeDoctypeSystemID, doctypeSystemIDDoubleQuoted, doctypeSystemIDSingleQuoted
        case afterDoctypeSystemID, bogusDoctype
        case cdataSection, cdataSectionBracket, cdataSectionEnd
    }

    private let input: UnsafeBufferPointer<UInt8>
    var sink: Sink
    private var state: S = .data
    private var pos = 0
    private var text: [UInt8] = []        // pending character token
    private var tag = TagToken()
    private var commentData: [UInt8] = []
    private var doctypeToken = DoctypeToken()
    private var tempBuffer: [UInt8] = []
    private var lastStartTag: [UInt8] = []
    private var attributeIsDuplicate = false

    /// - Parameters:
    ///   - input: preprocessed UTF-8 bytes; the caller keeps them alive while the tokenizer runs.
    ///   - initialState: the content state to start in (fragment parsing and tests).
    ///   - lastStartTag: the "last start tag" for the appropriate-end-tag check.
    init(input: UnsafeBufferPointer<UInt8>, sink: Sink, initialState: TokenizerState = .data, lastStartTag: String? = nil) {
        self.input = input
        self.sink = sink
        self.state = HTMLTokenizer.state(for: initialState)
        if let lastStartTag { self.lastStartTag = Array(lastStartTag.utf8) }
        text.reserveCapacity(1024)
    }

    private static func state(for s: TokenizerState) -> S {
        switch s {
        case .data: return .data
        case .rcdata: return .rcdata
        case .rawtext: return .rawtext
        case .scriptData: return .scriptData
        case .plaintext: return .plaintext
        case .cdataSection: return .cdataSection
        }
    }

    // MARK: Emitting

    private mutating func flushText() {
        if text.isEmpty { return }
        let run = text
        run.withUnsafeBufferPointer { sink.processCharacters($0) }
        text.removeAll(keepingCapacity: true)
    }

    @inline(__always) private mutating func emitReplacementCharacter() {
        text.append(0xEF); text.append(0xBF); text.append(0xBD)
    }

    private mutating func emitNUL() {
        flushText()
        text.append(0)
        flushText()
    }

    private mutating func emitTag() {
        dropDuplicateAttribute()
        flushText()
        if tag.isEndTag {
            sink.processEndTag(tag)
        } else {
            sink.processStartTag(tag)
            if let requested = sink.takeRequestedTokenizerState() {
                // The last start tag only matters in the text states, and only a start tag the sink
                // answers with one of them can lead there (no start tag is emitted inside them), so
                // it is kept for those alone: a copy per start tag made the next one reallocate.
                lastStartTag.removeAll(keepingCapacity: true)
                lastStartTag.append(contentsOf: tag.name)
                state = HTMLTokenizer.state(for: requested)
                return
            }
        }
        state = .data
    }

    private mutating func emitComment() {
        flushText()
        let data = commentData
        data.withUnsafeBufferPointer { sink.processComment($0) }
    }

    private mutating func emitDoctype() {
        flushText()
        sink.processDoctype(doctypeToken)
    }

    private mutating func emitEOF() {
        flushText()
        sink.processEndOfFile()
    }

    private mutating func startTag(end: Bool) {
        tag.name.removeAll(keepingCapacity: true)
        if !tag.attributes.isEmpty {
            tag.attributes.removeAll(keepingCapacity: true)
            tag.attributeBytes.removeAll(keepingCapacity: true)
        }
        tag.selfClosing = false
        tag.isEndTag = end
        attributeIsDuplicate = false
    }

    private mutating func startAttribute() {
        dropDuplicateAttribute()
        let here = Int32(tag.attributeBytes.count)
        tag.attributes.append(TokenAttribute(nameStart: here, nameEnd: here, valueEnd: here))
    }

    /// Called when the attribute name is complete: a repeated name is dropped (after its value is read).
    private mutating func finishAttributeName() {
        let n = tag.attributes.count - 1
        guard n >= 0 else { return }
        let here = Int32(tag.attributeBytes.count)
        tag.attributes[n].nameEnd = here
        tag.attributes[n].valueEnd = here
        let current = tag.attributes[n]
        let len = Int(current.nameEnd - current.nameStart)
        attributeIsDuplicate = false
        tag.attributeBytes.withUnsafeBufferPointer { bytes in
            for i in 0..<n {
                let other = tag.attributes[i]
                if Int(other.nameEnd - other.nameStart) != len { continue }
                var same = true
                for j in 0..<len where bytes[Int(other.nameStart) + j] != bytes[Int(current.nameStart) + j] {
                    same = false; break
                }
                if same { attributeIsDuplicate = true; return }
            }
        }
    }

    private mutating func dropDuplicateAttribute() {
        if attributeIsDuplicate, let last = tag.attributes.popLast() {
            tag.attributeBytes.removeSubrange(Int(last.nameStart)...)
            attributeIsDuplicate = false
        }
    }

    @inline(__always) private mutating func appendToAttributeValue(_ b: UInt8) {
        tag.attributeBytes.append(b)
        tag.attributes[tag.attributes.count - 1].valueEnd += 1
    }

    private mutating func appendToAttributeValue(_ bytes: [UInt8]) {
        tag.attributeBytes.append(contentsOf: bytes)
        tag.attributes[tag.attributes.count - 1].valueEnd += Int32(bytes.count)
    }

    private var isAppropriateEndTag: Bool { !lastStartTag.isEmpty && tag.name == lastStartTag }

    @inline(__always) private static func isWhitespace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0C
    }
    @inline(__always) private static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) private static func lower(_ c: UInt8) -> UInt8 { (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }

    private func matches(_ word: StaticString, at p: Int, caseInsensitive: Bool) -> Bool {
        let n = word.utf8CodeUnitCount
        guard p + n <= input.count else { return false }
        let w = word.utf8Start
        for i in 0..<n {
            let c = input[p + i]
            if caseInsensitive ? HTMLTokenizer.lower(c) != w[i] : c != w[i] { return false }
        }
        return true
    }

    // MARK: Scanning

    @inline(__always) private static func hasZeroByte(_ v: UInt64) -> UInt64 {
        (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
    }

    /// The first position at or after `start` holding `a`, `b` or `c` (or `input.count`),
    /// eight bytes at a time. The lowest flagged byte of a word is always a true match.
    @inline(__always)
    private static func scan(_ p: UnsafeBufferPointer<UInt8>, from start: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        var i = start
        let n = p.count
        guard let base = p.baseAddress else { return n }
        let ma = 0x0101_0101_0101_0101 &* UInt64(a)
        let mb = 0x0101_0101_0101_0101 &* UInt64(b)
        let mc = 0x0101_0101_0101_0101 &* UInt64(c)
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let hit = hasZeroByte(w ^ ma) | hasZeroByte(w ^ mb) | hasZeroByte(w ^ mc)
            if hit != 0 { return i + hit.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n {
            let ch = p[i]
            if ch == a || ch == b || ch == c { return i }
            i += 1
        }
        return n
    }

    // MARK: Character references

    /// Consumes a character reference after the `&` at `pos - 1` and appends its expansion (or the
    /// literal text) to the text or to the current attribute value.
    private mutating func consumeCharacterReference(inAttribute: Bool) {
        var out: [UInt8] = []
        let consumedEnd = CharacterReference.decode(input, at: pos, inAttribute: inAttribute, into: &out)
        if consumedEnd == pos {
            if inAttribute { appendToAttributeValue(0x26) } else { text.append(0x26) }
            return
        }
        pos = consumedEnd
        if inAttribute { appendToAttributeValue(out) } else { text.append(contentsOf: out) }
    }

    // MARK: The state machine

    /// Runs the tokenizer to the end of the input, emitting every token to the sink.
    /// Hands on a run of ordinary text from the input: straight to the sink when no character
    /// token is pending (splitting character tokens anywhere is allowed: the tree builder
    /// merges text), else after the pending text.
    @inline(__always)
    private mutating func passRun(_ run: UnsafeBufferPointer<UInt8>) {
        guard !run.isEmpty else { return }
        if text.isEmpty { sink.processCharacters(run) } else { text.append(contentsOf: run) }
    }

    mutating func run() {
        let end = input.count
        let inp = input
        while true {
            switch state {
            case .data:
                // Fast path: a run of ordinary bytes goes to the sink straight from the input
                // (splitting character tokens anywhere is allowed: the tree builder merges text).
                let start = pos
                pos = HTMLTokenizer.scan(inp, from: pos, 0x3C, 0x26, 0)
                passRun(UnsafeBufferPointer(rebasing: inp[start..<pos]))
                if pos >= end { emitEOF(); return }
                let c = inp[pos]; pos += 1
                if c == 0x26 { consumeCharacterReference(inAttribute: false) }
                else if c == 0x3C { state = .tagOpen }
                else { emitNUL() }

            case .rcdata:
                let start = pos
                pos = HTMLTokenizer.scan(inp, from: pos, 0x3C, 0x26, 0)
                if pos > start { text.append(contentsOf: UnsafeBufferPointer(rebasing: inp[start..<pos])) }
                if pos >= end { emitEOF(); return }
                let c = inp[pos]; pos += 1
                if c == 0x26 { consumeCharacterReference(inAttribute: false) }
                else if c == 0x3C { state = .rcdataLessThan }
                else { emitReplacementCharacter() }

            case .rawtext, .scriptData:
                let start = pos
                pos = HTMLTokenizer.scan(inp, from: pos, 0x3C, 0, 0)
                passRun(UnsafeBufferPointer(rebasing: inp[start..<pos]))
                if pos >= end { emitEOF(); return }
                let c = inp[pos]; pos += 1
                if c == 0x3C { state = state == .rawtext ? .rawtextLessThan : .scriptLessThan }
                else { emitReplacementCharacter() }

            case .plaintext:
                while pos < end {
                    let c = inp[pos]; pos += 1
                    if c == 0 { emitReplacementCharacter() } else { text.append(c) }
                }
                emitEOF(); return

            case .tagOpen:
                if pos >= end { text.append(0x3C); emitEOF(); return }
                let c = inp[pos]
                if c == 0x21 { pos += 1; state = .markupDeclarationOpen }
                else if c == 0x2F { pos += 1; state = .endTagOpen }
                else if HTMLTokenizer.isAlpha(c) { startTag(end: false); state = .tagName }
                else if c == 0x3F { commentData.removeAll(keepingCapacity: true); state = .bogusComment }
                else { text.append(0x3C); state = .data }

            case .endTagOpen:
                if pos >= end { text.append(0x3C); text.append(0x2F); emitEOF(); return }
                let c = inp[pos]
                if HTMLTokenizer.isAlpha(c) { startTag(end: true); state = .tagName }
                else if c == 0x3E { pos += 1; state = .data }
                else { commentData.removeAll(keepingCapacity: true); state = .bogusComment }

            case .tagName:
                // Fast path for the common lowercase name bytes.
                let nameStart = pos
                while pos < end {
                    let c = inp[pos]
                    if c >= 0x61 && c <= 0x7A || c >= 0x30 && c <= 0x39 || c == 0x2D { pos += 1 } else { break }
                }
                if pos > nameStart { tag.name.append(contentsOf: UnsafeBufferPointer(rebasing: inp[nameStart..<pos])) }
                if pos >= end { emitEOF(); return }
                let c = inp[pos]; pos += 1
                if HTMLTokenizer.isWhitespace(c) { state = .beforeAttributeName }
                else if c == 0x2F { state = .selfClosingStartTag }
                else if c == 0x3E { emitTag() }
                else if c == 0 { tag.name.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
                else { tag.name.append(HTMLTokenizer.lower(c)) }

            case .rcdataLessThan, .rawtextLessThan:
                let back: S = state == .rcdataLessThan ? .rcdata : .rawtext
                if pos < end && inp[pos] == 0x2F {
                    pos += 1
                    tempBuffer.removeAll(keepingCapacity: true)
                    state = back == .rcdata ? .rcdataEndTagOpen : .rawtextEndTagOpen
                } else {
                    text.append(0x3C); state = back
                }

            case .rcdataEndTagOpen, .rawtextEndTagOpen, .scriptEndTagOpen, .scriptEscapedEndTagOpen:
                let (back, next): (S, S) = {
                    switch state {
                    case .rcdataEndTagOpen: return (.rcdata, .rcdataEndTagName)
                    case .rawtextEndTagOpen: return (.rawtext, .rawtextEndTagName)
                    case .scriptEndTagOpen: return (.scriptData, .scriptEndTagName)
                    default: return (.scriptEscaped, .scriptEscapedEndTagName)
                    }
                }()
                if pos < end && HTMLTokenizer.isAlpha(inp[pos]) {
                    startTag(end: true); state = next
                } else {
                    text.append(0x3C); text.append(0x2F); state = back
                }

            case .rcdataEndTagName, .rawtextEndTagName, .scriptEndTagName, .scriptEscapedEndTagName:
                let back: S = {
                    switch state {
                    case .rcdataEndTagName: return .rcdata
                    case .rawtextEndTagName: return .rawtext
                    case .scriptEndTagName: return .scriptData
                    default: return .scriptEscaped
                    }
                }()
                var handled = false
                if pos < end {
                    let c = inp[pos]
                    if HTMLTokenizer.isWhitespace(c) && isAppropriateEndTag { pos += 1; state = .beforeAttributeName; handled = true }
                    else if c == 0x2F && isAppropriateEndTag { pos += 1; state = .selfClosingStartTag; handled = true }
                    else if c == 0x3E && isAppropriateEndTag { pos += 1; emitTag(); handled = true }
                    else if HTMLTokenizer.isAlpha(c) {
                        pos += 1; tag.name.append(HTMLTokenizer.lower(c)); tempBuffer.append(c); handled = true
                    }
                }
                if !handled {
                    text.append(0x3C); text.append(0x2F); text.append(contentsOf: tempBuffer)
                    state = back
                }

            case .scriptLessThan:
                if pos < end && inp[pos] == 0x2F {
                    pos += 1; tempBuffer.removeAll(keepingCapacity: true); state = .scriptEndTagOpen
                } else if pos < end && inp[pos] == 0x21 {
                    pos += 1; text.append(0x3C); text.append(0x21); state = .scriptEscapeStart
                } else {
                    text.append(0x3C); state = .scriptData
                }

            case .scriptEscapeStart:
                if pos < end && inp[pos] == 0x2D { pos += 1; text.append(0x2D); state = .scriptEscapeStartDash }
                else { state = .scriptData }

            case .scriptEscapeStartDash:
                if pos < end && inp[pos] == 0x2D { pos += 1; text.append(0x2D); state = .scriptEscapedDashDash }
                else { state = .scriptData }

            case .scriptEscaped:
                let start = pos
                pos = HTMLTokenizer.scan(inp, from: pos, 0x2D, 0x3C, 0)
                if pos > start { text.append(contentsOf: UnsafeBufferPointer(rebasing: inp[start..<pos])) }
                if pos >= end { emitEOF(); return }
                let c = inp[pos]; pos += 1
                if c == 0x2D { text.append(0x2D); state = .scriptEscapedDash }
                else if c == 0x3C { state = .scriptEscapedLessThan }
                else { emitReplacementCharacter() }

            case .scriptEscapedDash, .scriptEscapedDashDash:
                if pos >= end { emitEOF(); return }
                let c = inp[pos]; pos += 1
                if c == 0x2D {
                    text.append(0x2D); state = .scriptEscapedDashDash
                } else if c == 0x3C {
                    state = .scriptEscapedLessThan
                } else if c == 0x3E && state == .scriptEscapedDashDash {
                    text.append(0x3E); state = .scriptData
                } else if c == 0 {
                    emitReplacementCharacter(); state = .scriptEscaped
                } else {
                    text.append(c); state = .scriptEscaped
                }

            case .scriptEscapedLessThan:
                if pos < end && inp[pos] == 0x2F {
                    pos += 1; tempBuffer.removeAll(keepingCapacity: true); state = .scriptEscapedEndTagOpen
                } else if pos < end && HTMLTokenizer.isAlpha(inp[pos]) {
                    tempBuffer.removeAll(keepingCapacity: true); text.append(0x3C); state = .scriptDoubleEscapeStart
                } else {
                    text.append(0x3C); state = .scriptEscaped
                }

            case .scriptDoubleEscapeStart, .scriptDoubleEscapeEnd:
                let starting = state == .scriptDoubleEscapeStart
                if pos < end {
                    let c = inp[pos]
                    if HTMLTokenizer.isWhitespace(c) || c == 0x2F || c == 0x3E {
                        pos += 1
                        let isScript = tempBuffer.elementsEqual("script".utf8)
                        if starting { state = isScript ? .scriptDoubleEscaped : .scriptEscaped }
                        else { state = isScript ? .scriptEscaped : .scriptDoubleEscaped }
                        text.append(c)
                        continue
                    }
                    if HTMLTokenizer.isAlpha(c) {
                        pos += 1; tempBuffer.append(HTMLTokenizer.lower(c)); text.append(c)
                        continue
                    }
                }
                state = starting ? .scriptEscaped : .scriptDoubleEscaped

            case .scriptDoubleEscaped:
                let start = pos
                pos = HTMLTokenizer.scan(inp, from: pos, 0x2D, 0x3C, 0)
                if pos > start { text.append(contentsOf: UnsafeBufferPointer(rebasing: inp[start..<pos])) }
                if pos >= end { emitEOF(); return }
                let c = inp[pos]; pos += 1
                if c == 0x2D { text.append(0x2D); state = .scriptDoubleEscapedDash }
                else if c == 0x3C { text.append(0x3C); state = .scriptDoubleEscapedLessThan }
                else { emitReplacementCharacter() }

            case .scriptDoubleEscapedDash, .scriptDoubleEscapedDashDash:
                if pos >= end { emitEOF(); return }
                let c = inp[pos]; pos += 1
                if c == 0x2D {
                    text.append(0x2D); state = .scriptDoubleEscapedDashDash
                } else if c == 0x3C {
                    text.append(0x3C); state = .scriptDoubleEscapedLessThan
                } else if c == 0x3E && state == .scriptDoubleEscapedDashDash {
                    text.append(0x3E); state = .scriptData
                } else if c == 0 {
                    emitReplacementCharacter(); state = .scriptDoubleEscaped
                } else {
                    text.append(c); state = .scriptDoubleEscaped
                }

            case .scriptDoubleEscapedLessThan:
                if pos < end && inp[pos] == 0x2F {
                    pos += 1; tempBuffer.removeAll(keepingCapacity: true); text.append(0x2F); state = .scriptDoubleEscapeEnd
                } else {
                    state = .scriptDoubleEscaped
                }

            case .beforeAttributeName:
                while pos < end && HTMLTokenizer.isWhitespace(inp[pos]) { pos += 1 }
                if pos >= end { state = .afterAttributeName; continue }
                let c = inp[pos]
                if c == 0x2F || c == 0x3E { state = .afterAttributeName }
                else if c == 0x3D {
                    pos += 1
                    startAttribute(); tag.attributeBytes.append(c); state = .attributeName
                } else {
                    startAttribute(); state = .attributeName
                }

            case .attributeName:
                let nameStart = pos
                while pos < end {
                    let c = inp[pos]
                    if c >= 0x61 && c <= 0x7A || c == 0x2D || c >= 0x30 && c <= 0x39 || c == 0x5F || c == 0x3A { pos += 1 } else { break }
                }
                if pos > nameStart { tag.attributeBytes.append(contentsOf: UnsafeBufferPointer(rebasing: inp[nameStart..<pos])) }
                if pos >= end { finishAttributeName(); state = .afterAttributeName; continue }
                let c = inp[pos]
                if HTMLTokenizer.isWhitespace(c) || c == 0x2F || c == 0x3E {
                    finishAttributeName(); state = .afterAttributeName
                } else if c == 0x3D {
                    pos += 1; finishAttributeName(); state = .beforeAttributeValue
                } else if c == 0 {
                    pos += 1; tag.attributeBytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                } else {
                    pos += 1; tag.attributeBytes.append(HTMLTokenizer.lower(c))
                }

            case .afterAttributeName:
                while pos < end && HTMLTokenizer.isWhitespace(inp[pos]) { pos += 1 }
                if pos >= end { emitEOF(); return }
                let c = inp[pos]
                if c == 0x2F { pos += 1; state = .selfClosingStartTag }
                else if c == 0x3D { pos += 1; state = .beforeAttributeValue }
                else if c == 0x3E { pos += 1; emitTag() }
                else { startAttribute(); state = .attributeName }

            case .beforeAttributeValue:
                while pos < end && HTMLTokenizer.isWhitespace(inp[pos]) { pos += 1 }
                if pos < end {
                    let c = inp[pos]
                    if c == 0x22 { pos += 1; state = .attributeValueDoubleQuoted; continue }
                    if c == 0x27 { pos += 1; state = .attributeValueSingleQuoted; continue }
                    if c == 0x3E { pos += 1; emitTag(); continue }
                }
                state = .attributeValueUnquoted

            case .attributeValueDoubleQuoted, .attributeValueSingleQuoted:
                let quote: UInt8 = state == .attributeValueDoubleQuoted ? 0x22 : 0x27
                let start = pos
                pos = HTMLTokenizer.scan(inp, from: pos, quote, 0x26, 0)
                if pos > start {
                    tag.attributeBytes.append(contentsOf: UnsafeBufferPointer(rebasing: inp[start..<pos]))
                    tag.attributes[tag.attributes.count - 1].valueEnd += Int32(pos - start)
                }
                if pos >= end { emitEOF(); return }
                let c = inp[pos]; pos += 1
                if c == quote { state = .afterAttributeValueQuoted }
                else if c == 0x26 { consumeCharacterReference(inAttribute: true) }
                else { appendToAttributeValue([0xEF, 0xBF, 0xBD]) }

            case .attributeValueUnquoted:
                if pos >= end { emitEOF(); return }
                let c = inp[pos]; pos += 1
                if HTMLTokenizer.isWhitespace(c) { state = .beforeAttributeName }
                else if c == 0x26 { consumeCharacterReference(inAttribute: true) }
                else if c == 0x3E { emitTag() }
                else if c == 0 { appendToAttributeValue([0xEF, 0xBF, 0xBD]) }
                else { appendToAttributeValue(c) }

            case .afterAttributeValueQuoted:
                if pos >= end { emitEOF(); return }
                let c = inp[pos]
                if HTMLTokenizer.isWhitespace(c) { pos += 1; state = .beforeAttributeName }
                else if c == 0x2F { pos += 1; state = .selfClosingStartTag }
                else if c == 0x3E { pos += 1; emitTag() }
                else { state = .beforeAttributeName }

            case .selfClosingStartTag:
                if pos >= end { emitEOF(); return }
                if inp[pos] == 0x3E { pos += 1; tag.selfClosing = true; emitTag() }
                else { state = .beforeAttributeName }

            case .bogusComment:
                while pos < end {
                    let c = inp[pos]; pos += 1
                    if c == 0x3E { emitComment(); state = .data; break }
                    if c == 0 { commentData.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { commentData.append(c) }
                }
                if state == .bogusComment { emitComment(); emitEOF(); return }

            case .markupDeclarationOpen:
                if matches("--", at: pos, caseInsensitive: false) {
                    pos += 2; commentData.removeAll(keepingCapacity: true); state = .commentStart
                } else if matches("doctype", at: pos, caseInsensitive: true) {
                    pos += 7; state = .doctype
                } else if matches("[CDATA[", at: pos, caseInsensitive: false) {
                    pos += 7
                    if sink.allowsCDATA {
                        state = .cdataSection
                    } else {
                        commentData.removeAll(keepingCapacity: true)
                        commentData.append(contentsOf: "[CDATA[".utf8)
                        state = .bogusComment
                    }
                } else {
                    commentData.removeAll(keepingCapacity: true); state = .bogusComment
                }

            case .commentStart:
                if pos < end && inp[pos] == 0x2D { pos += 1; state = .commentStartDash }
                else if pos < end && inp[pos] == 0x3E { pos += 1; emitComment(); state = .data }
                else { state = .comment }

            case .commentStartDash:
                if pos >= end { emitComment(); emitEOF(); return }
                let c = inp[pos]
                if c == 0x2D { pos += 1; state = .commentEnd }
                else if c == 0x3E { pos += 1; emitComment(); state = .data }
                else { commentData.append(0x2D); state = .comment }

            case .comment:
                let start = pos
                pos = HTMLTokenizer.scan(inp, from: pos, 0x3C, 0x2D, 0)
                if pos > start { commentData.append(contentsOf: UnsafeBufferPointer(rebasing: inp[start..<pos])) }
                if pos >= end { emitComment(); emitEOF(); return }
                let c = inp[pos]; pos += 1
                if c == 0x3C { commentData.append(c); state = .commentLessThan }
                else if c == 0x2D { state = .commentEndDash }
                else { commentData.append(contentsOf: [0xEF, 0xBF, 0xBD]) }

            case .commentLessThan:
                if pos < end && inp[pos] == 0x21 { pos += 1; commentData.append(0x21); state = .commentLessThanBang }
                else if pos < end && inp[pos] == 0x3C { pos += 1; commentData.append(0x3C) }
                else { state = .comment }

            case .commentLessThanBang:
                if pos < end && inp[pos] == 0x2D { pos += 1; state = .commentLessThanBangDash }
                else { state = .comment }

            case .commentLessThanBangDash:
                if pos < end && inp[pos] == 0x2D { pos += 1; state = .commentLessThanBangDashDash }
                else { state = .commentEndDash }

            case .commentLessThanBangDashDash:
                state = .commentEnd

            case .commentEndDash:
                if pos >= end { emitComment(); emitEOF(); return }
                if inp[pos] == 0x2D { pos += 1; state = .commentEnd }
                else { commentData.append(0x2D); state = .comment }

            case .commentEnd:
                if pos >= end { emitComment(); emitEOF(); return }
                let c = inp[pos]
                if c == 0x3E { pos += 1; emitComment(); state = .data }
                else if c == 0x21 { pos += 1; state = .commentEndBang }
                else if c == 0x2D { pos += 1; commentData.append(0x2D) }
                else { commentData.append(0x2D); commentData.append(0x2D); state = .comment }

            case .commentEndBang:
                if pos >= end { emitComment(); emitEOF(); return }
                let c = inp[pos]
                if c == 0x2D { pos += 1; commentData.append(contentsOf: [0x2D, 0x2D, 0x21]); state = .commentEndDash }
                else if c == 0x3E { pos += 1; emitComment(); state = .data }
                else { commentData.append(contentsOf: [0x2D, 0x2D, 0x21]); state = .comment }

            case .doctype:
                doctypeToken = DoctypeToken()
                if pos >= end { doctypeToken.forceQuirks = true; emitDoctype(); emitEOF(); return }
                if HTMLTokenizer.isWhitespace(inp[pos]) { pos += 1 }
                state = .beforeDoctypeName

            case .beforeDoctypeName:
                while pos < end && HTMLTokenizer.isWhitespace(inp[pos]) { pos += 1 }
                if pos >= end { doctypeToken.forceQuirks = true; emitDoctype(); emitEOF(); return }
                let c = inp[pos]; pos += 1
                if c == 0x3E { doctypeToken.forceQuirks = true; emitDoctype(); state = .data }
                else if c == 0 { doctypeToken.name = [0xEF, 0xBF, 0xBD]; state = .doctypeName }
                else { doctypeToken.name = [HTMLTokenizer.lower(c)]; state = .doctypeName }

            case .doctypeName:
                if pos >= end { doctypeToken.forceQuirks = true; emitDoctype(); emitEOF(); return }
                let c = inp[pos]; pos += 1
                if HTMLTokenizer.isWhitespace(c) { state = .afterDoctypeName }
                else if c == 0x3E { emitDoctype(); state = .data }
                else if c == 0 { doctypeToken.name!.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
                else { doctypeToken.name!.append(HTMLTokenizer.lower(c)) }

            case .afterDoctypeName:
                while pos < end && HTMLTokenizer.isWhitespace(inp[pos]) { pos += 1 }
                if pos >= end { doctypeToken.forceQuirks = true; emitDoctype(); emitEOF(); return }
                if inp[pos] == 0x3E { pos += 1; emitDoctype(); state = .data }
                else if matches("public", at: pos, caseInsensitive: true) { pos += 6; state = .afterDoctypePublicKeyword }
                else if matches("system", at: pos, caseInsensitive: true) { pos += 6; state = .afterDoctypeSystemKeyword }
                else { doctypeToken.forceQuirks = true; state = .bogusDoctype }

            case .afterDoctypePublicKeyword, .beforeDoctypePublicID, .afterDoctypeSystemKeyword, .beforeDoctypeSystemID:
                let isPublic = state == .afterDoctypePublicKeyword || state == .beforeDoctypePublicID
                if state == .afterDoctypePublicKeyword || state == .afterDoctypeSystemKeyword {
                    if pos < end && HTMLTokenizer.isWhitespace(inp[pos]) {
                        pos += 1; state = isPublic ? .beforeDoctypePublicID : .beforeDoctypeSystemID; continue
                    }
                } else {
                    while pos < end && HTMLTokenizer.isWhitespace(inp[pos]) { pos += 1 }
                }
                if pos >= end { doctypeToken.forceQuirks = true; emitDoctype(); emitEOF(); return }
                let c = inp[pos]
                if c == 0x22 || c == 0x27 {
                    pos += 1
                    if isPublic {
                        doctypeToken.publicID = []
                        state = c == 0x22 ? .doctypePublicIDDoubleQuoted : .doctypePublicIDSingleQuoted
                    } else {
                        doctypeToken.systemID = []
                        state = c == 0x22 ? .doctypeSystemIDDoubleQuoted : .doctypeSystemIDSingleQuoted
                    }
                } else if c == 0x3E {
                    pos += 1; doctypeToken.forceQuirks = true; emitDoctype(); state = .data
                } else {
                    doctypeToken.forceQuirks = true; state = .bogusDoctype
                }

            case .doctypePublicIDDoubleQuoted, .doctypePublicIDSingleQuoted,
                 .doctypeSystemIDDoubleQuoted, .doctypeSystemIDSingleQuoted:
                let isPublic = state == .doctypePublicIDDoubleQuoted || state == .doctypePublicIDSingleQuoted
                let quote: UInt8 = (state == .doctypePublicIDDoubleQuoted || state == .doctypeSystemIDDoubleQuoted) ? 0x22 : 0x27
                if pos >= end { doctypeToken.forceQuirks = true; emitDoctype(); emitEOF(); return }
                let c = inp[pos]; pos += 1
                if c == quote { state = isPublic ? .afterDoctypePublicID : .afterDoctypeSystemID }
                else if c == 0x3E { doctypeToken.forceQuirks = true; emitDoctype(); state = .data }
                else {
                    let bytes: [UInt8] = c == 0 ? [0xEF, 0xBF, 0xBD] : [c]
                    if isPublic { doctypeToken.publicID!.append(contentsOf: bytes) } else { doctypeToken.systemID!.append(contentsOf: bytes) }
                }

            case .afterDoctypePublicID, .betweenDoctypePublicAndSystemIDs:
                if state == .afterDoctypePublicID {
                    if pos < end && HTMLTokenizer.isWhitespace(inp[pos]) { pos += 1; state = .betweenDoctypePublicAndSystemIDs; continue }
                } else {
                    while pos < end && HTMLTokenizer.isWhitespace(inp[pos]) { pos += 1 }
                }
                if pos >= end { doctypeToken.forceQuirks = true; emitDoctype(); emitEOF(); return }
                let c = inp[pos]
                if c == 0x3E { pos += 1; emitDoctype(); state = .data }
                else if c == 0x22 || c == 0x27 {
                    pos += 1; doctypeToken.systemID = []
                    state = c == 0x22 ? .doctypeSystemIDDoubleQuoted : .doctypeSystemIDSingleQuoted
                } else { doctypeToken.forceQuirks = true; state = .bogusDoctype }

            case .afterDoctypeSystemID:
                while pos < end && HTMLTokenizer.isWhitespace(inp[pos]) { pos += 1 }
                if pos >= end { doctypeToken.forceQuirks = true; emitDoctype(); emitEOF(); return }
                if inp[pos] == 0x3E { pos += 1; emitDoctype(); state = .data }
                else { state = .bogusDoctype }

            case .bogusDoctype:
                while pos < end && inp[pos] != 0x3E { pos += 1 }
                if pos >= end { emitDoctype(); emitEOF(); return }
                pos += 1; emitDoctype(); state = .data

            case .cdataSection:
                let start = pos
                pos = HTMLTokenizer.scan(inp, from: pos, 0x5D, 0x5D, 0x5D)
                if pos > start { text.append(contentsOf: UnsafeBufferPointer(rebasing: inp[start..<pos])) }
                if pos >= end { emitEOF(); return }
                pos += 1; state = .cdataSectionBracket

            case .cdataSectionBracket:
                if pos < end && inp[pos] == 0x5D { pos += 1; state = .cdataSectionEnd }
                else { text.append(0x5D); state = .cdataSection }

            case .cdataSectionEnd:
                if pos < end && inp[pos] == 0x5D { pos += 1; text.append(0x5D) }
                else if pos < end && inp[pos] == 0x3E { pos += 1; state = .data }
                else { text.append(0x5D); text.append(0x5D); state = .cdataSection }
            }
        }
    }
}
