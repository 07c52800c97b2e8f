/// Reads a plain-text capture of a page as blocks: one block per non-empty line, whitespace
/// collapsed, each marked when a blank line came before it. Bulleted lines (`• …`) lose the
/// bullet and become list items.
enum TextCaptureBlocks {
    static func blocks(of utf8: [UInt8]) -> [Block] {
        var blocks: [Block] = []
        var blankBefore = false
        for rawLine in utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var text = String(decoding: rawLine, as: UTF8.self).collapsingWhitespace()
            var role = Block.Role.line
            // A rendered list keeps its bullets in a capture: "• 가장작게".
            for bullet in ["• ", "◦ ", "▪ ", "‣ "] where text.hasPrefix(bullet) {
                text = String(text.dropFirst(bullet.count))
                role = .listItem
            }
            if text.isEmpty { blankBefore = true; continue }
            blocks.append(Block(text: text.nfc, role: role, index: blocks.count, followsBlankLine: blankBefore || blocks.isEmpty))
            blankBefore = false
        }
        return blocks
    }
}
