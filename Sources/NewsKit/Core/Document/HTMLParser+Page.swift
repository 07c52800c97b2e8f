import NewsKitHTML

extension HTMLParser {
    /// Sniffs a page's encoding the way browsers do, decodes it and parses it, whatever the
    /// bytes are (no kind recognition, no refusal of binary input: see ``Document`` for that).
    ///
    /// - Parameter page: the bytes, with the `Content-Type` header the encoding decision weighs.
    /// - Returns: the document and the encoding decision.
    public static func parse(page: Page) -> (document: HTMLDocument, encoding: EncodingDecision) {
        let scan = UTF8Repair.scan(page.bytes)
        var (decision, bom) = EncodingSniffer.decide(page.bytes, contentType: page.header("Content-Type"), scan: scan)
        let body = bom > 0 ? Array(page.bytes[bom...]) : page.bytes
        let decoded = TextDecoder.decode(body, as: decision.encoding, knownValidUTF8: bom == 0 && scan.valid)
        decision.replacements = decoded.replacements
        return (parse(validatedUTF8: decoded.utf8), decision)
    }
}
