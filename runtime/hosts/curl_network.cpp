// libcurl's multi interface behind the runtime's Network: transfers advance only inside
// wait_and_deliver(), on the loop's thread, so no locks and no threads.
#include "runtime/hosts/curl_network.hpp"

#include "runtime/repr.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace aio {

namespace {

FetchResult failure(FetchError::Kind kind, std::string message) {
    FetchResult r;
    r.failed = true;
    r.error = kind;
    r.message = std::move(message);
    return r;
}

// RFC 9110's token: what a method may be spelled with (no spaces, no CR/LF).
bool is_token(const char* s) {
    if (!s || !*s) return false;
    for (; *s; ++s)
        if (!std::isalnum(static_cast<unsigned char>(*s)) && !std::strchr("!#$%&'*+-.^_`|~", *s)) return false;
    return true;
}

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0) throw std::runtime_error("libcurl failed to initialise");
    });
}

}  // namespace

struct CurlNetwork::Multi {
    CURLM* handle = curl_multi_init();
    ~Multi() { curl_multi_cleanup(handle); }
};

struct CurlNetwork::Transfer {
    CURL* easy = nullptr;
    CURLU* url = nullptr;
    std::string shown_url;        // as given, for messages
    size_t max_body = 0;
    size_t max_header_bytes = 0;
    size_t header_bytes = 0;      // of the current response (a redirect starts a new one)
    bool headers_ended = true;    // the last header line was the blank one (or none came yet)
    bool truncated = false;       // the body went past max_body: stopped on purpose
    bool headers_too_large = false;
    std::string body;
    char error[CURL_ERROR_SIZE] = {};

    ~Transfer() {
        if (easy) curl_easy_cleanup(easy);
        if (url) curl_url_cleanup(url);
    }

    static size_t on_header(char* data, size_t, size_t n, void* self) {
        auto* t = static_cast<Transfer*>(self);
        if (t->headers_ended) {   // a new response (after a redirect or a 1xx), or trailers
            t->header_bytes = 0;
            if (n >= 5 && std::memcmp(data, "HTTP/", 5) == 0) {
                t->body.clear();
                t->truncated = false;
            }
        }
        t->headers_ended = (n == 2 && data[0] == '\r') || (n == 1 && data[0] == '\n');
        t->header_bytes += n;
        if (t->header_bytes > t->max_header_bytes) {
            t->headers_too_large = true;
            return 0;   // curl stops with CURLE_WRITE_ERROR
        }
        return n;
    }

    static size_t on_body(char* data, size_t, size_t n, void* self) {
        auto* t = static_cast<Transfer*>(self);
        const size_t room = t->max_body - t->body.size();
        t->body.append(data, std::min(n, room));
        if (n <= room) return n;
        t->truncated = true;   // the rest is dropped, as the browser's reader cancels the stream
        return 0;
    }

    // What the finished transfer amounts to, for the runtime.
    FetchResult result(CURLcode code) {
        if (headers_too_large)
            return failure(FetchError::Kind::Network, "the response's headers are larger than " +
                                                          std::to_string(max_header_bytes) + " bytes: " + shown_url);
        if (code != CURLE_OK && !(code == CURLE_WRITE_ERROR && truncated)) {
            const std::string why = *error ? error : curl_easy_strerror(code);
            switch (code) {
                case CURLE_OPERATION_TIMEDOUT: return failure(FetchError::Kind::Timeout, why);
                case CURLE_PARTIAL_FILE:
                    return failure(FetchError::Kind::Network, "the body is shorter than its Content-Length (" + why + "): " + shown_url);
                default: return failure(FetchError::Kind::Network, why + ": " + shown_url);
            }
        }
        FetchResult r;
        long status = 0;
        char* final_url = nullptr;
        char* type = nullptr;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &final_url);
        curl_easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &type);
        r.response.status = static_cast<int>(status);
        r.response.url = final_url ? final_url : shown_url;
        r.response.content_type = type ? type : "";
        r.response.body = std::move(body);
        r.response.truncated = truncated;
        return r;
    }
};

CurlNetwork::CurlNetwork(CurlNetworkOptions options) : options_(std::move(options)) {
    global_init();
    multi_ = std::make_unique<Multi>();
    if (!multi_->handle) throw std::runtime_error("libcurl: cannot create a multi handle");
}

CurlNetwork::~CurlNetwork() {
    for (auto& [id, t] : transfers_) curl_multi_remove_handle(multi_->handle, t->easy);
}

uint64_t CurlNetwork::start(const std::string& url, const FetchOptions& options, std::function<void(FetchResult)> done) {
    const uint64_t id = next_id_++;
    callbacks_[id] = std::move(done);
    auto t = std::make_unique<Transfer>();
    t->shown_url = url;
    t->max_body = options.max_body;
    t->max_header_bytes = options_.max_header_bytes;
    t->url = curl_url();
    // Spaces and non-ASCII are percent-encoded; control characters are refused (no request-line injection).
    const CURLUcode bad_url = curl_url_set(t->url, CURLUPART_URL, url.c_str(), CURLU_URLENCODE | CURLU_ALLOW_SPACE);
    char* scheme = nullptr;
    const bool http = !bad_url && curl_url_get(t->url, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
                      (std::strcmp(scheme, "http") == 0 || std::strcmp(scheme, "https") == 0);
    curl_free(scheme);
    if (bad_url || !http) {
        finished_.emplace_back(id, failure(FetchError::Kind::InvalidUrl, "not a valid http(s) URL (" +
                                               std::string(bad_url ? curl_url_strerror(bad_url) : "another scheme") +
                                               "): " + repr(url)));
        return id;
    }
    if (!is_token(options.method)) {
        finished_.emplace_back(id, failure(FetchError::Kind::InvalidUrl, "not an HTTP method: " + repr(options.method ? options.method : "")));
        return id;
    }
    CURL* e = t->easy = curl_easy_init();
    if (!e) {
        finished_.emplace_back(id, failure(FetchError::Kind::Network, "libcurl: cannot create a request for " + url));
        return id;
    }
    curl_easy_setopt(e, CURLOPT_CURLU, t->url);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, options_.max_redirects);
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    if (std::strcmp(options.method, "GET") != 0) curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, options.method);
    if (options.timeout > 0)   // the loop's timer fires too; this bounds the transfer even if the loop is busy
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(std::min(std::ceil(options.timeout * 1000), double(LONG_MAX))));
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");   // what aiohttp accepts too; max_body counts decoded bytes
    curl_easy_setopt(e, CURLOPT_USERAGENT, "aio-playground");
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Transfer::on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    if (!options_.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, options_.ca_file.c_str());
    if (curl_multi_add_handle(multi_->handle, e) != CURLM_OK) {
        finished_.emplace_back(id, failure(FetchError::Kind::Network, "libcurl refused the request: " + url));
        return id;
    }
    transfers_[id] = std::move(t);
    return id;
}

void CurlNetwork::abort(uint64_t id) {
    callbacks_.erase(id);
    std::erase_if(finished_, [&](const auto& f) { return f.first == id; });
    if (auto it = transfers_.find(id); it != transfers_.end()) {
        curl_multi_remove_handle(multi_->handle, it->second->easy);
        transfers_.erase(it);
    }
}

bool CurlNetwork::busy() const { return !callbacks_.empty(); }

void CurlNetwork::wait_and_deliver(std::optional<Clock::time_point> until) {
    for (;;) {
        int running = 0;
        curl_multi_perform(multi_->handle, &running);
        int left = 0;
        while (CURLMsg* m = curl_multi_info_read(multi_->handle, &left)) {
            if (m->msg != CURLMSG_DONE) continue;
            const auto it = std::find_if(transfers_.begin(), transfers_.end(),
                                         [&](const auto& t) { return t.second->easy == m->easy_handle; });
            if (it == transfers_.end()) continue;
            const CURLcode code = m->data.result;   // m is invalid once the handle is removed
            curl_multi_remove_handle(multi_->handle, it->second->easy);
            finished_.emplace_back(it->first, it->second->result(code));
            transfers_.erase(it);
        }
        if (!finished_.empty() || transfers_.empty()) break;
        int wait_ms = 1000;   // curl shortens it to its own next timeout
        if (until) {
            const auto left_ms = std::chrono::ceil<std::chrono::milliseconds>(*until - Clock::now()).count();
            if (left_ms <= 0) break;
            wait_ms = static_cast<int>(std::min<long long>(left_ms, wait_ms));
        }
        curl_multi_poll(multi_->handle, nullptr, 0, wait_ms, nullptr);
    }
    // Callbacks may start or abort requests: run them on a list of their own.
    std::vector<std::pair<uint64_t, FetchResult>> ready;
    ready.swap(finished_);
    for (auto& [id, result] : ready) {
        auto it = callbacks_.find(id);
        if (it == callbacks_.end()) continue;   // aborted by an earlier callback
        auto done = std::move(it->second);
        callbacks_.erase(it);
        done(std::move(result));
    }
}

}  // namespace aio
