import NewsKitCore
/// HTTP status codes as written on a status line.
package enum HTTPStatus {
    /// The reason phrase for a status line (`404` → `Not Found`); `Status` for codes not listed.
    package static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
