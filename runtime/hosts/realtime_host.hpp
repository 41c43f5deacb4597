// RealtimeHost: runs a loop in real time in a native program (the terminal runner's
// --clock real): it sleeps until each next deadline, so the measured times are real. Requests
// are not supported here (no network on this host).
#pragma once
#include "runtime/loop.hpp"
#include "runtime/run.hpp"

#include <chrono>
#include <thread>

namespace aio {

class RealtimeHost {
public:
    explicit RealtimeHost(Loop& loop) : loop_(loop), start_(std::chrono::steady_clock::now()) {}

    // Runs until fut is done (plus the iteration that runs its callbacks), sleeping for real.
    void run_until_complete(FutureBase& fut) {
        bool stop = false;
        fut.add_done_callback([](void* flag, void*) { *static_cast<bool*>(flag) = true; }, &stop);
        while (!stop) {
            if (!loop_.has_due_work()) {
                if (!loop_.has_timers()) throw std::runtime_error("deadlock: nothing can make progress");
                const Time deadline = loop_.next_deadline();
                std::this_thread::sleep_until(start_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                           std::chrono::duration<double>(deadline)));
                loop_.advance_to(deadline);
            }
            loop_.run_once();
        }
    }
    double elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

private:
    Loop& loop_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace aio
