// A demo's Context for each host that runs demos natively: what print, perf_counter and a
// blocking call (time.sleep) mean there. The page's session builds its own (it also records the
// blocking calls to show them).
#pragma once
#include "playground/demos/demo.hpp"

#include <functional>
#include <string>

namespace aio::demos {

using PrintFn = std::function<void(const std::string&)>;

// On the virtual clock (VirtualHost): perf_counter() is loop time and a blocking call moves the
// loop's clock on by its seconds, as if the whole loop had stood still that long.
Context virtual_context(Loop& loop, PrintFn print);

// On the real clock (RealtimeHost): perf_counter() is `elapsed()` (wall seconds since the host
// started) and a blocking call really sleeps, then the loop's clock catches up with elapsed().
Context realtime_context(Loop& loop, std::function<double()> elapsed, PrintFn print);

}  // namespace aio::demos
