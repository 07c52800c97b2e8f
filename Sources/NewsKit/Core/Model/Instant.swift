import Foundation

/// An exact point in time together with the UTC offset it was written in, so that
/// `2025-08-13T08:00:00+09:00` round-trips exactly. Korean pages give KST (+09:00).
///
/// Formatting and parsing are done by hand: no `DateFormatter`, no locale, no time zone database.
public struct Instant: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The moment.
    public var date: Date
    /// Seconds east of UTC the instant is written in (KST: 32 400).
    public var utcOffset: Int

    /// Korea Standard Time, UTC+9 (no daylight saving since 1988).
    public static let kst = 9 * 3600

    /// An instant from a moment and the offset to write it in.
    /// - Parameters:
    ///   - date: the moment.
    ///   - utcOffset: seconds east of UTC (KST, +09:00, by default; 0 for UTC).
    public init(date: Date, utcOffset: Int = Instant.kst) {
        self.date = date
        self.utcOffset = utcOffset
    }

    /// An instant from calendar fields read on a wall clock with the given offset.
    /// - Parameters:
    ///   - year: the year of the proleptic Gregorian calendar (`2025`, not `25`).
    ///   - month: 1…12.
    ///   - day: 1…the month's length (leap years counted).
    ///   - hour: 0…23.
    ///   - minute: 0…59.
    ///   - second: 0…60; a leap second 60 is read as 59.
    ///   - utcOffset: seconds east of UTC the fields are read in (KST by default).
    /// - Returns: nil when a field is out of range (month 13, 30 February, 25:00 …).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, utcOffset: Int = Instant.kst) {
        guard (1...12).contains(month), (1...Instant.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let days = Instant.daysFromCivil(year, month, day)
        let local = Double(days * 86_400 + hour * 3600 + minute * 60 + min(second, 59))
        self.date = Date(timeIntervalSince1970: local - Double(utcOffset))
        self.utcOffset = utcOffset
    }

    public static func < (a: Instant, b: Instant) -> Bool { a.date < b.date }

    /// Wall-clock fields in this instant's offset.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let local = Int(floor(date.timeIntervalSince1970)) + utcOffset
        let days = Int(floor(Double(local) / 86_400))
        let secs = local - days * 86_400
        let (y, m, d) = Instant.civilFromDays(days)
        return (y, m, d, secs / 3600, (secs % 3600) / 60, secs % 60)
    }

    /// ISO-8601 with the offset: `2025-08-13T08:00:00+09:00` (`Z` for UTC).
    public var iso8601: String {
        let c = components
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var s = "\(String(format: "%04d", c.year))-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
        if utcOffset == 0 { return s + "Z" }
        let sign = utcOffset < 0 ? "-" : "+"
        let off = abs(utcOffset)
        s += "\(sign)\(two(off / 3600)):\(two((off % 3600) / 60))"
        return s
    }

    public var description: String { iso8601 }

    /// Parses ISO-8601 / RFC 3339 date-times: `2025-08-13T08:00:00+09:00`, `…Z`, `…+0900`,
    /// fractional seconds, a space instead of `T`. A date-time without an offset is read in KST.
    /// - Parameter s: the timestamp; surrounding spaces are ignored, a date alone
    ///   (`2025-08-13`) is midnight KST, and fractions of a second are dropped.
    /// - Returns: nil when `s` is not such a timestamp or a field is out of range.
    public init?(iso8601 s: String) {
        let u = Array(s.trimmingCharacters(in: .whitespaces).utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= u.count else { return nil }
            var v = 0
            for k in 0..<digits {
                let c = u[i + k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += digits
            return v
        }
        func expect(_ c: UInt8) -> Bool { if i < u.count && u[i] == c { i += 1; return true }; return false }
        guard let y = number(4), expect(0x2D), let mo = number(2), expect(0x2D), let d = number(2) else { return nil }
        var h = 0, mi = 0, se = 0
        var offset = Instant.kst
        if i < u.count && (u[i] == 0x54 || u[i] == 0x20 || u[i] == 0x74) {
            i += 1
            guard let hh = number(2), expect(0x3A), let mm = number(2) else { return nil }
            h = hh; mi = mm
            if expect(0x3A) { guard let ss = number(2) else { return nil }; se = ss }
            if expect(0x2E) || expect(0x2C) { while i < u.count && u[i] >= 0x30 && u[i] <= 0x39 { i += 1 } }
            if i < u.count {
                if u[i] == 0x5A || u[i] == 0x7A { offset = 0; i += 1 }
                else if u[i] == 0x2B || u[i] == 0x2D {
                    let sign = u[i] == 0x2D ? -1 : 1
                    i += 1
                    guard let oh = number(2) else { return nil }
                    _ = expect(0x3A)
                    let om = number(2) ?? 0
                    offset = sign * (oh * 3600 + om * 60)
                }
            }
        }
        guard i == u.count else { return nil }
        self.init(year: y, month: mo, day: d, hour: h, minute: mi, second: se, utcOffset: offset)
    }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let v = Instant(iso8601: s) else {
            throw Swift.DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO-8601 instant: \(s)"))
        }
        self = v
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso8601)
    }

    // MARK: Civil calendar (Howard Hinnant's algorithms)

    package static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
