// The virtual clock's drive loop: jump to the next deadline whenever nothing is due.
#include "runtime/hosts/virtual_host.hpp"

#include "runtime/detail/done_flag.hpp"

#include <stdexcept>

namespace aio {

bool VirtualHost::step() {
    if (!loop_.has_ready()) {
        if (!loop_.has_timers()) return false;
        loop_.advance_to(loop_.next_deadline());
    }
    loop_.run_once();
    return true;
}

void VirtualHost::run_until(Time t) {
    while (loop_.has_ready() || (loop_.has_timers() && loop_.next_deadline() <= t)) step();
}

void VirtualHost::run_until_complete(FutureBase& fut) {
    const detail::DoneFlag done(fut);
    while (!done)
        if (!step())
            throw std::runtime_error("deadlock: the awaited work is pending, but no callback, timer or IO "
                                     "can ever make progress");
}

}  // namespace aio
