import Foundation
import NewsKitCore

/// Keeps every response somewhere (a WARC file): called for each response a fetch receives.
public protocol ResponseArchive: Sendable {
    /// Archives one response.
    /// - Throws: any error; ``PoliteFetcher`` reports it in ``PoliteFetcher/archiveFailures``.
    func archive(_ page: Page) throws
}
