// Building a PlaygroundState from a run: the page's Session does it when the loop has moved or
// the display time has, and tests do it on the virtual clock. Only reads the runtime.
#pragma once
#include "playground/demos/run_summary.hpp"
#include "playground/state/playground_state.hpp"

namespace aio::page {

// One per run: it follows the run's trace from one state to the next, so that a moving run costs
// per change rather than per task.
class StateBuilder {
public:
    // After the loop moved (an iteration ran, its clock changed): takes the snapshot, the files
    // and pages of the run from `loop`, `trace` and the demo's `ctx`. With `same_run`,
    // `state.snapshot` is an earlier one of this loop and trace, and lends the views of tasks that
    // have not changed since. Leaves the time, the summary and what the session owns (status, output, ...).
    void update_loop_state(PlaygroundState& state, const Loop& loop, const Trace& trace, const demos::Context& ctx,
                           bool same_run);

    // After the display time moved: sets `state.time` to `time` (loop seconds) and the summary up to it.
    void update_time(PlaygroundState& state, const Trace& trace, Time time);

private:
    demos::SummaryTally summary_;
};

}  // namespace aio::page
