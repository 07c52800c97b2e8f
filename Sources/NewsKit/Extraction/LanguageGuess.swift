/// A script-based language guess for article text: Hangul means Korean; Latin letters with no
/// Hangul mean English (the corpus' other language); otherwise unknown.
public enum LanguageGuess {
    /// `ko`, `en`, `ja`, `zh`, or nil for text too short or mixed to tell.
    public static func language(of text: String) -> String? {
        var hangul = 0, latin = 0, kana = 0, han = 0, letters = 0
        for s in text.unicodeScalars.prefix(4000) {
            let v = s.value
            if v >= 0xAC00 && v <= 0xD7A3 || v >= 0x1100 && v <= 0x11FF || v >= 0x3130 && v <= 0x318F { hangul += 1 }
            else if v >= 0x3040 && v <= 0x30FF { kana += 1 }
            else if v >= 0x4E00 && v <= 0x9FFF { han += 1 }
            else if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { latin += 1 }
            else { continue }
            letters += 1
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
