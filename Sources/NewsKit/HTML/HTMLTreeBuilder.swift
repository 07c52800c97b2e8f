@inlinable @inline(__always) func tagOf(_ name: UInt32) -> KnownName {
    name < HTMLNames.firstDynamicID ? (KnownName(rawValue: UInt16(name)) ?? .none) : .none
}

/// The WHATWG tree construction stage: consumes tokens, builds a ``NodeStore``.
///
/// Scripting is off, as for a scraper: `noscript` content is parsed as markup.
struct HTMLTreeBuilder: TokenSink {
    enum Mode: UInt8 {
        case initial, beforeHTML, beforeHead, inHead, inHeadNoscript, afterHead, inBody, text, inTable, inTableText
        case inCaption, inColumnGroup, inTableBody, inRow, inCell, inTemplate, afterBody, inFrameset
        case afterFrameset, afterAfterBody, afterAfterFrameset
    }

    var store: NodeStore
    var open: [Int32] = []
    /// Active formatting elements; -1 is a marker.
    var formatting: [Int32] = []
    var mode: Mode = .initial
    var originalMode: Mode = .initial
    var templateModes: [Mode] = []
    var head: Int32 = -1
    var form: Int32 = -1
    var framesetOK = true
    var fosterParenting = false
    var quirks: HTMLQuirksMode = .noQuirks
    var pendingTableText: [UInt8] = []
    var pendingTableTextHasNonSpace = false
    var requestedState: TokenizerState? = nil
    var ignoreNextLineFeed = false
    let scripting = false
    /// Fragment parsing: the context element (a node outside the tree), or -1.
    var context: Int32 = -1
    var stopped = false
    /// Elements nested deeper than this become siblings at this depth (as browsers cap DOM depth),
    /// so a pathologically deep page parses in linear time.
    static let maxOpenElements = 512
    /// Active formatting elements kept after the last marker (beyond the three equal ones the
    /// spec's Noah's Ark clause allows): older ones are forgotten.
    static let maxFormattingEntries = 64

    static let emptyTag = TagToken()

    init(estimatedBytes: Int) {
        store = NodeStore(estimatedBytes: estimatedBytes)
    }

    // MARK: TokenSink

    mutating func takeRequestedTokenizerState() -> TokenizerState? {
        defer { requestedState = nil }
        return requestedState
    }

    var allowsCDATA: Bool {
        let node = adjustedCurrentNode
        return node >= 0 && store.nodes[Int(node)].namespace != .html
    }

    mutating func processCharacters(_ text: UnsafeBufferPointer<UInt8>) {
        var run = text
        if ignoreNextLineFeed {
            ignoreNextLineFeed = false
            if run.first == 0x0A { run = UnsafeBufferPointer(rebasing: run.dropFirst()) }
        }
        guard !run.isEmpty, !stopped else { return }
        if useForeignRules(startTag: nil, isCharacters: true) {
            foreignCharacters(run)
        } else {
            var rest = run
            while !rest.isEmpty { rest = characters(rest) }
        }
    }

    mutating func processStartTag(_ tag: TagToken) {
        ignoreNextLineFeed = false
        if stopped { return }
        let id = tag.name.withUnsafeBufferPointer { store.names.intern($0) }
        if useForeignRules(startTag: id, isCharacters: false) {
            foreignStartTag(id, tag)
        } else {
            startTag(id, tag)
        }
    }

    mutating func processEndTag(_ tag: TagToken) {
        ignoreNextLineFeed = false
        if stopped { return }
        let id = tag.name.withUnsafeBufferPointer { store.names.intern($0) }
        if useForeignRules(startTag: nil, isCharacters: false) {
            foreignEndTag(id, tag)
        } else {
            endTag(id, tag)
        }
    }

    mutating func processComment(_ text: UnsafeBufferPointer<UInt8>) {
        ignoreNextLineFeed = false
        if stopped { return }
        switch mode {
        case .initial, .beforeHTML, .afterAfterBody, .afterAfterFrameset:
            let c = store.makeText(text, kind: .comment)
            store.append(c, to: 0)
        case .afterBody:
            let c = store.makeText(text, kind: .comment)
            store.append(c, to: open[0])
        case .inTableText:
            flushPendingTableText()
            mode = originalMode
            processComment(text)
        default:
            insertComment(text)
        }
    }

    mutating func processDoctype(_ doctype: DoctypeToken) {
        ignoreNextLineFeed = false
        if stopped { return }
        if mode == .inTableText {
            flushPendingTableText()
            mode = originalMode
        }
        guard mode == .initial else { return }
        let node = store.makeNode(.doctype)
        store.doctypes[node] = DoctypeRecord(
            name: doctype.name.map { String(decoding: $0, as: UTF8.self) } ?? "",
            publicID: doctype.publicID.map { String(decoding: $0, as: UTF8.self) },
            systemID: doctype.systemID.map { String(decoding: $0, as: UTF8.self) })
        store.append(node, to: 0)
        quirks = HTMLTreeBuilder.quirksMode(for: doctype)
        mode = .beforeHTML
    }

    mutating func processEndOfFile() {
        ignoreNextLineFeed = false
        while !stopped { endOfFile() }
    }

    // MARK: Dispatch

    var adjustedCurrentNode: Int32 {
        if context >= 0 && open.count == 1 { return context }
        return open.last ?? -1
    }

    @inline(__always) var currentNode: Int32 { open[open.count - 1] }

    @inline(__always) func record(_ node: Int32) -> NodeRecord { store.nodes[Int(node)] }

    @inline(__always) func isHTML(_ node: Int32, _ tag: KnownName) -> Bool { store.isHTML(node, tag) }

    @inline(__always) func htmlTag(_ node: Int32) -> KnownName {
        let r = store.nodes[Int(node)]
        return r.namespace == .html ? tagOf(r.name) : .none
    }

    /// Whether a token goes to the rules for foreign content. Asked for every token, so the common
    /// answer (an HTML current node) is inlined; the rest of the test is out of line.
    @inline(__always)
    private func useForeignRules(startTag: UInt32?, isCharacters: Bool) -> Bool {
        let node = adjustedCurrentNode
        if node < 0 || store.nodes[Int(node)].namespace == .html { return false }
        return useForeignRules(foreign: node, startTag: startTag, isCharacters: isCharacters)
    }

    private func useForeignRules(foreign node: Int32, startTag: UInt32?, isCharacters: Bool) -> Bool {
        let r = record(node)
        if isMathMLTextIntegrationPoint(node) {
            if isCharacters { return false }
            if let s = startTag, s != KnownName.mglyph.id && s != KnownName.malignmark.id { return false }
        }
        if r.namespace == .mathml && r.name == KnownName.annotationXml.id, let s = startTag, s == KnownName.svg.id { return false }
        if isHTMLIntegrationPoint(node) && (isCharacters || startTag != nil) { return false }
        return true
    }

    func isMathMLTextIntegrationPoint(_ node: Int32) -> Bool {
        let r = record(node)
        guard r.namespace == .mathml else { return false }
        switch tagOf(r.name) {
        case .mi, .mo, .mn, .ms, .mtext: return true
        default: return false
        }
    }

    func isHTMLIntegrationPoint(_ node: Int32) -> Bool {
        let r = record(node)
        if r.namespace == .mathml && r.name == KnownName.annotationXml.id {
            guard let enc = store.attributeValue(node, .encoding) else { return false }
            let lower = String(decoding: enc, as: UTF8.self).lowercased()
            return lower == "text/html" || lower == "application/xhtml+xml"
        }
        if r.namespace == .svg {
            return r.name == KnownName.foreignObject.id || r.name == KnownName.desc.id || r.name == KnownName.title.id
        }
        return false
    }

    // MARK: Categories

    @inline(__always) func isSpecial(_ node: Int32) -> Bool {
        store.nodes[Int(node)].flags & ElementFlags.special != 0
    }

    static func isFormatting(_ t: KnownName) -> Bool {
        switch t {
        case .a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small, .strike, .strong, .tt, .u: return true
        default: return false
        }
    }

    static func isHeading(_ t: KnownName) -> Bool {
        switch t {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }

    enum Scope { case normal, listItem, button, table, select }

    @inline(__always) private func isScopeBoundary(_ flags: UInt8, _ scope: Scope) -> Bool {
        switch scope {
        case .normal: return flags & ElementFlags.defaultScopeBoundary != 0
        case .listItem: return flags & ElementFlags.listItemScopeBoundary != 0
        case .button: return flags & ElementFlags.buttonScopeBoundary != 0
        case .table: return flags & ElementFlags.tableScopeBoundary != 0
        case .select: return flags & ElementFlags.insideSelectScope == 0
        }
    }

    func inScope(_ tag: KnownName, _ scope: Scope = .normal) -> Bool {
        let id = tag.id
        return store.nodes.withUnsafeBufferPointer { nodes in
            var i = open.count - 1
            while i >= 0 {
                let r = nodes[Int(open[i])]
                if r.name == id && r.namespace == .html { return true }
                if isScopeBoundary(r.flags, scope) { return false }
                i -= 1
            }
            return false
        }
    }

    func inScope(node target: Int32, _ scope: Scope = .normal) -> Bool {
        var i = open.count - 1
        while i >= 0 {
            let node = open[i]
            if node == target { return true }
            if isScopeBoundary(record(node).flags, scope) { return false }
            i -= 1
        }
        return false
    }

    func inScope(where predicate: (KnownName) -> Bool, _ scope: Scope = .normal) -> Bool {
        var i = open.count - 1
        while i >= 0 {
            let r = record(open[i])
            if r.namespace == .html && predicate(tagOf(r.name)) { return true }
            if isScopeBoundary(r.flags, scope) { return false }
            i -= 1
        }
        return false
    }

    func openContains(_ tag: KnownName) -> Bool {
        for node in open.reversed() where isHTML(node, tag) { return true }
        return false
    }

    // MARK: Stack operations

    mutating func pop() {
        let node = open.removeLast()
        if isHTML(node, .option) { maybeCloneOptionIntoSelectedContent(node) }
    }

    // The `popUntil` loops stop at the root: a target that is not open (it can only be missing when
    // the depth cap closed it) must not empty the stack.
    mutating func popUntil(_ tag: KnownName) {
        while open.count > 1, let node = open.last {
            pop()
            if isHTML(node, tag) { return }
        }
    }

    mutating func popUntil(where predicate: (KnownName) -> Bool) {
        while open.count > 1, let node = open.last {
            pop()
            if record(node).namespace == .html && predicate(htmlTag(node)) { return }
        }
    }

    mutating func popUntil(node target: Int32) {
        while open.count > 1, let node = open.last {
            pop()
            if node == target { return }
        }
    }

    mutating func remove(fromOpen node: Int32) {
        if let i = open.lastIndex(of: node) { open.remove(at: i) }
    }

    mutating func generateImpliedEndTags(except: KnownName = .none) {
        while let node = open.last {
            let t = htmlTag(node)
            if t == except { return }
            switch t {
            case .dd, .dt, .li, .optgroup, .option, .p, .rb, .rp, .rt, .rtc: pop()
            default: return
            }
        }
    }

    mutating func generateAllImpliedEndTagsThoroughly() {
        while let node = open.last {
            switch htmlTag(node) {
            case .caption, .colgroup, .dd, .dt, .li, .optgroup, .option, .p, .rb, .rp, .rt, .rtc, .tbody, .td,
                 .tfoot, .th, .thead, .tr:
                pop()
            default: return
            }
        }
    }

    mutating func closePElement() {
        generateImpliedEndTags(except: .p)
        popUntil(.p)
    }

    mutating func closePIfInButtonScope() {
        if inScope(.p, .button) { closePElement() }
    }

    // MARK: Insertion

    /// The appropriate place for inserting a node: (parent, reference child or -1 to append).
    func insertionLocation(override target: Int32 = -1) -> (parent: Int32, before: Int32) {
        let target = target >= 0 ? target : currentNode
        var location: (parent: Int32, before: Int32) = (target, -1)
        if fosterParenting {
            switch htmlTag(target) {
            case .table, .tbody, .tfoot, .thead, .tr:
                var lastTemplate = -1, lastTable = -1
                for i in stride(from: open.count - 1, through: 0, by: -1) {
                    if lastTemplate < 0 && isHTML(open[i], .template) { lastTemplate = i }
                    if lastTable < 0 && isHTML(open[i], .table) { lastTable = i }
                    if lastTemplate >= 0 && lastTable >= 0 { break }
                }
                if lastTemplate >= 0 && (lastTable < 0 || lastTemplate > lastTable) {
                    location = (open[lastTemplate], -1)
                } else if lastTable < 0 {
                    location = (open[0], -1)
                } else {
                    let table = open[lastTable]
                    let parent = record(table).parent
                    if parent >= 0 {
                        location = (parent, table)
                    } else {
                        location = (open[lastTable - 1], -1)
                    }
                }
            default:
                break
            }
        }
        if isHTML(location.parent, .template), let content = store.templateContents[location.parent] {
            location = (content, location.before >= 0 && record(location.before).parent == content ? location.before : -1)
        }
        return location
    }

    mutating func insert(_ node: Int32, at location: (parent: Int32, before: Int32)) {
        store.insert(node, into: location.parent, before: location.before)
    }

    /// Creates an element for a token (attributes copied and, outside HTML, adjusted).
    mutating func createElement(_ name: UInt32, _ namespace: HTMLNamespace, _ tag: TagToken) -> Int32 {
        let node = store.makeNode(.element, namespace: namespace, name: name)
        let start = Int32(store.attributes.count)
        store.nodes[Int(node)].start = start
        store.nodes[Int(node)].end = start
        for a in tag.attributes {
            var nameID = tag.attributeBytes.withUnsafeBufferPointer { b in
                store.names.intern(UnsafeBufferPointer(rebasing: b[Int(a.nameStart)..<Int(a.nameEnd)]))
            }
            var ns = HTMLAttributeNamespace.none
            if namespace != .html {
                (nameID, ns) = adjustForeignAttribute(nameID, in: namespace)
            }
            let vs = Int32(store.text.count)
            store.text.append(contentsOf: tag.attributeBytes[Int(a.valueStart)..<Int(a.valueEnd)])
            store.attributes.append(AttributeRecord(name: nameID, namespace: ns, valueStart: vs, valueEnd: Int32(store.text.count)))
        }
        store.nodes[Int(node)].end = Int32(store.attributes.count)
        if namespace == .html && name == KnownName.template.id {
            let content = store.makeNode(.fragment)
            store.templateContents[node] = content
        }
        return node
    }

    @discardableResult
    mutating func insertElement(_ name: UInt32, _ tag: TagToken, namespace: HTMLNamespace = .html) -> Int32 {
        makeRoomForOpenElement()
        let location = insertionLocation()
        let node = createElement(name, namespace, tag)
        insert(node, at: location)
        open.append(node)
        return node
    }

    /// Keeps the stack of open elements within ``maxOpenElements``: at the cap the current node is
    /// closed first, so the new element becomes its sibling and is still on the stack (every rule
    /// that pushes an element may later pop it, or look for it). Scope walks stay bounded by the cap.
    mutating func makeRoomForOpenElement() {
        if open.count >= HTMLTreeBuilder.maxOpenElements { pop() }
    }

    @discardableResult
    mutating func insertElement(_ tag: KnownName) -> Int32 {
        insertElement(tag.id, HTMLTreeBuilder.emptyTag)
    }

    mutating func insertCharacters(_ run: UnsafeBufferPointer<UInt8>) {
        let location = insertionLocation()
        if record(location.parent).kind == .document { return }
        let previous = location.before >= 0 ? record(location.before).prev : record(location.parent).lastChild
        if previous >= 0 && record(previous).kind == .text {
            store.appendText(previous, run)
        } else {
            let t = store.makeText(run)
            insert(t, at: location)
        }
    }

    mutating func insertComment(_ text: UnsafeBufferPointer<UInt8>) {
        let location = insertionLocation()
        let c = store.makeText(text, kind: .comment)
        insert(c, at: location)
    }

    // MARK: Active formatting elements

    mutating func pushFormatting(_ node: Int32) {
        guard open.last == node else { return }
        // Noah's Ark: at most three equal entries after the last marker.
        var count = 0
        var earliest = -1
        var i = formatting.count - 1
        while i >= 0 && formatting[i] >= 0 {
            if sameElement(formatting[i], node) {
                count += 1
                earliest = i
            }
            i -= 1
        }
        if count >= 3 {
            formatting.remove(at: earliest)
        } else if formatting.count - 1 - i >= HTMLTreeBuilder.maxFormattingEntries {
            // Thousands of distinct unclosed formatting elements: forget the oldest, so pushing and
            // reconstructing stay bounded (a browser would reconstruct them all, quadratically).
            formatting.remove(at: i + 1)
        }
        formatting.append(node)
    }

    private func sameElement(_ a: Int32, _ b: Int32) -> Bool {
        let ra = record(a), rb = record(b)
        guard ra.name == rb.name, ra.namespace == rb.namespace, ra.end - ra.start == rb.end - rb.start else { return false }
        for i in Int(ra.start)..<Int(ra.end) {
            let x = store.attributes[i]
            var found = false
            for j in Int(rb.start)..<Int(rb.end) {
                let y = store.attributes[j]
                if x.name == y.name && x.namespace == y.namespace
                    && store.text[Int(x.valueStart)..<Int(x.valueEnd)].elementsEqual(store.text[Int(y.valueStart)..<Int(y.valueEnd)]) {
                    found = true; break
                }
            }
            if !found { return false }
        }
        return true
    }

    mutating func reconstructFormatting() {
        guard let last = formatting.last, last >= 0, !open.contains(last) else { return }
        var i = formatting.count - 1
        while i > 0 {
            let entry = formatting[i - 1]
            if entry < 0 || open.contains(entry) { break }
            i -= 1
        }
        while i < formatting.count {
            let entry = formatting[i]
            let copy = store.cloneElement(entry)
            makeRoomForOpenElement()
            let location = insertionLocation()
            insert(copy, at: location)
            open.append(copy)
            formatting[i] = copy
            i += 1
        }
    }

    mutating func clearFormattingToMarker() {
        while let last = formatting.popLast(), last >= 0 {}
    }

    func formattingIndex(_ node: Int32) -> Int? { formatting.lastIndex(of: node) }

    // MARK: Modes: initial to after head

    mutating func resetInsertionMode() {
        var i = open.count - 1
        while i >= 0 {
            var node = open[i]
            let last = i == 0
            if last && context >= 0 { node = context }
            let t = htmlTag(node)
            switch t {
            case .td where !last, .th where !last: mode = .inCell; return
            case .tr: mode = .inRow; return
            case .tbody, .thead, .tfoot: mode = .inTableBody; return
            case .caption: mode = .inCaption; return
            case .colgroup: mode = .inColumnGroup; return
            case .table: mode = .inTable; return
            case .template: mode = templateModes.last ?? .inTemplate; return
            case .head where !last: mode = .inHead; return
            case .body: mode = .inBody; return
            case .frameset: mode = .inFrameset; return
            case .html: mode = head < 0 ? .beforeHead : .afterHead; return
            default: break
            }
            if last { mode = .inBody; return }
            i -= 1
        }
        mode = .inBody
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0C || c == 0x0D }

    /// Length of the leading run of whitespace.
    static func leadingSpace(_ run: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        while i < run.count && isSpace(run[i]) { i += 1 }
        return i
    }

    /// Processes a character run in the current mode; returns what is left to reprocess.
    mutating func characters(_ run: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        switch mode {
        case .initial, .beforeHTML, .beforeHead:
            let n = HTMLTreeBuilder.leadingSpace(run)
            let rest = UnsafeBufferPointer(rebasing: run[n...])
            if rest.isEmpty { return empty }
            switch mode {
            case .initial: quirks = .quirks; mode = .beforeHTML
            case .beforeHTML: insertHTMLRoot()
            default: head = insertElement(.head); mode = .inHead
            }
            return rest
        case .inHead, .inHeadNoscript, .afterHead:
            let n = HTMLTreeBuilder.leadingSpace(run)
            if n > 0 { insertCharacters(UnsafeBufferPointer(rebasing: run[..<n])) }
            let rest = UnsafeBufferPointer(rebasing: run[n...])
            if rest.isEmpty { return empty }
            switch mode {
            case .inHead: pop(); mode = .afterHead
            case .inHeadNoscript: pop(); mode = .inHead
            default: insertElement(.body); mode = .inBody
            }
            return rest
        case .inBody, .inCaption, .inCell, .inTemplate:
            inBodyCharacters(run)
            return empty
        case .text:
            insertCharacters(run)
            return empty
        case .inTable, .inTableBody, .inRow:
            switch htmlTag(currentNode) {
            case .table, .tbody, .template, .tfoot, .thead, .tr:
                pendingTableText.removeAll(keepingCapacity: true)
                pendingTableTextHasNonSpace = false
                originalMode = mode
                mode = .inTableText
                return run
            default:
                fosterParenting = true
                inBodyCharacters(run)
                fosterParenting = false
                return empty
            }
        case .inTableText:
            if run.count == 1 && run[0] == 0 { return empty }
            for c in run where !HTMLTreeBuilder.isSpace(c) { pendingTableTextHasNonSpace = true; break }
            pendingTableText.append(contentsOf: run)
            return empty
        case .inColumnGroup:
            let n = HTMLTreeBuilder.leadingSpace(run)
            if n > 0 { insertCharacters(UnsafeBufferPointer(rebasing: run[..<n])) }
            let rest = UnsafeBufferPointer(rebasing: run[n...])
            if rest.isEmpty { return empty }
            if !isHTML(currentNode, .colgroup) { return empty }
            pop(); mode = .inTable
            return rest
        case .afterBody, .afterAfterBody:
            let n = HTMLTreeBuilder.leadingSpace(run)
            if n > 0 { inBodyCharacters(UnsafeBufferPointer(rebasing: run[..<n])) }
            let rest = UnsafeBufferPointer(rebasing: run[n...])
            if rest.isEmpty { return empty }
            mode = .inBody
            return rest
        case .inFrameset, .afterFrameset, .afterAfterFrameset:
            // Only whitespace is kept; everything else is ignored, character by character.
            var spaces: [UInt8] = []
            for c in run where HTMLTreeBuilder.isSpace(c) { spaces.append(c) }
            if !spaces.isEmpty {
                spaces.withUnsafeBufferPointer { s in
                    if mode == .afterAfterFrameset { inBodyCharacters(s) } else { insertCharacters(s) }
                }
            }
            return empty
        }
    }

    mutating func inBodyCharacters(_ run: UnsafeBufferPointer<UInt8>) {
        if run.count == 1 && run[0] == 0 { return }
        reconstructFormatting()
        insertCharacters(run)
        if framesetOK {
            for c in run where !HTMLTreeBuilder.isSpace(c) { framesetOK = false; break }
        }
    }

    mutating func flushPendingTableText() {
        let text = pendingTableText
        pendingTableText.removeAll(keepingCapacity: true)
        text.withUnsafeBufferPointer { t in
            if pendingTableTextHasNonSpace {
                fosterParenting = true
                inBodyCharacters(t)
                fosterParenting = false
            } else if !t.isEmpty {
                insertCharacters(t)
            }
        }
        pendingTableTextHasNonSpace = false
    }

    mutating func insertHTMLRoot(_ tag: TagToken = HTMLTreeBuilder.emptyTag) {
        let html = createElement(KnownName.html.id, .html, tag)
        store.append(html, to: 0)
        open.append(html)
        mode = .beforeHead
    }

    mutating func startTag(_ id: UInt32, _ tag: TagToken) {
        let t = tagOf(id)
        switch mode {
        case .initial:
            quirks = .quirks
            mode = .beforeHTML
            startTag(id, tag)
        case .beforeHTML:
            if t == .html { insertHTMLRoot(tag); return }
            insertHTMLRoot()
            startTag(id, tag)
        case .beforeHead:
            if t == .html { inBodyStartTag(id, t, tag); return }
            if t == .head { head = insertElement(id, tag); mode = .inHead; return }
            head = insertElement(.head)
            mode = .inHead
            startTag(id, tag)
        case .inHead:
            inHeadStartTag(id, t, tag)
        case .inHeadNoscript:
            switch t {
            case .html: inBodyStartTag(id, t, tag)
            case .basefont, .bgsound, .link, .meta, .noframes, .style: inHeadStartTag(id, t, tag)
            case .head, .noscript: return
            default:
                pop(); mode = .inHead
                startTag(id, tag)
            }
        case .afterHead:
            switch t {
            case .html: inBodyStartTag(id, t, tag)
            case .body:
                insertElement(id, tag); framesetOK = false; mode = .inBody
            case .frameset:
                insertElement(id, tag); mode = .inFrameset
            case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title:
                open.append(head)
                inHeadStartTag(id, t, tag)
                if let i = open.lastIndex(of: head) { open.remove(at: i) }
            case .head: return
            default:
                insertElement(.body); mode = .inBody
                startTag(id, tag)
            }
        case .inBody: inBodyStartTag(id, t, tag)
        case .text: return
        case .inTable: inTableStartTag(id, t, tag)
        case .inTableText:
            flushPendingTableText(); mode = originalMode
            startTag(id, tag)
        case .inCaption: inCaptionStartTag(id, t, tag)
        case .inColumnGroup: inColumnGroupStartTag(id, t, tag)
        case .inTableBody: inTableBodyStartTag(id, t, tag)
        case .inRow: inRowStartTag(id, t, tag)
        case .inCell: inCellStartTag(id, t, tag)
        case .inTemplate: inTemplateStartTag(id, t, tag)
        case .afterBody:
            if t == .html { inBodyStartTag(id, t, tag); return }
            mode = .inBody
            startTag(id, tag)
        case .inFrameset:
            switch t {
            case .html: inBodyStartTag(id, t, tag)
            case .frameset: insertElement(id, tag)
            case .frame: insertElement(id, tag); pop()
            case .noframes: inHeadStartTag(id, t, tag)
            default: return
            }
        case .afterFrameset:
            if t == .html { inBodyStartTag(id, t, tag) } else if t == .noframes { inHeadStartTag(id, t, tag) }
        case .afterAfterBody:
            if t == .html { inBodyStartTag(id, t, tag); return }
            mode = .inBody
            startTag(id, tag)
        case .afterAfterFrameset:
            if t == .html { inBodyStartTag(id, t, tag) } else if t == .noframes { inHeadStartTag(id, t, tag) }
        }
    }

    mutating func endTag(_ id: UInt32, _ tag: TagToken) {
        let t = tagOf(id)
        switch mode {
        case .initial:
            quirks = .quirks
            mode = .beforeHTML
            endTag(id, tag)
        case .beforeHTML:
            guard t == .head || t == .body || t == .html || t == .br else { return }
            insertHTMLRoot()
            endTag(id, tag)
        case .beforeHead:
            guard t == .head || t == .body || t == .html || t == .br else { return }
            head = insertElement(.head)
            mode = .inHead
            endTag(id, tag)
        case .inHead:
            switch t {
            case .head: pop(); mode = .afterHead
            case .body, .html, .br: pop(); mode = .afterHead; endTag(id, tag)
            case .template: endTemplate()
            default: return
            }
        case .inHeadNoscript:
            if t == .noscript { pop(); mode = .inHead }
            else if t == .br { pop(); mode = .inHead; endTag(id, tag) }
        case .afterHead:
            switch t {
            case .template: endTemplate()
            case .body, .html, .br:
                insertElement(.body); mode = .inBody
                endTag(id, tag)
            default: return
            }
        case .inBody: inBodyEndTag(id, t, tag)
        case .text:
            pop()
            mode = originalMode
        case .inTable: inTableEndTag(id, t, tag)
        case .inTableText:
            flushPendingTableText(); mode = originalMode
            endTag(id, tag)
        case .inCaption: inCaptionEndTag(id, t, tag)
        case .inColumnGroup:
            switch t {
            case .colgroup:
                if isHTML(currentNode, .colgroup) { pop(); mode = .inTable }
            case .col: return
            case .template: endTemplate()
            default:
                guard isHTML(currentNode, .colgroup) else { return }
                pop(); mode = .inTable
                endTag(id, tag)
            }
        case .inTableBody: inTableBodyEndTag(id, t, tag)
        case .inRow: inRowEndTag(id, t, tag)
        case .inCell: inCellEndTag(id, t, tag)
        case .inTemplate:
            if t == .template { endTemplate() }
        case .afterBody:
            if t == .html {
                if context < 0 { mode = .afterAfterBody }
                return
            }
            mode = .inBody
            endTag(id, tag)
        case .inFrameset:
            if t == .frameset {
                if open.count == 1 && isHTML(currentNode, .html) { return }
                pop()
                if context < 0 && !isHTML(currentNode, .frameset) { mode = .afterFrameset }
            }
        case .afterFrameset:
            if t == .html { mode = .afterAfterFrameset }
        case .afterAfterBody:
            mode = .inBody
            endTag(id, tag)
        case .afterAfterFrameset:
            return
        }
    }

    /// Handles the end of the input in the current mode; sets `stopped` when parsing is done.
    mutating func endOfFile() {
        switch mode {
        case .initial:
            quirks = .quirks
            mode = .beforeHTML
        case .beforeHTML:
            insertHTMLRoot()
        case .beforeHead:
            head = insertElement(.head); mode = .inHead
        case .inHead:
            pop(); mode = .afterHead
        case .inHeadNoscript:
            pop(); mode = .inHead
        case .afterHead:
            insertElement(.body); mode = .inBody
        case .text:
            pop(); mode = originalMode
        case .inTableText:
            flushPendingTableText(); mode = originalMode
        case .inTemplate:
            if !openContains(.template) { stopParsing(); return }
            popUntil(.template)
            clearFormattingToMarker()
            templateModes.removeLast()
            resetInsertionMode()
        case .inBody, .inTable, .inCaption, .inColumnGroup, .inTableBody, .inRow, .inCell:
            if !templateModes.isEmpty {
                mode = .inTemplate
                return
            }
            stopParsing()
        case .afterBody, .inFrameset, .afterFrameset, .afterAfterBody, .afterAfterFrameset:
            stopParsing()
        }
    }

    mutating func stopParsing() {
        while !open.isEmpty { pop() }
        stopped = true
    }

    mutating func inHeadStartTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .html: inBodyStartTag(id, t, tag)
        case .base, .basefont, .bgsound, .link, .meta:
            insertElement(id, tag); pop()
        case .title:
            genericText(id, tag, .rcdata)
        case .noframes, .style:
            genericText(id, tag, .rawtext)
        case .noscript:
            if scripting { genericText(id, tag, .rawtext) } else { insertElement(id, tag); mode = .inHeadNoscript }
        case .script:
            genericText(id, tag, .scriptData)
        case .template:
            insertElement(id, tag)
            formatting.append(-1)
            framesetOK = false
            mode = .inTemplate
            templateModes.append(.inTemplate)
        case .head:
            return
        default:
            pop(); mode = .afterHead
            startTag(id, tag)
        }
    }

    /// The generic raw text and RCDATA element parsing algorithms.
    mutating func genericText(_ id: UInt32, _ tag: TagToken, _ state: TokenizerState) {
        insertElement(id, tag)
        requestedState = state
        originalMode = mode
        mode = .text
    }

    mutating func endTemplate() {
        guard openContains(.template) else { return }
        generateAllImpliedEndTagsThoroughly()
        popUntil(.template)
        clearFormattingToMarker()
        if !templateModes.isEmpty { templateModes.removeLast() }
        resetInsertionMode()
    }

    // MARK: Quirks

    static func quirksMode(for d: DoctypeToken) -> HTMLQuirksMode {
        if d.forceQuirks { return .quirks }
        guard let name = d.name, name.elementsEqual("html".utf8) else { return .quirks }
        let publicID = d.publicID.map { String(decoding: $0, as: UTF8.self).lowercased() }
        let systemID = d.systemID.map { String(decoding: $0, as: UTF8.self).lowercased() }
        if let p = publicID {
            if p == "-//w3o//dtd w3 html strict 3.0//en//" || p == "-/w3c/dtd html 4.0 transitional/en" || p == "html" {
                return .quirks
            }
            for prefix in quirkyPublicPrefixes where p.hasPrefix(prefix) { return .quirks }
            if systemID == nil && (p.hasPrefix("-//w3c//dtd html 4.01 frameset//") || p.hasPrefix("-//w3c//dtd html 4.01 transitional//")) {
                return .quirks
            }
            if p.hasPrefix("-//w3c//dtd xhtml 1.0 frameset//") || p.hasPrefix("-//w3c//dtd xhtml 1.0 transitional//") {
                return .limitedQuirks
            }
            if systemID != nil && (p.hasPrefix("-//w3c//dtd html 4.01 frameset//") || p.hasPrefix("-//w3c//dtd html 4.01 transitional//")) {
                return .limitedQuirks
            }
        }
        if systemID == "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd" { return .quirks }
        return .noQuirks
    }

    static let quirkyPublicPrefixes: [String] = [
        "+//silmaril//dtd html pro v0r11 19970101//", "-//as//dtd html 3.0 aswedit + extensions//",
        "-//advasoft ltd//dtd html 3.0 aswedit + extensions//", "-//ietf//dtd html 2.0 level 1//",
        "-//ietf//dtd html 2.0 level 2//", "-//ietf//dtd html 2.0 strict level 1//",
        "-//ietf//dtd html 2.0 strict level 2//", "-//ietf//dtd html 2.0 strict//", "-//ietf//dtd html 2.0//",
        "-//ietf//dtd html 2.1e//", "-//ietf//dtd html 3.0//", "-//ietf//dtd html 3.2 final//",
        "-//ietf//dtd html 3.2//", "-//ietf//dtd html 3//", "-//ietf//dtd html level 0//",
        "-//ietf//dtd html level 1//", "-//ietf//dtd html level 2//", "-//ietf//dtd html level 3//",
        "-//ietf//dtd html strict level 0//", "-//ietf//dtd html strict level 1//",
        "-//ietf//dtd html strict level 2//", "-//ietf//dtd html strict level 3//", "-//ietf//dtd html strict//",
        "-//ietf//dtd html//", "-//metrius//dtd metrius presentational//",
        "-//microsoft//dtd internet explorer 2.0 html strict//", "-//microsoft//dtd internet explorer 2.0 html//",
        "-//microsoft//dtd internet explorer 2.0 tables//", "-//microsoft//dtd internet explorer 3.0 html strict//",
        "-//microsoft//dtd internet explorer 3.0 html//", "-//microsoft//dtd internet explorer 3.0 tables//",
        "-//netscape comm. corp.//dtd html//", "-//netscape comm. corp.//dtd strict html//",
        "-//o'reilly and associates//dtd html 2.0//", "-//o'reilly and associates//dtd html extended 1.0//",
        "-//o'reilly and associates//dtd html extended relaxed 1.0//",
        "-//sq//dtd html 2.0 hotmetal + extensions//",
        "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
        "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
        "-//spyglass//dtd html 2.0 extended//", "-//sun microsystems corp.//dtd hotjava html//",
        "-//sun microsystems corp.//dtd hotjava strict html//", "-//w3c//dtd html 3 1995-03-24//",
        "-//w3c//dtd html 3.2 draft//", "-//w3c//dtd html 3.2 final//", "-//w3c//dtd html 3.2//",
        "-//w3c//dtd html 3.2s draft//", "-//w3c//dtd html 4.0 frameset//", "-//w3c//dtd html 4.0 transitional//",
        "-//w3c//dtd html experimental 19960712//", "-//w3c//dtd html experimental 970421//",
        "-//w3c//dtd w3 html//", "-//w3o//dtd w3 html 3.0//", "-//webtechs//dtd mozilla html 2.0//",
        "-//webtechs//dtd mozilla html//",
    ]
}
