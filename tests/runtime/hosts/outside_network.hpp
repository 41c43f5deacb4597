// For replay tests: a network outside the loop, as the browser's, and a drive that moves the
// clock as the browser host does. Answers come from a VirtualNetwork on a loop of its own (the
// world) and reach the run's loop between iterations, each once the run's clock reaches the time
// it arrived (BrowserHost::io_done); steps sometimes start at a display time between deadlines
// (BrowserHost::step).
#pragma once
#include "runtime/hosts/virtual_host.hpp"
#include "runtime/hosts/virtual_network.hpp"

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <random>

namespace aio_test {

class OutsideNetwork final : public aio::Network {
public:
    explicit OutsideNetwork(aio::Loop& run) : run_(run) {}
    aio::Loop world;
    aio::VirtualNetwork site{world};   // route it: its latencies are how long answers take to arrive

    uint64_t start(const std::string& url, const aio::FetchOptions& options, std::function<void(aio::FetchResult)> done) override {
        const uint64_t id = next_id_++;
        world.advance_to(run_.time());
        const uint64_t there = site.start(url, options, [this, id](aio::FetchResult r) { arrived_.push_back({id, world.time(), std::move(r)}); });
        requests_[id] = {there, std::move(done)};
        return id;
    }
    void abort(uint64_t id) override {
        auto it = requests_.find(id);
        if (it == requests_.end()) return;
        site.abort(it->second.there);
        requests_.erase(it);
    }

    // Loop time (seconds) of the next answer to arrive; -1: none in flight.
    aio::Time next_arrival() const {
        if (!arrived_.empty()) return arrived_.front().at;
        return world.has_timers() ? world.next_deadline() : -1;
    }
    // Between iterations: every answer arrived by loop time `until` is delivered, the run's clock
    // first moved to when it arrived.
    void deliver_until(aio::Time until) {
        aio::VirtualHost(world).run_until(until);
        while (!arrived_.empty() && arrived_.front().at <= until) {
            Arrival a = std::move(arrived_.front());
            arrived_.pop_front();
            auto it = requests_.find(a.id);
            if (it == requests_.end()) continue;   // aborted meanwhile
            auto done = std::move(it->second.done);
            requests_.erase(it);
            run_.advance_to(a.at);
            done(std::move(a.result));
        }
    }

private:
    struct Request {
        uint64_t there;
        std::function<void(aio::FetchResult)> done;
    };
    struct Arrival {
        uint64_t id;
        aio::Time at;
        aio::FetchResult result;
    };
    aio::Loop& run_;
    std::map<uint64_t, Request> requests_;
    std::deque<Arrival> arrived_;
    uint64_t next_id_ = 1;
};

// One step as the browser host's: the display reaches the next timer or the next answer's
// arrival, whichever comes first (or stays at the clock while work is ready), and one step in
// three runs on up to 0.05 s past that, never past a timer; answers arrived by then are
// delivered; the clock moves there; one iteration runs as VirtualHost::step runs it. False once
// nothing is ready, pending or in flight.
inline bool browser_step(aio::Loop& loop, OutsideNetwork& net, std::mt19937& jitter) {
    aio::Time shown = loop.time();
    if (!loop.has_ready()) {
        aio::Time next = loop.has_timers() ? loop.next_deadline() : -1;
        if (net.next_arrival() >= 0 && (next < 0 || net.next_arrival() < next)) next = net.next_arrival();
        if (next < 0) return false;
        shown = std::max(shown, next);
    }
    if (jitter() % 3 == 0) shown += std::uniform_real_distribution<double>(0, 0.05)(jitter);
    if (loop.has_timers()) shown = std::min(shown, std::max(loop.time(), loop.next_deadline()));
    net.deliver_until(shown);
    loop.advance_to(shown);
    return aio::VirtualHost(loop).step() || net.next_arrival() >= 0;
}

}  // namespace aio_test
