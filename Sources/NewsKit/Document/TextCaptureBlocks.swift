/// Reads a plain-text capture of a page as blocks: one block per non-empty line, whitespace
/// collapsed, each marked when a blank line came before it.
enum TextCaptureBlocks {
    static func blocks(of utf8: [UInt8]) -> [Block] {
        var blocks: [Block] = []
        var blankBefore = false
        for rawLine in utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let text = String(decoding: rawLine, as: UTF8.self).collapsingWhitespace()
            if text.isEmpty { blankBefore = true; continue }
            blocks.append(Block(text: text.nfc, role: .line, index: blocks.count, followsBlankLine: blankBefore || blocks.isEmpty))
            blankBefore = false
        }
        return blocks
    }
}
