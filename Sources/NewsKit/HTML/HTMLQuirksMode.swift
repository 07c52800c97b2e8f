/// How a document's DOCTYPE sets the rendering mode (it changes how `<table>` closes a `<p>`).
public enum HTMLQuirksMode: UInt8, Sendable {
    /// Standards mode: an HTML5 `<!DOCTYPE html>` or a strict DOCTYPE.
    case noQuirks
    /// Limited-quirks ("almost standards") mode: XHTML 1.0 Transitional and Frameset, or
    /// HTML 4.01 ones with a system identifier. Parses as ``noQuirks`` does.
    case limitedQuirks
    /// Quirks mode: no DOCTYPE, or a legacy one; a `<table>` start tag leaves an open `<p>` open.
    case quirks
}
