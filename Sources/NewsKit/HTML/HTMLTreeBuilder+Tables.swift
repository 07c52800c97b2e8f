extension HTMLTreeBuilder {
    // MARK: In table

    mutating func clearStackBack(to tags: (KnownName) -> Bool) {
        while let node = open.last {
            let t = htmlTag(node)
            if t == .html || t == .template || tags(t) { return }
            pop()
        }
    }

    mutating func clearToTableContext() { clearStackBack { $0 == .table } }
    mutating func clearToTableBodyContext() { clearStackBack { $0 == .tbody || $0 == .tfoot || $0 == .thead } }
    mutating func clearToRowContext() { clearStackBack { $0 == .tr } }

    mutating func inTableStartTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .caption:
            clearToTableContext()
            formatting.append(-1)
            insertElement(id, tag)
            mode = .inCaption
        case .colgroup:
            clearToTableContext()
            insertElement(id, tag)
            mode = .inColumnGroup
        case .col:
            clearToTableContext()
            insertElement(.colgroup)
            mode = .inColumnGroup
            startTag(id, tag)
        case .tbody, .tfoot, .thead:
            clearToTableContext()
            insertElement(id, tag)
            mode = .inTableBody
        case .td, .th, .tr:
            clearToTableContext()
            insertElement(.tbody)
            mode = .inTableBody
            startTag(id, tag)
        case .table:
            guard inScope(.table, .table) else { return }
            popUntil(.table)
            resetInsertionMode()
            startTag(id, tag)
        case .style, .script, .template:
            inHeadStartTag(id, t, tag)
        case .input where isHiddenInput(tag):
            insertElement(id, tag)
            pop()
        case .form:
            if openContains(.template) || form >= 0 { return }
            form = insertElement(id, tag)
            pop()
        default:
            fosterParenting = true
            inBodyStartTag(id, t, tag)
            fosterParenting = false
        }
    }

    mutating func inTableEndTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .table:
            guard inScope(.table, .table) else { return }
            popUntil(.table)
            resetInsertionMode()
        case .body, .caption, .col, .colgroup, .html, .tbody, .td, .tfoot, .th, .thead, .tr:
            return
        case .template:
            endTemplate()
        default:
            fosterParenting = true
            inBodyEndTag(id, t, tag)
            fosterParenting = false
        }
    }

    // MARK: In caption

    mutating func closeCaption() -> Bool {
        guard inScope(.caption, .table) else { return false }
        generateImpliedEndTags()
        popUntil(.caption)
        clearFormattingToMarker()
        mode = .inTable
        return true
    }

    mutating func inCaptionStartTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .caption, .col, .colgroup, .tbody, .td, .tfoot, .th, .thead, .tr:
            if closeCaption() { startTag(id, tag) }
        default:
            inBodyStartTag(id, t, tag)
        }
    }

    mutating func inCaptionEndTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .caption:
            _ = closeCaption()
        case .table:
            if closeCaption() { endTag(id, tag) }
        case .body, .col, .colgroup, .html, .tbody, .td, .tfoot, .th, .thead, .tr:
            return
        default:
            inBodyEndTag(id, t, tag)
        }
    }

    // MARK: In column group

    mutating func inColumnGroupStartTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .html: inBodyStartTag(id, t, tag)
        case .col: insertElement(id, tag); pop()
        case .template: inHeadStartTag(id, t, tag)
        default:
            guard isHTML(currentNode, .colgroup) else { return }
            pop()
            mode = .inTable
            startTag(id, tag)
        }
    }

    // MARK: In table body

    mutating func inTableBodyStartTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .tr:
            clearToTableBodyContext()
            insertElement(id, tag)
            mode = .inRow
        case .th, .td:
            clearToTableBodyContext()
            insertElement(.tr)
            mode = .inRow
            startTag(id, tag)
        case .caption, .col, .colgroup, .tbody, .tfoot, .thead:
            guard inScope(where: { $0 == .tbody || $0 == .thead || $0 == .tfoot }, .table) else { return }
            clearToTableBodyContext()
            pop()
            mode = .inTable
            startTag(id, tag)
        default:
            inTableStartTag(id, t, tag)
        }
    }

    mutating func inTableBodyEndTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .tbody, .tfoot, .thead:
            guard inScope(t, .table) else { return }
            clearToTableBodyContext()
            pop()
            mode = .inTable
        case .table:
            guard inScope(where: { $0 == .tbody || $0 == .thead || $0 == .tfoot }, .table) else { return }
            clearToTableBodyContext()
            pop()
            mode = .inTable
            endTag(id, tag)
        case .body, .caption, .col, .colgroup, .html, .td, .th, .tr:
            return
        default:
            inTableEndTag(id, t, tag)
        }
    }

    // MARK: In row

    mutating func closeRow() -> Bool {
        guard inScope(.tr, .table) else { return false }
        clearToRowContext()
        pop()
        mode = .inTableBody
        return true
    }

    mutating func inRowStartTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .th, .td:
            clearToRowContext()
            insertElement(id, tag)
            mode = .inCell
            formatting.append(-1)
        case .caption, .col, .colgroup, .tbody, .tfoot, .thead, .tr:
            if closeRow() { startTag(id, tag) }
        default:
            inTableStartTag(id, t, tag)
        }
    }

    mutating func inRowEndTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .tr:
            _ = closeRow()
        case .table:
            if closeRow() { endTag(id, tag) }
        case .tbody, .tfoot, .thead:
            guard inScope(t, .table) else { return }
            if closeRow() { endTag(id, tag) }
        case .body, .caption, .col, .colgroup, .html, .td, .th:
            return
        default:
            inTableEndTag(id, t, tag)
        }
    }

    // MARK: In cell

    mutating func closeCell() {
        generateImpliedEndTags()
        popUntil { $0 == .td || $0 == .th }
        clearFormattingToMarker()
        mode = .inRow
    }

    mutating func inCellStartTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .caption, .col, .colgroup, .tbody, .td, .tfoot, .th, .thead, .tr:
            guard inScope(where: { $0 == .td || $0 == .th }, .table) else { return }
            closeCell()
            startTag(id, tag)
        default:
            inBodyStartTag(id, t, tag)
        }
    }

    mutating func inCellEndTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        switch t {
        case .td, .th:
            guard inScope(t, .table) else { return }
            generateImpliedEndTags()
            popUntil(t)
            clearFormattingToMarker()
            mode = .inRow
        case .body, .caption, .col, .colgroup, .html:
            return
        case .table, .tbody, .tfoot, .thead, .tr:
            guard inScope(t, .table) else { return }
            closeCell()
            endTag(id, tag)
        default:
            inBodyEndTag(id, t, tag)
        }
    }

    // MARK: In template

    mutating func inTemplateStartTag(_ id: UInt32, _ t: KnownName, _ tag: TagToken) {
        let next: Mode
        switch t {
        case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title:
            inHeadStartTag(id, t, tag)
            return
        case .caption, .colgroup, .tbody, .tfoot, .thead: next = .inTable
        case .col: next = .inColumnGroup
        case .tr: next = .inTableBody
        case .td, .th: next = .inRow
        default: next = .inBody
        }
        if !templateModes.isEmpty { templateModes.removeLast() }
        templateModes.append(next)
        mode = next
        startTag(id, tag)
    }
}
