// CurlNetwork: real HTTP and HTTPS requests for native programs (the terminal runner's crawler),
// on libcurl's multi interface. Everything runs on the loop's thread: the host waits on curl's
// sockets and its next timer together (wait_and_deliver), then runs the finished requests'
// callbacks between iterations, as the browser's event loop does. Only this file's .cpp sees curl.
#pragma once
#include "runtime/fetch.hpp"

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aio {

struct CurlNetworkOptions {
    size_t max_header_bytes = 64 << 10;   // bytes of one response's headers; more fails the request
    long max_redirects = kMaxRedirects;   // redirects followed, as aiohttp's max_redirects
    std::string ca_file;                  // PEM file of trusted CAs; empty: the system's store
};

class CurlNetwork final : public Network {
public:
    using Clock = std::chrono::steady_clock;
    explicit CurlNetwork(CurlNetworkOptions options = {});
    CurlNetwork(const CurlNetwork&) = delete;
    CurlNetwork& operator=(const CurlNetwork&) = delete;
    ~CurlNetwork() override;   // aborts what is in flight, at once: no callback runs

    // A GET (or options.method) of an http(s) URL. Spaces and non-ASCII bytes are percent-encoded;
    // a URL with a control character fails with InvalidUrl. The body keeps options.max_body bytes
    // (truncated is then set); options.timeout > 0 also bounds the transfer inside curl. Errors:
    // InvalidUrl, Network (refused, TLS, too many redirects, headers over max_header_bytes, a body
    // shorter than its Content-Length), Timeout. done runs from wait_and_deliver(), never inline.
    uint64_t start(const std::string& url, const FetchOptions& options, std::function<void(FetchResult)> done) override;
    void abort(uint64_t id) override;   // done is then never called

    bool busy() const;   // requests started whose callback has not run yet
    // Waits on the transfers' sockets until one finishes or `until` passes (forever: nullopt),
    // then runs the callbacks of the finished ones.
    void wait_and_deliver(std::optional<Clock::time_point> until);

private:
    struct Transfer;
    struct Multi;
    CurlNetworkOptions options_;
    std::unique_ptr<Multi> multi_;
    std::map<uint64_t, std::unique_ptr<Transfer>> transfers_;   // in curl's hands
    std::vector<std::pair<uint64_t, FetchResult>> finished_;     // waiting for their callbacks
    std::map<uint64_t, std::function<void(FetchResult)>> callbacks_;
    uint64_t next_id_ = 1;
};

}  // namespace aio
