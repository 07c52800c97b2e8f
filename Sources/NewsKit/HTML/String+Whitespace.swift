extension String {
    /// Runs of whitespace collapsed to one space, trimmed at both ends.
    package func collapsingWhitespace() -> String {
        var copy = self
        return copy.withUTF8 { b -> String in
            // Fast path: ASCII spacing only, single spaces, nothing at the ends.
            var simple = true
            var previousSpace = true
            var i = 0
            while i < b.count {
                let c = b[i]
                i += 1
                if c >= 0x80 {
                    // Only these UTF-8 sequences are spaces: C2 85/A0, E1 9A 80, E2 80 80–8A/A8/A9/AF, E2 81 9F, E3 80 80.
                    if c == 0xC2, i < b.count, b[i] == 0x85 || b[i] == 0xA0 { simple = false; break }
                    if c == 0xE1, i + 1 < b.count, b[i] == 0x9A, b[i + 1] == 0x80 { simple = false; break }
                    if c == 0xE2, i + 1 < b.count, (b[i] == 0x80 && (b[i + 1] <= 0x8A || b[i + 1] == 0xA8 || b[i + 1] == 0xA9 || b[i + 1] == 0xAF))
                        || (b[i] == 0x81 && b[i + 1] == 0x9F) { simple = false; break }
                    if c == 0xE3, i + 1 < b.count, b[i] == 0x80, b[i + 1] == 0x80 { simple = false; break }
                    previousSpace = false
                    continue
                }
                if c == 0x20 {
                    if previousSpace { simple = false; break }
                    previousSpace = true
                } else if c <= 0x0D && c >= 0x09 {
                    simple = false; break
                } else {
                    previousSpace = false
                }
            }
            if simple && !previousSpace { return self }
            if simple && b.isEmpty { return self }
            var out = ""
            out.reserveCapacity(b.count)
            var pendingSpace = false
            for ch in self.unicodeScalars {
                if ch.properties.isWhitespace {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(" "); pendingSpace = false }
                    out.unicodeScalars.append(ch)
                }
            }
            return out
        }
    }
}
