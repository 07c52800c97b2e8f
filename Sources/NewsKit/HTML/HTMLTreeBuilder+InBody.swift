extension HTMLTreeBuilder {
    // MARK: In body: start tags

    mutating func inBodyStartTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .html:
            if openContains(.template) { return }
            addMissingAttributes(to: open[0], from: tag)
        case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title:
            inHeadStartTag(id, t, tag)
        case .body:
            guard open.count >= 2, isHTML(open[1], .body), !openContains(.template) else { return }
            framesetOK = false
            addMissingAttributes(to: open[1], from: tag)
        case .frameset:
            guard open.count >= 2, isHTML(open[1], .body), framesetOK else { return }
            store.detach(open[1])
            while open.count > 1 { pop() }
            insertElement(id, tag)
            mode = .inFrameset
        case .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl, .fieldset,
             .figcaption, .figure, .footer, .header, .hgroup, .main, .menu, .nav, .ol, .p, .search, .section,
             .summary, .ul:
            closePIfInButtonScope()
            insertElement(id, tag)
        case .h1, .h2, .h3, .h4, .h5, .h6:
            closePIfInButtonScope()
            if HTMLTreeBuilder.isHeading(htmlTag(currentNode)) { pop() }
            insertElement(id, tag)
        case .pre, .listing:
            closePIfInButtonScope()
            insertElement(id, tag)
            ignoreNextLineFeed = true
            framesetOK = false
        case .form:
            let inTemplate = openContains(.template)
            if form >= 0 && !inTemplate { return }
            closePIfInButtonScope()
            let node = insertElement(id, tag)
            if !inTemplate { form = node }
        case .li, .dd, .dt:
            framesetOK = false
            var i = open.count - 1
            while i >= 0 {
                let node = open[i]
                let nt = htmlTag(node)
                if t == .li ? nt == .li : (nt == .dd || nt == .dt) {
                    generateImpliedEndTags(except: nt)
                    popUntil(nt)
                    break
                }
                if isSpecial(node) && !(record(node).namespace == .html && (nt == .address || nt == .div || nt == .p)) {
                    break
                }
                i -= 1
            }
            closePIfInButtonScope()
            insertElement(id, tag)
        case .plaintext:
            closePIfInButtonScope()
            insertElement(id, tag)
            requestedState = .plaintext
        case .button:
            if inScope(.button) {
                generateImpliedEndTags()
                popUntil(.button)
            }
            reconstructFormatting()
            insertElement(id, tag)
            framesetOK = false
        case .a:
            var i = formatting.count - 1
            while i >= 0 && formatting[i] >= 0 {
                let node = formatting[i]
                if isHTML(node, .a) {
                    adoptionAgency(KnownName.a.id)
                    if let j = formatting.lastIndex(of: node) { formatting.remove(at: j) }
                    remove(fromOpen: node)
                    break
                }
                i -= 1
            }
            reconstructFormatting()
            pushFormatting(insertElement(id, tag))
        case .b, .big, .code, .em, .font, .i, .s, .small, .strike, .strong, .tt, .u:
            reconstructFormatting()
            pushFormatting(insertElement(id, tag))
        case .nobr:
            reconstructFormatting()
            if inScope(.nobr) {
                adoptionAgency(id)
                reconstructFormatting()
            }
            pushFormatting(insertElement(id, tag))
        case .applet, .marquee, .object:
            reconstructFormatting()
            insertElement(id, tag)
            formatting.append(-1)
            framesetOK = false
        case .table:
            if quirks != .quirks { closePIfInButtonScope() }
            insertElement(id, tag)
            framesetOK = false
            mode = .inTable
        case .area, .br, .embed, .img, .keygen, .wbr:
            reconstructFormatting()
            insertElement(id, tag)
            pop()
            framesetOK = false
        case .input:
            if context >= 0 && isHTML(context, .select) { return }
            if inScope(.select) {
                popUntil(.select)
            }
            reconstructFormatting()
            insertElement(id, tag)
            pop()
            if !isHiddenInput(tag) { framesetOK = false }
        case .param, .source, .track:
            insertElement(id, tag)
            pop()
        case .hr:
            closePIfInButtonScope()
            if inScope(.select) {
                generateImpliedEndTags()
            }
            insertElement(id, tag)
            pop()
            framesetOK = false
        case .image:
            inBodyStartTag(KnownName.img.id, .img, tag)
        case .textarea:
            insertElement(id, tag)
            ignoreNextLineFeed = true
            requestedState = .rcdata
            originalMode = mode
            framesetOK = false
            mode = .text
        case .xmp:
            closePIfInButtonScope()
            reconstructFormatting()
            framesetOK = false
            genericText(id, tag, .rawtext)
        case .iframe:
            framesetOK = false
            genericText(id, tag, .rawtext)
        case .noembed:
            genericText(id, tag, .rawtext)
        case .noscript where scripting:
            genericText(id, tag, .rawtext)
        case .select:
            if context >= 0 && isHTML(context, .select) { return }
            if inScope(.select) {
                popUntil(.select)
                return
            }
            reconstructFormatting()
            insertElement(id, tag)
            framesetOK = false
            // Formatting elements opened before the select do not reach into it.
            formatting.append(-1)
        case .option:
            if inScope(.select) {
                generateImpliedEndTags(except: .optgroup)
            } else if isHTML(currentNode, .option) {
                pop()
            }
            reconstructFormatting()
            insertElement(id, tag)
        case .optgroup:
            if inScope(.select) {
                generateImpliedEndTags()
            } else if isHTML(currentNode, .option) {
                pop()
            }
            reconstructFormatting()
            insertElement(id, tag)
        case .rb, .rtc:
            if inScope(.ruby) { generateImpliedEndTags() }
            insertElement(id, tag)
        case .rp, .rt:
            if inScope(.ruby) { generateImpliedEndTags(except: .rtc) }
            insertElement(id, tag)
        case .math:
            reconstructFormatting()
            insertElement(id, tag, namespace: .mathml)
            if tag.selfClosing { pop() }
        case .svg:
            reconstructFormatting()
            insertElement(id, tag, namespace: .svg)
            if tag.selfClosing { pop() }
        case .caption, .col, .colgroup, .frame, .head, .tbody, .td, .tfoot, .th, .thead, .tr:
            return
        default:
            reconstructFormatting()
            insertElement(id, tag)
        }
    }

    func isHiddenInput(_ tag: TagToken) -> Bool {
        guard let v = tag.value(of: "type") else { return false }
        return v.count == 6 && v.map { $0 | 0x20 }.elementsEqual("hidden".utf8)
    }

    mutating func addMissingAttributes(to element: Int32, from tag: TagToken) {
        for a in tag.attributes {
            let name = tag.attributeBytes.withUnsafeBufferPointer { b in
                store.names.intern(UnsafeBufferPointer(rebasing: b[Int(a.nameStart)..<Int(a.nameEnd)]))
            }
            if !store.hasAttribute(element, name: name, namespace: .none) {
                store.addAttribute(to: element, name: name, namespace: .none, value: tag.attributeValue(a))
            }
        }
    }

    // MARK: In body: end tags

    mutating func inBodyEndTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .template:
            endTemplate()
        case .body:
            guard inScope(.body) else { return }
            mode = .afterBody
        case .html:
            guard inScope(.body) else { return }
            mode = .afterBody
            endTag(id, tag)
        case .address, .article, .aside, .blockquote, .button, .center, .details, .dialog, .dir, .div, .dl,
             .fieldset, .figcaption, .figure, .footer, .header, .hgroup, .listing, .main, .menu, .nav, .ol, .pre,
             .search, .section, .select, .summary, .ul:
            guard inScope(t) else { return }
            generateImpliedEndTags()
            popUntil(t)
            if t == .select { clearFormattingToMarker() }
        case .form:
            if !openContains(.template) {
                let node = form
                form = -1
                guard node >= 0, inScope(node: node) else { return }
                generateImpliedEndTags()
                remove(fromOpen: node)
            } else {
                guard inScope(.form) else { return }
                generateImpliedEndTags()
                popUntil(.form)
            }
        case .p:
            if !inScope(.p, .button) { insertElement(.p) }
            closePElement()
        case .li:
            guard inScope(.li, .listItem) else { return }
            generateImpliedEndTags(except: .li)
            popUntil(.li)
        case .dd, .dt:
            guard inScope(t) else { return }
            generateImpliedEndTags(except: t)
            popUntil(t)
        case .h1, .h2, .h3, .h4, .h5, .h6:
            guard inScope(where: HTMLTreeBuilder.isHeading) else { return }
            generateImpliedEndTags()
            popUntil(where: HTMLTreeBuilder.isHeading)
        case .a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small, .strike, .strong, .tt, .u:
            adoptionAgency(id)
        case .applet, .marquee, .object:
            guard inScope(t) else { return }
            generateImpliedEndTags()
            popUntil(t)
            clearFormattingToMarker()
        case .br:
            inBodyStartTag(KnownName.br.id, .br, HTMLTreeBuilder.emptyTag)
        default:
            anyOtherEndTag(id)
        }
    }

    mutating func anyOtherEndTag(_ id: UInt32) {
        var i = open.count - 1
        while i >= 0 {
            let node = open[i]
            let r = record(node)
            if r.namespace == .html && r.name == id {
                generateImpliedEndTags(except: tagOf(id))
                popUntil(node: node)
                return
            }
            if isSpecial(node) { return }
            i -= 1
        }
    }

    // MARK: The adoption agency algorithm

    mutating func adoptionAgency(_ subject: UInt32) {
        let current = currentNode
        if record(current).namespace == .html && record(current).name == subject && formattingIndex(current) == nil {
            pop()
            return
        }
        for _ in 0..<8 {
            // The formatting element: last entry after the last marker with the subject's name.
            var fIndex = -1
            var i = formatting.count - 1
            while i >= 0 && formatting[i] >= 0 {
                let r = record(formatting[i])
                if r.name == subject && r.namespace == .html { fIndex = i; break }
                i -= 1
            }
            if fIndex < 0 {
                anyOtherEndTag(subject)
                return
            }
            let formattingElement = formatting[fIndex]
            guard let stackIndex = open.lastIndex(of: formattingElement) else {
                formatting.remove(at: fIndex)
                return
            }
            if !inScope(node: formattingElement) { return }
            // The furthest block: the topmost special element below the formatting element.
            var furthestIndex = -1
            for j in (stackIndex + 1)..<open.count where isSpecial(open[j]) { furthestIndex = j; break }
            if furthestIndex < 0 {
                while open.count > stackIndex { pop() }
                formatting.remove(at: fIndex)
                return
            }
            let furthestBlock = open[furthestIndex]
            let commonAncestor = open[stackIndex - 1]
            var bookmark = fIndex
            var node = furthestBlock
            var lastNode = furthestBlock
            var nodeIndex = furthestIndex
            var inner = 0
            while true {
                inner += 1
                nodeIndex -= 1
                node = open[nodeIndex]
                if node == formattingElement { break }
                var nodeFormattingIndex = formatting.lastIndex(of: node)
                if inner > 3, let k = nodeFormattingIndex {
                    formatting.remove(at: k)
                    if k < bookmark { bookmark -= 1 }
                    nodeFormattingIndex = nil
                }
                guard let k = nodeFormattingIndex else {
                    open.remove(at: nodeIndex)
                    continue
                }
                let replacement = store.cloneElement(node)
                formatting[k] = replacement
                open[nodeIndex] = replacement
                node = replacement
                if lastNode == furthestBlock { bookmark = k + 1 }
                store.append(lastNode, to: node)
                lastNode = node
            }
            let location = insertionLocation(override: commonAncestor)
            insert(lastNode, at: location)
            let newElement = store.cloneElement(formattingElement)
            store.moveChildren(from: furthestBlock, to: newElement)
            store.append(newElement, to: furthestBlock)
            if let k = formatting.lastIndex(of: formattingElement) {
                formatting.remove(at: k)
                if k < bookmark { bookmark -= 1 }
            }
            formatting.insert(newElement, at: min(bookmark, formatting.count))
            remove(fromOpen: formattingElement)
            if let fb = open.lastIndex(of: furthestBlock) { open.insert(newElement, at: fb + 1) }
        }
    }

    // MARK: selectedcontent

    /// When an option closes, mirror it into its select's `selectedcontent` if it is the selected one.
    mutating func maybeCloneOptionIntoSelectedContent(_ option: Int32) {
        var select: Int32 = record(option).parent
        while select >= 0 && !isHTML(select, .select) { select = record(select).parent }
        guard select >= 0, let target = firstDescendant(of: select, .selectedcontent) else { return }
        let isSelected = store.attributeValue(option, .selected) != nil
        if !isSelected {
            // Only the first option stands in when no option is marked selected.
            guard firstDescendant(of: select, .option) == option else { return }
        }
        store.removeChildren(of: target)
        var child = record(option).firstChild
        while child >= 0 {
            let copy = store.cloneDeep(child)
            store.append(copy, to: target)
            child = record(child).next
        }
    }

    func firstDescendant(of root: Int32, _ tag: KnownName) -> Int32? {
        var node = record(root).firstChild
        while node >= 0 {
            if isHTML(node, tag) { return node }
            let r = record(node)
            if r.firstChild >= 0 { node = r.firstChild; continue }
            var n = node
            while n != root {
                let next = record(n).next
                if next >= 0 { node = next; break }
                n = record(n).parent
                if n < 0 { return nil }
            }
            if n == root { return nil }
        }
        return nil
    }
}
