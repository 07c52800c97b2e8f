/// A positional argument of a command, as its help lists it: `PATH`, `URL`, `DB`.
struct OperandSpec: Sendable {
    /// The name in usage lines and help.
    let name: String
    /// What it is.
    let help: String
}
