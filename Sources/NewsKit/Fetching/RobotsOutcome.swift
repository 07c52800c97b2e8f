import NewsKitCore
/// What a host's robots.txt fetch gave: the rules, and the problem when it could not be had
/// (everything is then disallowed, as RFC 9309 asks).
struct RobotsOutcome: Sendable {
    var rules: RobotsTxt
    var problem: String?
}
