// The run's parts of a PlaygroundState, copied from the runtime and the demo's context.
#include "playground/state/state_builder.hpp"

#include <utility>

namespace aio::page {

void StateBuilder::update_loop_state(PlaygroundState& state, const Loop& loop, const Trace& trace,
                                     const demos::Context& ctx, bool same_run) {
    Snapshot previous = std::move(state.snapshot);
    state.snapshot = take_snapshot(loop, &trace, same_run ? &previous : nullptr);
    state.iteration = loop.iteration();
    state.history = &trace;
    state.files = ctx.files;
    state.pages = ctx.pages;
    summary_.update(trace, loop.time());
}

void StateBuilder::update_time(PlaygroundState& state, const Trace& trace, Time time) {
    state.time = time;
    state.summary = summary_.at(trace, time);
}

}  // namespace aio::page
