extension StringProtocol {
    /// Without leading and trailing spaces and line breaks (ASCII, NBSP, ideographic space), cheaply.
    package func trimmingSpaces() -> String {
        trimmingScalars { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" || $0 == "\u{3000}" }
    }

    /// Without leading and trailing characters from `characters` (and nothing else), cheaply.
    package func trimming(_ characters: String) -> String {
        let set = Set(characters.unicodeScalars)
        return trimmingScalars { set.contains($0) }
    }

    /// Without the leading and trailing scalars `isTrimmed` accepts.
    @inlinable
    package func trimmingScalars(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end && isTrimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard isTrimmed(scalars[before]) else { break }
            end = before
        }
        return String(self[start..<end])
    }
}

extension String {
    /// Without leading and trailing spaces and line breaks (ASCII, NBSP, ideographic space);
    /// the string itself when there are none (the common case, tested on bytes).
    package func trimmingSpaces() -> String {
        let u = utf8
        guard let f = u.first, let l = u.last else { return self }
        // A first or last byte that cannot start a space: nothing to trim.
        let edgeMaybeSpace: (UInt8) -> Bool = { $0 <= 0x20 || $0 == 0xC2 || $0 == 0xE3 || $0 == 0xA0 || $0 == 0x80 }
        if !edgeMaybeSpace(f) && !edgeMaybeSpace(l) { return self }
        return trimmingScalars { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" || $0 == "\u{3000}" }
    }
}
