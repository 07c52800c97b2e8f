extension HTMLTreeBuilder {
    // MARK: Foreign content (SVG and MathML)

    mutating func foreignCharacters(_ run: UnsafeBufferPointer<UInt8>) {
        if run.contains(0) {
            var copy: [UInt8] = []
            copy.reserveCapacity(run.count + 2)
            for c in run {
                if c == 0 { copy.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { copy.append(c) }
            }
            copy.withUnsafeBufferPointer { insertCharacters($0) }
        } else {
            insertCharacters(run)
        }
        if framesetOK {
            for c in run where !HTMLTreeBuilder.isSpace(c) && c != 0 { framesetOK = false; break }
        }
    }

    /// Start tags (and `</br>`, `</p>`) that break out of foreign content back into HTML.
    static func breaksOutOfForeignContent(_ t: KnownName) -> Bool {
        switch t {
        case .b, .big, .blockquote, .body, .br, .center, .code, .dd, .div, .dl, .dt, .em, .embed, .h1, .h2, .h3,
             .h4, .h5, .h6, .head, .hr, .i, .img, .li, .listing, .menu, .meta, .nobr, .ol, .p, .pre, .ruby, .s,
             .small, .span, .strong, .strike, .sub, .sup, .table, .tt, .u, .ul, .var:
            return true
        default:
            return false
        }
    }

    mutating func popToHTMLOrIntegrationPoint() {
        while let node = open.last {
            let r = record(node)
            if r.namespace == .html || isMathMLTextIntegrationPoint(node) || isHTMLIntegrationPoint(node) { return }
            pop()
        }
    }

    mutating func foreignStartTag(_ id: UInt32, _ tag: TagToken) {
        let t = tagOf(id)
        let fontBreaksOut = t == .font && (tag.value(of: "color") != nil || tag.value(of: "face") != nil || tag.value(of: "size") != nil)
        if HTMLTreeBuilder.breaksOutOfForeignContent(t) || fontBreaksOut {
            popToHTMLOrIntegrationPoint()
            startTag(id, tag)
            return
        }
        let adjusted = adjustedCurrentNode
        let namespace = record(adjusted).namespace
        var name = id
        if namespace == .svg, let camel = HTMLTreeBuilder.svgTagNames[store.names.spelling(of: id)] {
            name = store.names.intern(camel)
        }
        insertElement(name, tag, namespace: namespace)
        if tag.selfClosing { pop() }
    }

    mutating func foreignEndTag(_ id: UInt32, _ tag: TagToken) {
        let t = tagOf(id)
        if t == .br || t == .p {
            popToHTMLOrIntegrationPoint()
            endTag(id, tag)
            return
        }
        let wanted = store.names.spelling(of: id)
        var i = open.count - 1
        while i >= 0 {
            let node = open[i]
            if i == 0 { return }
            let r = record(node)
            if store.names.spelling(of: r.name).lowercased() == wanted {
                popUntil(node: node)
                return
            }
            i -= 1
            if record(open[i]).namespace == .html {
                endTag(id, tag)
                return
            }
        }
    }

    /// Adjusts an attribute of a foreign element: SVG and MathML case fixes, and the
    /// `xlink:`, `xml:` and `xmlns` namespaced names.
    mutating func adjustForeignAttribute(_ name: UInt32, in namespace: HTMLNamespace) -> (UInt32, HTMLAttributeNamespace) {
        let spelling = store.names.spelling(of: name)
        if namespace == .svg, let fixed = HTMLTreeBuilder.svgAttributeNames[spelling] {
            return (store.names.intern(fixed), .none)
        }
        if namespace == .mathml && spelling == "definitionurl" {
            return (store.names.intern("definitionURL"), .none)
        }
        if let (ns, local) = HTMLTreeBuilder.foreignAttributes[spelling] {
            return (store.names.intern(local), ns)
        }
        return (name, .none)
    }

    static let foreignAttributes: [String: (HTMLAttributeNamespace, String)] = [
        "xlink:actuate": (.xlink, "actuate"), "xlink:arcrole": (.xlink, "arcrole"), "xlink:href": (.xlink, "href"),
        "xlink:role": (.xlink, "role"), "xlink:show": (.xlink, "show"), "xlink:title": (.xlink, "title"),
        "xlink:type": (.xlink, "type"), "xml:lang": (.xml, "lang"), "xml:space": (.xml, "space"),
        "xmlns": (.xmlns, "xmlns"), "xmlns:xlink": (.xmlns, "xlink"),
    ]

    static let svgTagNames: [String: String] = {
        let camel = ["altGlyph", "altGlyphDef", "altGlyphItem", "animateColor", "animateMotion", "animateTransform",
                     "clipPath", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
                     "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
                     "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode",
                     "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile",
                     "feTurbulence", "foreignObject", "glyphRef", "linearGradient", "radialGradient", "textPath"]
        return Dictionary(uniqueKeysWithValues: camel.map { ($0.lowercased(), $0) })
    }()

    static let svgAttributeNames: [String: String] = {
        let camel = ["attributeName", "attributeType", "baseFrequency", "baseProfile", "calcMode", "clipPathUnits",
                     "diffuseConstant", "edgeMode", "filterUnits", "glyphRef", "gradientTransform", "gradientUnits",
                     "kernelMatrix", "kernelUnitLength", "keyPoints", "keySplines", "keyTimes", "lengthAdjust",
                     "limitingConeAngle", "markerHeight", "markerUnits", "markerWidth", "maskContentUnits",
                     "maskUnits", "numOctaves", "pathLength", "patternContentUnits", "patternTransform",
                     "patternUnits", "pointsAtX", "pointsAtY", "pointsAtZ", "preserveAlpha", "preserveAspectRatio",
                     "primitiveUnits", "refX", "refY", "repeatCount", "repeatDur", "requiredExtensions",
                     "requiredFeatures", "specularConstant", "specularExponent", "spreadMethod", "startOffset",
                     "stdDeviation", "stitchTiles", "surfaceScale", "systemLanguage", "tableValues", "targetX",
                     "targetY", "textLength", "viewBox", "viewTarget", "xChannelSelector", "yChannelSelector",
                     "zoomAndPan"]
        return Dictionary(uniqueKeysWithValues: camel.map { ($0.lowercased(), $0) })
    }()
}
