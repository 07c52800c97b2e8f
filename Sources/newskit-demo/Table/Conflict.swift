/// An option a command cannot take together with others, and why: the parser refuses the
/// pair (exit status 2) instead of ignoring one of them.
///
/// ```swift
/// Conflict("warc", with: [.operands], because: "the archive is the input; give PATHs or --warc, not both")
/// ```
struct Conflict: Sendable {
    /// What the option conflicts with: another option, or the command's operands (`PATH...`).
    enum Party: Sendable, Hashable {
        case option(String)
        case operands
    }

    /// The option, by name without dashes.
    let option: String
    /// What it cannot go with.
    let others: [Party]
    /// Why, as the error message says it.
    let reason: String

    init(_ option: String, with others: [Party], because reason: String) {
        self.option = option
        self.others = others
        self.reason = reason
    }
}
