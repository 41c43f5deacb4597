// VirtualNetwork: a scripted network on the loop's clock, for tests and offline demos. Each
// route answers after a latency with a status and body, redirects, or fails like a real network.
#pragma once
#include "runtime/detail/due_answers.hpp"
#include "runtime/fetch.hpp"

#include <map>
#include <optional>
#include <string>

namespace aio {

struct Route {
    Time latency = 0.1;                  // seconds of loop time until the answer
    int status = 200;
    std::string body = {};
    std::string content_type = "text/html";
    std::string redirect_to = {};        // non-empty: answer is a redirect to this URL (followed)
    bool network_error = false;          // the connection fails (as a refused connection or CORS)
};

class VirtualNetwork final : public Network {
public:
    explicit VirtualNetwork(Loop& loop) : loop_(loop), answers_(loop) {}
    ~VirtualNetwork() override;
    void route(const std::string& url, Route r) { routes_[url] = std::move(r); }
    // Answers URLs that have no route of their own (a static site's files by path, whatever the
    // query); nullopt: nothing there, which fails as a network error.
    std::function<std::optional<Route>(const std::string& url)> fallback;

    uint64_t start(const std::string& url, const FetchOptions& options, std::function<void(FetchResult)> done) override;
    void abort(uint64_t id) override;
    Time due_at(uint64_t id) const override { return answers_.due(id); }   // each answer comes from a loop timer
    size_t started() const { return next_id_ - 1; }
    size_t aborted() const { return aborted_; }

private:
    FetchResult resolve(std::string url, const FetchOptions& options, Time& latency) const;

    Loop& loop_;
    std::map<std::string, Route> routes_;
    detail::DueAnswers answers_;   // a request until its answer is due: the answer's timer says which request it is
    uint64_t next_id_ = 1;
    size_t aborted_ = 0;
};

}  // namespace aio
