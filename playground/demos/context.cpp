// The native hosts' Contexts: they differ only in what time is and what blocking does.
#include "playground/demos/context.hpp"

#include <chrono>
#include <thread>

namespace aio::demos {

Context virtual_context(Loop& loop, PrintFn print) {
    return Context{.loop = loop, .print = std::move(print), .random = Random(), .files = {},
                   .perf_counter = [&loop] { return loop.time(); },
                   .block = [&loop](double s) { loop.advance_to(loop.time() + s); }};
}

Context realtime_context(Loop& loop, std::function<double()> elapsed, PrintFn print) {
    return Context{.loop = loop, .print = std::move(print), .random = Random(), .files = {}, .perf_counter = elapsed,
                   .block = [&loop, elapsed](double s) {
                       std::this_thread::sleep_for(std::chrono::duration<double>(s));
                       loop.advance_to(elapsed());   // the loop's clock catches up with the blocked time
                   }};
}

}  // namespace aio::demos
