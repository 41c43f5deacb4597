// fetch(url, options): an awaitable HTTP request (the runtime's aiohttp `session.get`). The
// network itself is the host's: JavaScript's fetch() in the browser and Node, libcurl in the
// terminal runner (CurlNetwork), a scripted VirtualNetwork in tests. Cancelling the awaiting task
// aborts the request.
//
//   aio::Response r = co_await aio::fetch("https://example.org/", {.timeout = 10});
#pragma once
#include "runtime/coro.hpp"
#include "runtime/loop.hpp"

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace aio {

class Network;

// Trivially copyable on purpose: g++ 12 mishandles temporaries with destructors passed
// into a coroutine inside a co_await expression (`co_await fetch(url, {.timeout = 2})`).
// Redirects a request follows before it fails, as aiohttp's max_redirects (and libcurl's, set so).
constexpr int kMaxRedirects = 10;

struct FetchOptions {
    const char* method = "GET";
    Time timeout = 30;                  // seconds of loop time; <= 0: no limit
    size_t max_body = 4 << 20;          // bytes kept of the body; the rest is dropped (truncated)
    Network* network = nullptr;         // where the request goes; nullptr: the loop's (set_network)
};

struct Response {
    int status = 0;
    std::string url;                    // the final URL, after redirects
    std::string content_type;
    std::string body;
    bool truncated = false;             // the body was longer than max_body
    bool ok() const { return status >= 200 && status < 300; }
    bool operator==(const Response&) const = default;
};

// Why a request failed, in words a learner understands (what() says it in full).
class FetchError : public std::runtime_error {
public:
    enum class Kind { InvalidUrl, Network, Timeout, Aborted };
    FetchError(Kind kind, const std::string& msg) : std::runtime_error(msg), kind_(kind) {}
    Kind kind() const { return kind_; }
private:
    Kind kind_;
};

// What a network hands back: a response, or an error.
struct FetchResult {
    Response response;
    bool failed = false;
    FetchError::Kind error = FetchError::Kind::Network;
    std::string message;
    bool operator==(const FetchResult&) const = default;
};

// The host's network. start() must call done later, from the host's event loop, never inline.
class Network {
public:
    virtual ~Network() = default;
    virtual uint64_t start(const std::string& url, const FetchOptions& options,
                           std::function<void(FetchResult)> done) = 0;
    virtual void abort(uint64_t id) = 0;   // done is then never called
    // A network on the loop's own clock (VirtualNetwork) delivers request `id` from a loop timer:
    // the loop time (seconds) that timer is due at. -1 (the default): done is called from outside
    // the loop, between iterations. A recording keeps it so a replay schedules the same timer.
    virtual Time due_at(uint64_t /*id*/) const { return -1; }
};

// A request in flight, for the loop panel.
struct FetchInFlight {
    uint64_t id;
    std::string url;
    Time started;
    uint32_t task;
};

void set_network(Loop& loop, Network* network);
const std::vector<FetchInFlight>& fetches_in_flight(const Loop& loop);

Coro<Response> fetch(std::string url, FetchOptions options = {});

}  // namespace aio
