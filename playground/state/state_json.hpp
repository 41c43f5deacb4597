// The PlaygroundState as JSON: what window.aio.snapshot() returns. Every key, its type and unit
// are in the README's page API section.
#pragma once
#include "playground/state/params_json.hpp"
#include "playground/state/playground_state.hpp"

#include <nlohmann/json.hpp>

namespace aio::page {

// Accounts of the narration the JSON carries: the latest (a long run keeps thousands).
constexpr size_t kNarrationInJson = 20;

// The whole state, times in loop seconds: {demo, params, status, run, time, loop_time, iteration,
// speed, tasks, ready, ready_callbacks, timers, timer_count, fetches, live_tasks, output,
// narration (the latest kNarrationInJson accounts, each {iteration, time, text}), files, pages,
// resources, summary, finished_runs}.
nlohmann::json state_json(const PlaygroundState& state);

}  // namespace aio::page
