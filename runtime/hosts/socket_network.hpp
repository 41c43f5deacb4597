// SocketNetwork: real HTTP/1.0 requests for native programs (the terminal runner's crawler),
// over POSIX sockets, one thread per request. Plain http only: there is no TLS library here.
// Answers are handed to the loop by the host: wait_and_deliver() runs their callbacks on the
// loop's thread, between iterations, as the browser's event loop does.
#pragma once
#include "runtime/fetch.hpp"

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace aio {

class SocketNetwork final : public Network {
public:
    using Clock = std::chrono::steady_clock;
    SocketNetwork() = default;
    SocketNetwork(const SocketNetwork&) = delete;
    SocketNetwork& operator=(const SocketNetwork&) = delete;
    ~SocketNetwork() override;   // waits for requests still running (each is bounded by its timeout)

    uint64_t start(const std::string& url, const FetchOptions& options, std::function<void(FetchResult)> done) override;
    void abort(uint64_t id) override;

    bool busy() const;   // requests started whose callback has not run yet
    // Blocks until an answer arrives or `until` passes, then runs the callbacks of the answers.
    void wait_and_deliver(std::optional<Clock::time_point> until);

    // One blocking GET, following redirects (used by the request threads; public for tests).
    static FetchResult get(std::string url, const FetchOptions& options);

private:
    struct Request {
        std::function<void(FetchResult)> done;
        std::optional<FetchResult> result;   // set by the request's thread
        std::thread thread;
        bool aborted = false;
    };
    mutable std::mutex mu_;
    std::condition_variable answered_;
    std::map<uint64_t, Request> requests_;
    uint64_t next_id_ = 1;
};

}  // namespace aio
