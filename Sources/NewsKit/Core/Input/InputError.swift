/// Why a page could not be read or decoded. Carries the input it concerns (a path or URL).
///
/// Codes are static members, so new ones can be added without breaking callers:
/// ```swift
/// do { _ = try Page.read(path: "missing.html") }
/// catch let error where error.code == .notFound { print(error) }  // "missing.html: no such file"
/// ```
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A kind of input failure.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file does not exist.
        public static let notFound = Code(rawValue: "notFound")
        /// The file exists but cannot be read (a directory, permissions, I/O error).
        public static let unreadable = Code(rawValue: "unreadable")
        /// The path is a FIFO, socket or device, not a regular file; it is not opened.
        public static let notAFile = Code(rawValue: "notAFile")
        /// The input has no bytes, or only whitespace.
        public static let empty = Code(rawValue: "empty")
        /// The input is binary data (an image, an archive), not a text document.
        public static let binary = Code(rawValue: "binary")
        /// The input is larger than the configured limit.
        public static let tooLarge = Code(rawValue: "tooLarge")
    }

    /// What kind of failure it is.
    public let code: Code
    /// The path or URL of the input.
    public let input: String
    /// What went wrong, for people.
    public let message: String

    /// Makes a failure.
    /// - Parameters:
    ///   - code: what kind of failure.
    ///   - input: the path or URL of the input (``Page/name`` for a page).
    ///   - message: what went wrong, for people.
    public init(_ code: Code, input: String, _ message: String) {
        self.code = code
        self.input = input
        self.message = message
    }

    public var description: String { "\(input): \(message)" }
}
