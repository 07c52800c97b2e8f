/// A script-based language guess for article text: Hangul means Korean; Latin letters with no
/// Hangul mean English (the corpus' other language); otherwise unknown.
public enum LanguageGuess {
    /// Guesses the language of a text from the scripts of its letters.
    /// - Parameter text: the text; only its first 12,000 UTF-8 bytes are read.
    /// - Returns: `ko` when at least a fifth of the letters are Hangul, else `ja` for a fifth
    ///   kana, `zh` for half Han characters, `en` for 80% Latin letters; nil for text with
    ///   fewer than 20 letters or too mixed to tell.
    public static func language(of text: String) -> String? {
        var hangul = 0, latin = 0, kana = 0, han = 0, letters = 0
        var copy = text
        copy.withUTF8 { b in
            // The first 12,000 bytes are plenty; UTF-8 read by hand (three-byte scripts only).
            let n = min(b.count, 12_000)
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { latin += 1; letters += 1 }
                    i += 1
                } else if c >= 0xE0 && c < 0xF0 && i + 2 < b.count {
                    let v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    if v >= 0xAC00 && v <= 0xD7A3 || v >= 0x1100 && v <= 0x11FF || v >= 0x3130 && v <= 0x318F { hangul += 1; letters += 1 }
                    else if v >= 0x3040 && v <= 0x30FF { kana += 1; letters += 1 }
                    else if v >= 0x4E00 && v <= 0x9FFF { han += 1; letters += 1 }
                    i += 3
                } else {
                    i += 1
                }
            }
        }
        guard letters >= 20 else { return nil }
        if hangul * 5 >= letters { return "ko" }
        if kana * 5 >= letters { return "ja" }
        if han * 2 >= letters { return "zh" }
        if latin * 10 >= letters * 8 { return "en" }
        return nil
    }

    /// `ko-KR` → `ko`.
    static func primary(_ tag: String) -> String {
        String(tag.split(separator: "-").first ?? Substring(tag)).lowercased()
    }
}
