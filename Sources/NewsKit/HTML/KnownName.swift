/// Element and attribute names the parser knows by heart, as compile-time constants.
///
/// Any other name is interned per document with an id at or above ``HTMLNames/firstDynamicID``.
/// The raw value is the index of the name in ``HTMLNames/known``.
@usableFromInline package enum KnownName: UInt16 {
    case none = 0
    // HTML elements
    case a, abbr, address, applet, area, article, aside, audio, b, base, basefont, bdi, bdo, bgsound, big, blink,
         blockquote, body, br, button, canvas, caption, center, cite, code, col, colgroup, data, datalist, dd, del,
         details, dfn, dialog, dir, div, dl, dt, em, embed, fieldset, figcaption, figure, font, footer, form, frame,
         frameset, h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html, i, iframe, image, img, input, ins, isindex,
         kbd, keygen, label, legend, li, link, listing, main, map, mark, marquee, math, menu, menuitem, meta, meter,
         nav, nobr, noembed, noframes, noscript, object, ol, optgroup, option, output, p, param, picture, plaintext,
         pre, progress, q, rb, rp, rt, rtc, ruby, s, samp, script, search, section, select, selectedcontent, slot,
         small, source, span, strike, strong, style, sub, summary, sup, svg, table, tbody, td, template, textarea,
         tfoot, th, thead, time, title, tr, track, tt, u, ul, `var`, video, wbr, xmp
    // MathML and SVG elements the tree builder tests
    case mi, mo, mn, ms, mtext, annotationXml, malignmark, mglyph, foreignObject, desc
    // Attributes
    case id, `class`, href, src, alt, type, name, content, property, rel, lang, hidden, datetime, charset,
         httpEquiv, itemprop, itemtype, itemscope, role, ariaHidden, colspan, rowspan, width, height, srcset,
         dataSrc, encoding, color, face, size, selected, action, prompt, value, target, onclick, dataLazySrc,
         dataOriginal
}

extension KnownName {
    /// The id of this known name.
    @inlinable @inline(__always) package var id: UInt32 { UInt32(rawValue) }
}
