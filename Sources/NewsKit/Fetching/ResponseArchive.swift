import Foundation
import NewsKitCore

/// Keeps every response somewhere (a WARC file): called for each response a fetch receives.
public protocol ResponseArchive: Sendable {
    /// Archives one response.
    /// - Parameter page: the response as received (decoded body, headers, status, URLs, fetch time).
    /// - Throws: any error; ``PoliteFetcher`` reports it in ``PoliteFetcher/archiveFailures``.
    func archive(_ page: Page) throws
}
