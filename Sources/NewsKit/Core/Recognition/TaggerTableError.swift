/// Why a tagger table could not be read: the file and what is wrong with it.
package struct TaggerTableError: Error, CustomStringConvertible, Sendable {
    /// The file or resource read.
    package var input: String
    /// What is wrong (`not a NewsKit tagger table`, `truncated: 12 bytes of 3670040`).
    package var reason: String

    package init(input: String, reason: String) {
        self.input = input
        self.reason = reason
    }

    package var description: String { "\(input): cannot read the entity tagger table: \(reason)" }
}
