// fetch(): a request through the loop's network, with a loop-time timeout, abort on cancel,
// and a list of requests in flight for the views.
#include "runtime/fetch.hpp"

#include "runtime/create_task.hpp"
#include "runtime/detail/timer_owner.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace aio {

namespace {
struct FetchState {
    Network* network = nullptr;
    std::vector<FetchInFlight> in_flight;
};

FetchState& state(Loop& loop) {
    auto& slot = loop.io_state();
    if (!slot) slot = std::make_shared<FetchState>();
    return *static_cast<FetchState*>(slot.get());
}

// The future a fetch waits on; it names its URL in await stacks, and owns its timeout's timer,
// so the task's wait ends at the timeout (its deadline) and the loop panel says whose timeout it is.
class FetchFuture final : public FutureBase, public detail::TimerOwner {
public:
    FetchFuture(Loop& loop, std::string url, uint32_t task) : FutureBase(loop, WaitKind::Fetch, true), url_(std::move(url)), task_(task) {}
    std::string describe() const override { return "fetch " + url_; }
    Time deadline() const override { return timeout_at_; }
    std::string describe_timer() const override { return "timeout of fetch " + url_; }
    uint32_t timer_task() const override { return task_; }
    void time_out_at(detail::TimerHandle& handle, Time when) {
        timeout_at_ = when;
        schedule(handle, when);
    }
    void deliver(FetchResult r) {
        if (done()) return;
        result = std::move(r);
        finish();
    }
    FetchResult result;
    bool network_done = false;   // the network called back: nothing left to abort
private:
    void on_timer() override {
        FetchResult r;
        r.failed = true;
        r.error = FetchError::Kind::Timeout;
        r.message = "timed out";
        deliver(std::move(r));
    }
    std::string url_;
    uint32_t task_;
    Time timeout_at_ = -1;
};

bool is_http_url(const std::string& url) {
    auto starts = [&](const char* p) {
        const size_t n = std::char_traits<char>::length(p);
        if (url.size() <= n) return false;
        for (size_t i = 0; i < n; ++i)
            if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
        return true;
    };
    return starts("http://") || starts("https://");
}
}  // namespace

void set_network(Loop& loop, Network* network) { state(loop).network = network; }

const std::vector<FetchInFlight>& fetches_in_flight(const Loop& loop) {
    static const std::vector<FetchInFlight> none;
    const auto& slot = loop.io_state();
    return slot ? static_cast<const FetchState*>(slot.get())->in_flight : none;
}

Coro<Response> fetch(std::string url, FetchOptions options) {
    Loop& loop = get_running_loop();
    FetchState& st = state(loop);
    if (!is_http_url(url)) throw FetchError(FetchError::Kind::InvalidUrl, "not an http(s) URL: " + url);
    Network* network = options.network ? options.network : st.network;
    if (!network) throw FetchError(FetchError::Kind::Network, "no network: this loop's host cannot make requests");

    // A plain pointer in the callback: the network never calls done after abort().
    TaskBase* task = current_task();
    auto* fut = new FetchFuture(loop, url, task ? task->id() : 0);
    fut->add_ref();   // one for this frame, one for the network until done or abort
    const uint64_t id = network->start(url, options, [fut](FetchResult r) {
        fut->network_done = true;
        fut->deliver(std::move(r));
        fut->release();
    });
    st.in_flight.push_back({id, url, loop.time(), task ? task->id() : 0});
    struct Cleanup {
        Loop& loop;
        Network* chosen;   // options.network: the caller keeps it alive; else the loop's, unless its host removed it
        FetchFuture* fut;
        uint64_t id;
        ~Cleanup() {
            FetchState& st = state(loop);
            auto it = std::find_if(st.in_flight.begin(), st.in_flight.end(), [&](const FetchInFlight& f) { return f.id == id; });
            if (it != st.in_flight.end()) st.in_flight.erase(it);
            Network* network = chosen ? chosen : st.network;
            if (!fut->network_done && network) {   // cancelled or timed out: abort the request
                network->abort(id);
                fut->release();
            }
            fut->release();
        }
    } cleanup{loop, options.network, fut, id};

    detail::TimerHandle timeout(loop);
    if (options.timeout > 0) fut->time_out_at(timeout, loop.time() + options.timeout);
    co_await detail::FutureWaitOn(fut);
    FetchResult& r = fut->result;
    if (r.failed && r.error == FetchError::Kind::Timeout) {
        char secs[32];
        std::snprintf(secs, sizeof secs, "%g", options.timeout);
        r.message = std::string("timed out after ") + secs + " s: " + url;
    }
    if (r.failed) throw FetchError(r.error, r.message);
    co_return std::move(r.response);
}

}  // namespace aio
