// RealtimeHost: runs a loop in real time in a native program (the terminal runner's
// --clock real): it sleeps until each next deadline, so the measured times are real. With a
// CurlNetwork, that sleep also waits on the requests' sockets, so fetches and timers interleave.
#pragma once
#include "runtime/detail/done_flag.hpp"
#include "runtime/hosts/curl_network.hpp"
#include "runtime/loop.hpp"
#include "runtime/run.hpp"

#include <chrono>
#include <thread>

namespace aio {

class RealtimeHost {
public:
    explicit RealtimeHost(Loop& loop, CurlNetwork* network = nullptr)
        : loop_(loop), network_(network), start_(std::chrono::steady_clock::now()) {}

    // Runs until fut is done (plus the iteration that runs its callbacks), sleeping for real.
    void run_until_complete(FutureBase& fut) {
        const detail::DoneFlag done(fut);
        while (!done) {
            if (!loop_.has_due_work()) {
                const bool io = network_ && network_->busy();
                if (!loop_.has_timers() && !io) throw std::runtime_error("deadlock: nothing can make progress");
                std::optional<std::chrono::steady_clock::time_point> until;
                if (loop_.has_timers()) until = at(loop_.next_deadline());
                if (io) network_->wait_and_deliver(until);
                else std::this_thread::sleep_until(*until);
                loop_.advance_to(elapsed());   // the clock is real: it moved while we waited
            }
            loop_.run_once();
        }
    }
    double elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

private:
    std::chrono::steady_clock::time_point at(Time t) const {
        return start_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(t));
    }
    Loop& loop_;
    CurlNetwork* network_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace aio
