// BrowserNetwork: fetch() through JavaScript's fetch() with an AbortController (browser and
// Node). Completions arrive from the JavaScript event loop; on_activity lets the host schedule.
#pragma once
#include "runtime/fetch.hpp"

#include <functional>
#include <map>

namespace aio {

class BrowserNetwork final : public Network {
public:
    BrowserNetwork();
    ~BrowserNetwork() override;
    // Request ids are 1, 2, ... for each network (a run has its own): the n-th request's id is n.
    uint64_t start(const std::string& url, const FetchOptions& options, std::function<void(FetchResult)> done) override;
    void abort(uint64_t id) override;

    // A response arrived: called before it is delivered, so the host can bring the loop's clock to
    // now first (the task it wakes is ready from the time it arrived) and then run the loop.
    std::function<void()> on_activity;

    // Called by web/js/library_fetch.js.
    void complete(uint64_t id, FetchResult result);

private:
    std::map<uint64_t, std::function<void(FetchResult)>> pending_;
    int handle_;
    // Ids count each network's requests from 1, as a replay of its run numbers them.
    uint64_t next_request_ = 1;
};

}  // namespace aio
