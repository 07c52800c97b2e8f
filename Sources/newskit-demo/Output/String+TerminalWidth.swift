/// How many terminal columns a string takes.
extension String {
    /// Hangul and other wide characters take two columns in a terminal, the rest one.
    var terminalWidth: Int {
        unicodeScalars.reduce(0) { $0 + (($1.value >= 0x1100 && $1.value <= 0x115F) || ($1.value >= 0x2E80 && $1.value <= 0xA4CF) || ($1.value >= 0xAC00 && $1.value <= 0xD7A3) || ($1.value >= 0xF900 && $1.value <= 0xFAFF) || ($1.value >= 0xFF00 && $1.value <= 0xFF60) ? 2 : 1) }
    }
}
