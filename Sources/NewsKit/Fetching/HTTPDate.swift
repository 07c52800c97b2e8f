import Foundation
import NewsKitCore

/// HTTP dates (RFC 9110 IMF-fixdate, and RFC 850 / asctime leniently) and RFC 822 feed dates.
public enum HTTPDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Parses `Wed, 13 Aug 2025 08:00:00 GMT`, `Wed, 13 Aug 2025 08:00:00 +0900`, `13 Aug 25 08:00 KST`.
    /// - Parameter s: the date as written in a header or a feed.
    /// - Returns: the moment, as ``instant(_:)`` reads it; nil when `s` is not such a date.
    public static func parse(_ s: String) -> Date? { instant(s)?.date }

    /// Parses an HTTP or RFC 822 date, keeping the offset it was written in.
    ///
    /// The weekday is optional; two-digit years are 19xx from 70 and 20xx below; the zone may be
    /// `GMT`, `UT`, `UTC`, `Z`, `KST`, `EST`, `EDT`, `PST`, `PDT` or `±hhmm`, and a missing or
    /// unknown zone is read as UTC.
    /// - Parameter s: the date as written, e.g. `Wed, 13 Aug 2025 08:00:00 +0900` or the asctime
    ///   form `Wed Aug 13 08:00:00 2025`.
    /// - Returns: the instant with the date's UTC offset (KST is +09:00); nil when `s` is not
    ///   such a date or a field is out of range.
    public static func instant(_ s: String) -> Instant? {
        var parts = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if let first = parts.first, first.count <= 9, first.rangeOfCharacter(from: .decimalDigits) == nil { parts.removeFirst() }  // weekday
        guard parts.count >= 4 else { return nil }
        var day: Int?, month: Int?, year: Int?, time: String?
        if let d = Int(parts[0]), let m = months.firstIndex(of: String(parts[1].prefix(3)).lowercased()) {
            day = d; month = m + 1; year = Int(parts[2]); time = parts[3]
        } else if let m = months.firstIndex(of: String(parts[0].prefix(3)).lowercased()), let d = Int(parts[1]) {
            // asctime: "Aug 13 08:00:00 2025"
            day = d; month = m + 1; time = parts[2]; year = Int(parts[3])
        }
        guard let dd = day, let mm = month, var yy = year, let t = time else { return nil }
        if yy < 100 { yy += yy < 70 ? 2000 : 1900 }
        let hms = t.split(separator: ":").compactMap { Int($0) }
        guard hms.count >= 2 else { return nil }
        var offset = 0
        if let zone = parts.dropFirst(4).first {
            switch zone.uppercased() {
            case "GMT", "UT", "UTC", "Z": offset = 0
            case "KST": offset = Instant.kst
            case "EST": offset = -5 * 3600
            case "EDT": offset = -4 * 3600
            case "PST": offset = -8 * 3600
            case "PDT": offset = -7 * 3600
            default:
                let digits = zone.filter(\.isNumber)
                if (zone.hasPrefix("+") || zone.hasPrefix("-")), digits.count == 4, let v = Int(digits) {
                    offset = (zone.hasPrefix("-") ? -1 : 1) * ((v / 100) * 3600 + (v % 100) * 60)
                }
            }
        }
        return Instant(year: yy, month: mm, day: dd, hour: hms[0], minute: hms[1], second: hms.count > 2 ? hms[2] : 0, utcOffset: offset)
    }

    /// Formats a moment as an HTTP date (IMF-fixdate), always in GMT: `Wed, 13 Aug 2025 08:00:00 GMT`.
    /// - Parameter date: the moment; fractions of a second are dropped.
    /// - Returns: the date in English, whatever the machine's locale.
    public static func format(_ date: Date) -> String {
        let i = Instant(date: date, utcOffset: 0)
        let c = i.components
        let days = Instant.daysFromCivil(c.year, c.month, c.day)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let month = months[c.month - 1].capitalized
        return String(format: "%@, %02d %@ %04d %02d:%02d:%02d GMT", weekday, c.day, month, c.year, c.hour, c.minute, c.second)
    }
}
