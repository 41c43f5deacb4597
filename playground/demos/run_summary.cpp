// The summary's figures, summed over the trace's task records.
#include "playground/demos/run_summary.hpp"

#include "runtime/run.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdio>

namespace aio::demos {

bool is_work(WaitKind k) { return k == WaitKind::Sleep || k == WaitKind::Yield || k == WaitKind::Fetch; }

RunSummary summarise(const Trace& trace, Time now) {
    RunSummary s;
    bool first = true;
    Time start = now;
    for (const TaskRecord& r : trace.tasks()) {
        if (!r.id) continue;   // created before recording began
        if (first || r.created < start) start = r.created;
        first = false;
        ++s.tasks;
        std::array<double, kWaitKindCount> wait{};
        for (int k = 0; k < kWaitKindCount; ++k) wait[k] = r.wait_in[k];
        double running = r.time_in[static_cast<int>(TaskState::Running)];
        const bool live = r.state < TaskState::Done;   // its current span is still open
        // (A span begun after `now` is a blocking call's aftermath the page has not shown yet.)
        const double open = live ? std::max(0.0, now - r.since) : 0;
        if (r.state == TaskState::Waiting) wait[static_cast<int>(r.wait)] += open;
        if (r.state == TaskState::Running) running += open;
        double work = 0;
        for (int k = 0; k < kWaitKindCount; ++k) (is_work(static_cast<WaitKind>(k)) ? work : s.others) += wait[k];
        s.work += work;
        s.working += work > 0;
        s.blocked += running;
    }
    s.elapsed = now - start;
    // Times are summed in floats: a difference under 0.1 ms per second of run is rounding, not overlap.
    s.saved = s.work - s.elapsed > 1e-4 * std::max(1.0, s.elapsed) ? s.work - s.elapsed : 0;
    return s;
}

void stop_run(Loop& loop, Time now) {
    loop.advance_to(now);
    cancel_all_tasks(loop);
}

namespace {
std::string format(const char* fmt, ...) {
    char buf[160];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    return buf;
}
}  // namespace

std::vector<std::string> describe(const RunSummary& s) {
    std::vector<std::string> out{format("took %.2f s of loop time", s.elapsed)};
    if (s.working) out.push_back(format("%zu task%s waited %.2f s in all on sleeps and requests", s.working, s.working == 1 ? "" : "s", s.work));
    else out.push_back("no task waited on a sleep or a request");
    if (s.others > 0) out.push_back(format("tasks also waited %.2f s on each other (tasks, gather, queues, locks): not counted", s.others));
    if (s.blocked > 0) out.push_back(format("a blocking call held up the loop for %.2f s: nothing else could run meanwhile", s.blocked));
    if (s.saved > 0) out.push_back(format("concurrency saved %.2f s: one after another, the waits take %.1fx as long", s.saved, s.work / s.elapsed));
    else if (s.work > 0) out.push_back("nothing overlapped: the waits took their full time one after another");
    return out;
}

}  // namespace aio::demos
