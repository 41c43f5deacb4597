// What a run amounted to, from its trace: the loop time it took against the time its tasks spent
// waiting on sleeps and I/O, i.e. what running them concurrently saved. The summary view and the
// page API show it; the README's "Using the playground" defines each figure.
#pragma once
#include "runtime/trace.hpp"

#include <cstddef>
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
// loop's time). Tasks created before the trace was attached are not counted.
RunSummary summarise(const Trace& trace, Time now);

// Stops a run at loop time `now` (the time the learner saw when stopping), as asyncio.run cleans
// up: the clock first moves to `now`, so what the tasks did up to the stop stays in the trace, then
// every task is cancelled there. A `now` behind the loop's clock leaves the clock where it is.
void stop_run(Loop& loop, Time now);

// The figures in sentences, as the summary view shows them and the page API reports them:
// "took 2.00 s of loop time", "1 task waited 2.00 s on sleeps and requests", ...
std::vector<std::string> describe(const RunSummary& s);

}  // namespace aio::demos
