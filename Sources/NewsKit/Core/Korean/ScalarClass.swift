/// Character classes the entity and date rules use.
enum ScalarClass {
    static func isHangul(_ s: Unicode.Scalar) -> Bool { s.value >= 0xAC00 && s.value <= 0xD7A3 }
    static func isHanja(_ s: Unicode.Scalar) -> Bool { s.value >= 0x4E00 && s.value <= 0x9FFF }
    static func isASCIIAlnum(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }
    static func isUpper(_ s: Unicode.Scalar) -> Bool { s.value >= 0x41 && s.value <= 0x5A }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" || s == "\t" || s == "\u{A0}" || s == "\r" }
    /// Whether a Hangul syllable has a final consonant (받침) of ㄴ or ㄹ: the endings of verb
    /// modifiers (`만난`, `밝힌`, `할`).
    static func endsInNieunOrRieul(_ s: Unicode.Scalar) -> Bool {
        guard isHangul(s) else { return false }
        let final = (s.value - 0xAC00) % 28
        return final == 4 || final == 8
    }
}
