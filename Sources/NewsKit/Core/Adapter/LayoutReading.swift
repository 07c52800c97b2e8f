/// One page being read with one layout: runs each field's reader, falls back to the generic
/// reading where it finds nothing, and turns a reader's error into a warning.
struct LayoutReading {
    let document: Document
    let layout: ArticleLayout
    /// What went wrong in which field, for the article's warnings.
    var warnings: [String] = []

    /// The field as the layout's reader reads it, else the generic reading (unless the reader
    /// says the site has no such field).
    mutating func field<Value>(_ reader: FieldReader<Value>?, _ name: String, generic: () -> Value?) -> Value? {
        guard let reader else { return generic() }
        do {
            if let value = try reader.read(document) { return value }
        } catch {
            warnings.append("\(name): the \(layout.name) reader failed (\(error)); read the generic way")
            return generic()
        }
        return reader.fallsBack ? generic() : nil
    }
}
