import Foundation
import NewsKitCore
internal import CCurl

/// Fetches over HTTP(S) with libcurl: many transfers at once on libcurl's multi interface,
/// driven by one thread of its own; `async` for callers. Cancelling the calling task cancels
/// its transfer.
///
/// Each transfer gets the request's connect and total timeouts, redirect limit (the final URL
/// is recorded on the ``Page``), body-size limit, user agent and headers; compressed responses
/// (gzip, deflate, br, zstd: whatever libcurl was built with) are decoded; HTTP/2 is used where
/// the server offers it. Any HTTP status comes back as a page; politeness, retries and caching
/// are ``PoliteFetcher``'s job.
///
/// `CurlFetcher` is a reference type and `Sendable`: share one per process. It stops its thread
/// and frees libcurl's handles in ``close()`` (or when released).
public final class CurlFetcher: Fetcher, @unchecked Sendable {
    /// Transfers running at once, at most; more wait in line.
    public let maximumConcurrentTransfers: Int

    private let lock = NSLock()
    private let multi: UnsafeMutableRawPointer
    private var waiting: [Transfer] = []
    private var running: [Int: Transfer] = [:]
    private var cancelled: Set<Int> = []
    /// Transfers given an id whose request is not yet in `waiting`: a cancellation that comes
    /// first must wait for the request, not be dropped by the loop that finds nothing to cancel.
    private var registering: Set<Int> = []
    private var nextID = 0
    private var stopping = false
    private var thread: Thread?
    private let stopped = DispatchSemaphore(value: 0)

    private static let globalInit: Bool = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK }()

    /// Starts a fetcher and its transfer thread; call ``close()`` (or release it) to stop them.
    /// - Parameter maximumConcurrentTransfers: transfers running at once (at least 1); more wait in line.
    public init(maximumConcurrentTransfers: Int = 64) {
        _ = CurlFetcher.globalInit
        self.maximumConcurrentTransfers = max(1, maximumConcurrentTransfers)
        multi = curl_multi_init()
        _ = nk_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(16, maximumConcurrentTransfers))
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "NewsKit.CurlFetcher"
        self.thread = thread
        thread.start()
    }

    deinit { close() }

    /// Stops the transfer thread; running transfers fail as cancelled. Idempotent.
    public func close() {
        lock.lock()
        if stopping || thread == nil { lock.unlock(); return }
        stopping = true
        lock.unlock()
        curl_multi_wakeup(multi)
        stopped.wait()
        curl_multi_cleanup(multi)
        lock.withLock { thread = nil }
    }

    /// Whether this libcurl decodes the given compression (`gzip`, `br`, `zstd`) and speaks HTTP/2.
    public static var features: (gzip: Bool, brotli: Bool, zstd: Bool, http2: Bool) {
        (nk_curl_has_feature("libz") != 0, nk_curl_has_feature("brotli") != 0, nk_curl_has_feature("zstd") != 0,
         nk_curl_has_feature("HTTP2") != 0)
    }

    public func fetch(_ request: FetchRequest) async throws(FetchError) -> Page {
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw FetchError(.invalidURL, url: request.url.absoluteString, curlMessage: "only http and https URLs are fetched")
        }
        let id: Int = lock.withLock { nextID += 1; registering.insert(nextID); return nextID }
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Page, Error>) in
                    let transfer = Transfer(id: id, request: request, continuation: continuation)
                    lock.lock()
                    registering.remove(id)
                    if stopping || cancelled.remove(id) != nil {
                        lock.unlock()
                        transfer.finish(.failure(FetchError(.cancelled, url: request.url.absoluteString)))
                        return
                    }
                    waiting.append(transfer)
                    lock.unlock()
                    curl_multi_wakeup(multi)
                }
            } onCancel: {
                lock.withLock { _ = cancelled.insert(id) }
                curl_multi_wakeup(multi)
            }
        } catch let e as FetchError {
            throw e
        } catch {
            throw FetchError(.transport, url: request.url.absoluteString, curlMessage: "\(error)")
        }
    }

    // MARK: The transfer thread

    private func loop() {
        var stillRunning: Int32 = 0
        while true {
            lock.lock()
            let stop = stopping
            var toStart: [Transfer] = []
            while !waiting.isEmpty && running.count + toStart.count < maximumConcurrentTransfers {
                toStart.append(waiting.removeFirst())
            }
            let toCancel = cancelled
            cancelled.removeAll()
            lock.unlock()
            if stop { break }

            for t in toStart {
                if toCancel.contains(t.id) {
                    t.finish(.failure(FetchError(.cancelled, url: t.request.url.absoluteString)))
                    continue
                }
                if let easy = t.start() {
                    curl_multi_add_handle(multi, easy)
                    lock.withLock { running[t.id] = t }
                }
            }
            for id in toCancel {
                let waitingTransfer: Transfer? = lock.withLock {
                    if let k = waiting.firstIndex(where: { $0.id == id }) { return waiting.remove(at: k) }
                    // Cancelled before its request arrived: kept for the request to find.
                    if registering.contains(id) { cancelled.insert(id) }
                    return nil
                }
                if let t = waitingTransfer { t.finish(.failure(FetchError(.cancelled, url: t.request.url.absoluteString))) }
                if let t = lock.withLock({ running.removeValue(forKey: id) }) {
                    if let easy = t.easy { curl_multi_remove_handle(multi, easy) }
                    t.finish(.failure(FetchError(.cancelled, url: t.request.url.absoluteString)))
                }
            }

            curl_multi_perform(multi, &stillRunning)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
                let result = message.pointee.data.result
                var raw: UnsafeMutableRawPointer? = nil
                _ = nk_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &raw)
                curl_multi_remove_handle(multi, easy)
                guard let raw else { continue }
                let t = Unmanaged<Transfer>.fromOpaque(raw).takeUnretainedValue()
                lock.withLock { _ = running.removeValue(forKey: t.id) }
                t.complete(result)
            }
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        // Shutting down: fail whatever is left.
        let left: [Transfer] = lock.withLock {
            let all = waiting + Array(running.values)
            waiting.removeAll()
            running.removeAll()
            return all
        }
        for t in left {
            if let easy = t.easy { curl_multi_remove_handle(multi, easy) }
            t.finish(.failure(FetchError(.cancelled, url: t.request.url.absoluteString, curlMessage: "the fetcher was closed")))
        }
        stopped.signal()
    }
}

/// One transfer: its easy handle, buffers and continuation. Touched only by the transfer thread
/// (and by `fetch` before it is handed over).
private final class Transfer {
    let id: Int
    let request: FetchRequest
    private var continuation: CheckedContinuation<Page, Error>?
    var easy: UnsafeMutableRawPointer?
    var body: [UInt8] = []
    var headers: [HTTPHeader] = []
    var tooLarge = false
    private var slist: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    init(id: Int, request: FetchRequest, continuation: CheckedContinuation<Page, Error>) {
        self.id = id
        self.request = request
        self.continuation = continuation
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        if let easy { curl_easy_cleanup(easy) }
        if let slist { curl_slist_free_all(slist) }
        errorBuffer.deallocate()
    }

    /// Creates and configures the easy handle.
    func start() -> UnsafeMutableRawPointer? {
        guard let easy = curl_easy_init() else {
            finish(.failure(FetchError(.transport, url: request.url.absoluteString, curlMessage: "curl_easy_init failed")))
            return nil
        }
        self.easy = easy
        let o = request.options
        let me = Unmanaged.passUnretained(self).toOpaque()
        _ = nk_easy_setopt_string(easy, CURLOPT_URL, request.url.absoluteString)
        _ = nk_easy_setopt_pointer(easy, CURLOPT_PRIVATE, me)
        _ = nk_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = nk_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = nk_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = nk_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, o.followsRedirects ? 1 : 0)
        _ = nk_easy_setopt_long(easy, CURLOPT_MAXREDIRS, max(0, o.maximumRedirects))
        _ = nk_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, FetchOptions.milliseconds(o.connectTimeout))
        _ = nk_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, FetchOptions.milliseconds(o.timeout))
        if !o.truncatesAtLimit {
            _ = nk_easy_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(max(0, o.maximumBodyBytes)))
        }
        _ = nk_easy_setopt_string(easy, CURLOPT_USERAGENT, o.userAgent)
        _ = nk_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        if o.acceptCompression { _ = nk_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "") }
        _ = nk_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        for h in request.headers { slist = curl_slist_append(slist, "\(h.name): \(h.value)") }
        if let slist { _ = nk_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, slist) }
        _ = nk_easy_setopt_write_function(easy, CURLOPT_WRITEFUNCTION, Transfer.writeBody)
        _ = nk_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, me)
        _ = nk_easy_setopt_write_function(easy, CURLOPT_HEADERFUNCTION, Transfer.writeHeader)
        _ = nk_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, me)
        return easy
    }

    static let writeBody: nk_write_callback = { data, size, count, user in
        guard let data, let user else { return 0 }
        let t = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
        let n = size * count
        let limit = t.request.options.maximumBodyBytes
        if t.body.count + n > limit {
            t.tooLarge = true
            if t.request.options.truncatesAtLimit, t.body.count < limit {
                let keep = limit - t.body.count
                data.withMemoryRebound(to: UInt8.self, capacity: keep) { t.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: keep)) }
            }
            return 0   // aborts the transfer (CURLE_WRITE_ERROR)
        }
        data.withMemoryRebound(to: UInt8.self, capacity: n) { t.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n)) }
        return n
    }

    static let writeHeader: nk_write_callback = { data, size, count, user in
        guard let data, let user else { return 0 }
        let t = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
        let n = size * count
        let line = data.withMemoryRebound(to: UInt8.self, capacity: n) { String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self) }
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            t.headers.removeAll()   // a new response (after a redirect or 100 Continue)
        } else if let colon = line.firstIndex(of: ":") {
            t.headers.append(HTTPHeader(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return n
    }

    /// Called on the transfer thread when libcurl finishes the transfer.
    func complete(_ code: CURLcode) {
        let url = request.url.absoluteString
        var status = 0
        if let easy { _ = nk_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status) }
        if code == CURLE_OK || (code == CURLE_WRITE_ERROR && tooLarge && request.options.truncatesAtLimit) {
            if code != CURLE_OK { headers.append(HTTPHeader(name: FetchOptions.truncatedHeader, value: "\(request.options.maximumBodyBytes)")) }
            var effective: UnsafeMutablePointer<CChar>? = nil
            if let easy { _ = nk_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective) }
            let finalURL = effective.flatMap { URL(string: String(cString: $0)) } ?? request.url
            let page = Page(bytes: body, requestedURL: request.url, finalURL: finalURL, httpStatus: status,
                            headers: headers, fetchedAt: Date())
            finish(.success(page))
            return
        }
        let detail = String(cString: errorBuffer)
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let kind: FetchError.Code
        switch code {
        case CURLE_OPERATION_TIMEDOUT: kind = .timeout
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING,
             CURLE_PARTIAL_FILE, CURLE_COULDNT_RESOLVE_PROXY, CURLE_SSL_CONNECT_ERROR, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            kind = .connection
        case CURLE_TOO_MANY_REDIRECTS: kind = .tooManyRedirects
        case CURLE_FILESIZE_EXCEEDED: kind = .tooLarge
        case CURLE_WRITE_ERROR: kind = tooLarge ? .tooLarge : .transport
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT: kind = .invalidURL
        default: kind = .transport
        }
        finish(.failure(FetchError(kind, url: url, httpStatus: status == 0 ? nil : status, curlMessage: message)))
    }

    func finish(_ result: Result<Page, FetchError>) {
        guard let c = continuation else { return }
        continuation = nil
        switch result {
        case .success(let page): c.resume(returning: page)
        case .failure(let error): c.resume(throwing: error)
        }
    }
}
