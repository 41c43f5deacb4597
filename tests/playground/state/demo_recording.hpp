// A demo run on the virtual clock, held at the moments a test looks at, with the PlaygroundState
// of each moment built as the page's Session builds it. For the state's and the views' tests.
#pragma once
#include "playground/demos/context.hpp"
#include "playground/demos/run_summary.hpp"
#include "playground/state/as_of.hpp"
#include "playground/state/run_core.hpp"
#include "runtime/aio.hpp"
#include "runtime/hosts/virtual_host.hpp"

#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace aio::testing {

class DemoRecording {
public:
    // `span_budget`: the trace's (Trace's constructor), smaller to see spans dropped; `history_budget`:
    // the history's bytes (History's constructor).
    explicit DemoRecording(const demos::Demo& d, const demos::Params& given = {}, size_t span_budget = size_t{1} << 16,
                           size_t history_budget = page::kHistoryBudget)
        : DemoRecording(d, page::RunSetup{.params = given, .span_budget = span_budget, .history_budget = history_budget}, 0) {}
    // `setup.params` as given (resolved here); the entropy seed is 1 and the page's address the test server's.
    static std::unique_ptr<DemoRecording> with(const demos::Demo& d, page::RunSetup setup) {
        return std::unique_ptr<DemoRecording>(new DemoRecording(d, std::move(setup), 0));
    }
    DemoRecording(const demos::Demo& d, page::RunSetup setup, int /*with()*/) : core(d, resolved(d, std::move(setup))) {
        state.entropy_seed = 1;
        state.demo = &d;
        state.params = core.setup().params;
        state.run = 1;
        state.status = page::Status::Running;
        core.start();
    }
    DemoRecording(const DemoRecording&) = delete;
    DemoRecording& operator=(const DemoRecording&) = delete;

    // One loop iteration (VirtualHost::step). False, and nothing run, once main is done or
    // nothing is left to run.
    bool step() { return !main.done() && host.step(); }

    // The state now; `time` (loop seconds) is the display time: between iterations (at or past the
    // loop's), or behind the loop's clock while the last iteration's blocking calls play out, as the
    // page shows them. Once stopped, the time of the stop.
    const page::PlaygroundState& look(Time time = -1) {
        const demos::BlockingCall* held = time < loop.time() ? page::call_shown_at(ctx.blocking_calls, time) : nullptr;
        if (held && held->iteration != loop.iteration()) held = nullptr;
        altered = core.update_loop(state, held, looked && !altered);   // an altered picture lends nothing
        looked = true;
        core.update_time(state, core.cut() >= 0 ? core.cut() : held ? time : std::max(time, loop.time()));
        if (main.done() && state.status != page::Status::Stopped) {
            state.status = page::Status::Finished;
            state.finished_runs[state.demo->name] = {state.summary, state.params};
        }
        return state;
    }

    // Stop at display time `time`, as the page's Stop: every task cancelled there; behind the
    // loop's clock (inside its blocking calls' iteration), the run is cut there.
    void stop(Time time) {
        core.stop(time);
        state.status = page::Status::Stopped;
    }

    page::RunCore core;
    Loop& loop = core.loop;
    Trace& trace = core.trace;
    demos::Context& ctx = core.ctx;
    Task<void>& main = core.main;
    page::Narrator& narrator = core.narrator;
    VirtualHost host{core.loop};
    page::PlaygroundState state;

private:
    static page::RunSetup resolved(const demos::Demo& d, page::RunSetup setup) {
        setup.params = demos::resolve_params(d, setup.params);
        setup.entropy_seed = 1;
        setup.base_url = "http://127.0.0.1:8000/index.html";   // where the page is served: relative URLs resolve there
        return setup;
    }
    bool looked = false;
    bool altered = false;   // the last look showed a blocking call or a cut run
};

// Iterations a demo's default run takes on the virtual clock.
inline uint64_t iterations_of(const demos::Demo& d) {
    DemoRecording r(d);
    uint64_t n = 0;
    while (r.step()) ++n;
    return n;
}

// Calls `look` with every demo's state at its start (after the first iteration), its middle and
// its end, with `where` naming the moment ("count, middle").
inline void for_each_moment(const std::function<void(const page::PlaygroundState&, const std::string& where)>& look) {
    for (const demos::Demo* d : demos::all_demos()) {
        const uint64_t n = iterations_of(*d);
        DemoRecording r(*d);
        uint64_t done = 0;
        for (const auto& [moment, at] : {std::pair{"start", uint64_t{1}}, std::pair{"middle", n / 2}, std::pair{"end", n}}) {
            while (done < at && r.step()) ++done;
            look(r.look(), d->name + ", " + moment);
        }
    }
}

}  // namespace aio::testing
