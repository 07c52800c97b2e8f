import Foundation

extension String {
    /// This URL reference made absolute against `base` (a page's URL); unchanged when there is no
    /// base or it does not parse.
    package func resolved(against base: URL?) -> String {
        if let base, let u = URL(string: self, relativeTo: base) { return u.absoluteString }
        return self
    }
}
