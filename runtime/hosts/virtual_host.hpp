// VirtualHost: drives a loop on the virtual clock, as aio::run does. When nothing is due, the
// clock jumps straight to the next deadline, so a run that sleeps an hour takes no wall time.
// Every native test, benchmark, the differential interpreter and the terminal runner's
// --clock virtual drive their loops through it.
//
//   aio::VirtualHost host(loop);
//   while (!main.done() && host.step()) inspect(loop);
#pragma once
#include "runtime/future.hpp"
#include "runtime/loop.hpp"

namespace aio {

class VirtualHost {
public:
    explicit VirtualHost(Loop& loop) : loop_(loop) {}

    // One loop iteration. When nothing is due, the clock first moves to the next deadline.
    // Returns false, running nothing, when nothing is due and no timer is pending: without IO
    // from elsewhere the loop can make no more progress.
    bool step();

    // Every iteration due at loop times up to `t` (seconds), as a page's display reaching `t`
    // runs them. The clock stays at the last deadline that fired: it never moves past work.
    void run_until(Time t);

    // Iterations until fut is done, plus the one that runs its done-callbacks (asyncio's
    // run_until_complete stops from a done-callback). Throws std::runtime_error ("deadlock: ...")
    // when nothing is due, no timer is pending and fut is not done.
    void run_until_complete(FutureBase& fut);

private:
    Loop& loop_;
};

}  // namespace aio
