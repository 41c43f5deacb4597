// The native hosts' Contexts: they differ only in what time is and what blocking does.
#include "playground/demos/context.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace aio::demos {

void time_sleep(Context& ctx, double seconds) {
    Loop& loop = ctx.loop;
    // By iteration, not by time: calls one after another in an iteration each end where the next begins.
    std::erase_if(ctx.blocking_calls, [&](const BlockingCall& b) { return b.iteration != loop.iteration(); });
    if (const TaskBase* t = current_task()) {
        BlockingCall call{.task = t->id(), .stack = {}, .from = loop.time(), .to = loop.time() + seconds, .iteration = loop.iteration()};
        for (const detail::FrameBase* f = t->top_frame(); f; f = f->parent)
            if (f->label) call.stack.insert(call.stack.begin(), *f->label);
        ctx.blocking_calls.push_back(std::move(call));
    }
    ctx.block(seconds);
    if (!ctx.blocking_calls.empty()) ctx.blocking_calls.back().to = loop.time();   // the real clock's sleep may overrun
}

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
