// A demo run on the virtual clock, held at the moments a test looks at, with the PlaygroundState
// of each moment built as the page's Session builds it. For the state's and the views' tests.
#pragma once
#include "playground/demos/context.hpp"
#include "playground/demos/run_summary.hpp"
#include "playground/state/as_of.hpp"
#include "playground/state/narration.hpp"
#include "playground/state/state_builder.hpp"
#include "runtime/aio.hpp"
#include "runtime/hosts/virtual_host.hpp"

#include <algorithm>
#include <deque>
#include <functional>
#include <string>

namespace aio::testing {

class DemoRecording {
public:
    // `span_budget`: the trace's (Trace's constructor), smaller to see spans dropped.
    explicit DemoRecording(const demos::Demo& d, const demos::Params& given = {}, size_t span_budget = size_t{1} << 16)
        : trace(span_budget), ctx(demos::virtual_context(loop, [this](const std::string& line) { pending.push_back({cut >= 0 ? cut : loop.time(), line}); })), narrator(d) {
        ctx.base_url = "http://127.0.0.1:8000/index.html";   // where the page is served: relative URLs resolve there
        trace.attach(loop);
        narrator.attach(ctx);
        ctx.entropy.seed(1);
        state.entropy_seed = 1;
        state.demo = &d;
        state.params = demos::resolve_params(d, given);
        state.run = 1;
        state.status = page::Status::Running;
        main = create_task(loop, d.main(ctx, state.params), "main");
    }
    ~DemoRecording() {
        cancel_all_tasks(loop);
        narrator.detach();
        trace.detach();
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
        builder.update_loop_state(state, loop, trace, ctx, looked && !altered);   // an altered picture lends nothing
        looked = true;
        state.blocking.reset();
        Time shown = std::max(time, loop.time());
        const demos::BlockingCall* held = time < loop.time() ? page::call_shown_at(ctx.blocking_calls, time) : nullptr;
        altered = cut >= 0 || (held && held->iteration == loop.iteration());
        if (cut >= 0) page::stop_as_of(state, trace, shown = cut);
        else if (altered) {
            page::show_blocking_call(state, trace, *held);
            shown = time;
        }
        builder.update_time(state, trace, shown);
        page::show_until(state.output, pending, shown);
        narrator.flush();
        narrator.take(told);
        page::keep_latest(state.narration, told, page::kKeptAccounts, page::kKeptSentences);
        page::show_until(state.narration, told, shown);
        if (main.done() && state.status != page::Status::Stopped) {
            state.status = page::Status::Finished;
            state.finished_runs[state.demo->name] = {state.summary, state.params};
        }
        return state;
    }

    // Stop at display time `time`, as the page's Stop: every task cancelled there; behind the
    // loop's clock (inside its blocking calls' iteration), the run is cut there.
    void stop(Time time) {
        if (loop.time() > time) cut = time;
        narrator.stopping(time, cut >= 0 ? page::finished_after(trace, time) : std::vector<std::string>{});
        std::erase_if(told, [time](const page::Account& a) { return a.time > time; });
        demos::stop_run(loop, time);
        state.status = page::Status::Stopped;
    }

    Loop loop;
    VirtualHost host{loop};
    Trace trace;
    std::deque<page::PrintedLine> pending;   // before ctx: what the run prints and the state does not show yet
    page::PlaygroundState state;
    demos::Context ctx;
    Task<void> main;
    page::Narrator narrator;                 // after ctx, which it listens to
    std::deque<page::Account> told;          // accounts the state does not show yet

private:
    page::StateBuilder builder;
    bool looked = false;
    bool altered = false;   // the last look showed a blocking call or a cut run
    Time cut = -1;
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
