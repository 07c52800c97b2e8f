import Foundation
import NewsKitCore

/// robots.txt per origin, fetched once: concurrent requests to one host share the fetch.
actor RobotsCache {
    private var entries: [String: Task<RobotsOutcome, Never>] = [:]

    func rules(for url: URL, fetch: @escaping @Sendable (URL) async -> RobotsOutcome) async -> RobotsOutcome {
        let port = url.port.map { ":\($0)" } ?? ""
        let origin = "\(url.scheme?.lowercased() ?? "http")://\(url.host?.lowercased() ?? "")\(port)"
        if let task = entries[origin] { return await task.value }
        let robotsURL = URL(string: origin + "/robots.txt")!
        let task = Task { await fetch(robotsURL) }
        entries[origin] = task
        return await task.value
    }
}
