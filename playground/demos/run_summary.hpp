// What a run amounted to, from its trace: the loop time it took against the time its tasks spent
// waiting on sleeps and I/O, i.e. what running them concurrently saved. The summary view and the
// page API show it; the README's "Using the playground" defines each figure.
#pragma once
#include "runtime/trace.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace aio::demos {

struct RunSummary {
    double elapsed = 0;     // loop seconds from the first recorded task's creation to `now`
    double work = 0;        // seconds tasks waited on sleeps and requests, summed over tasks
    double others = 0;      // seconds tasks waited on each other (tasks, gather, queues, locks, ...)
    double blocked = 0;     // seconds the loop's clock moved while a task ran: a blocking call held it
    double saved = 0;       // work - elapsed when positive: the time overlapping the waits saved
    size_t tasks = 0;       // tasks recorded
    size_t working = 0;     // tasks with some `work`
};

// Waits whose length does not depend on other tasks (sleep, sleep(0), fetch): a run doing them one
// after another would take their sum. Every other wait ends when another task acts.
bool is_work(WaitKind k);

// The figures for everything `trace` recorded, with spans still open counted up to `now` (the
// time shown). Tasks created before the trace was attached or after `now` are not counted; a task
// that changed after `now` (a blocking call's iteration not shown yet) counts as it was at `now`.
RunSummary summarise(const Trace& trace, Time now);

// summarise() kept up to date as a run moves, at a cost per change instead of per task: update()
// after the loop moved reads the trace's change log since the last update, and at() gives the
// figures for any time from the loop's on in O(1) (the open spans as count x now - sum of starts).
// Its sums are whole nanoseconds, so its figures are the same bits however often it was updated
// (every frame, or once for a moment rebuilt later); they agree with summarise() to 1 ns a task.
class SummaryTally {
public:
    // Brings the tally up to `trace` as it is at loop time `loop_time` (the loop's clock now).
    void update(const Trace& trace, Time loop_time);
    // summarise(trace, now). For a `now` before the last update's loop time (a blocking call's
    // aftermath not shown yet) it walks every record, as summarise() does.
    RunSummary at(const Trace& trace, Time now) const;

private:
    enum Category : uint8_t { kWork, kOthers, kRunning, kNone };
    using Ticks = int64_t;            // nanoseconds: sums of them do not depend on their order
    static Ticks ticks(double seconds);
    struct Part {                     // one task's share
        Ticks closed[3] = {};         // time in closed spans, by category
        Ticks since = 0;              // when its open span began
        Category open = kNone;        // the category of its open span
        bool counted = false;         // part of the totals
    };
    void add(const Part& p, int sign);
    void reread(const Trace& trace);  // from nothing
    static Part part_of(const TaskRecord& r);

    std::vector<Part> parts_;         // by task id - 1
    TraceMark mark_;
    bool started_ = false;            // mark_ is valid
    Ticks closed_[3] = {}, open_sum_[3] = {};
    size_t open_count_[3] = {};
    size_t tasks_ = 0, working_ = 0;  // tasks recorded; of them, with closed work > 0
    size_t fresh_ = 0;                // tasks whose only work is their open span
    size_t fresh_now_ = 0;            // of them, those whose span began at latest_
    Ticks latest_ = 0;                // the loop time of the last update
    Time start_ = 0;                  // the first recorded task's creation
};

// Stops a run at loop time `now` (the time the learner saw when stopping), as asyncio.run cleans
// up: the clock first moves to `now`, so what the tasks did up to the stop stays in the trace, then
// every task is cancelled there. A `now` behind the loop's clock leaves the clock where it is.
void stop_run(Loop& loop, Time now);

// The figures in sentences, as the summary view shows them and the page API reports them:
// "took 2.00 s of loop time", "1 task waited 2.00 s on sleeps and requests", ...
std::vector<std::string> describe(const RunSummary& s);

}  // namespace aio::demos
