// A demo's run with its snapshot kept at some iterations, as time travel keeps them, and the state
// of such a moment rebuilt after the run went on: the kept snapshot over the live trace, which has
// recorded past it. For the tests that a moment reads the trace only as far as it reached then.
#pragma once
#include "tests/playground/state/demo_recording.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace aio::testing {

// What a moment keeps: the snapshot (a copy, as it was at `iteration`) and the time it showed.
struct KeptMoment {
    uint64_t iteration = 0;
    Time time = 0;
    Snapshot snapshot;
};

// Iterations worth looking at in a run of `n`: the first three (many iterations share loop time 0
// there), a quarter, half and three quarters in, and the last but one; each once, in order.
inline std::vector<uint64_t> moments_of(uint64_t n) {
    std::vector<uint64_t> out;
    for (uint64_t k : {uint64_t{1}, uint64_t{2}, uint64_t{3}, n / 4, n / 2, 3 * n / 4, n - 1})
        if (k >= 1 && k < n && (out.empty() || k > out.back())) out.push_back(k);
    return out;
}

// Runs `r` to its end, looking at the state after each iteration in `at_iterations` (ascending):
// `live` gets that state and the moment's index, and the moment is kept. Returns the moments kept.
inline std::vector<KeptMoment> run_keeping(DemoRecording& r, const std::vector<uint64_t>& at_iterations,
                                           const std::function<void(const page::PlaygroundState&, size_t)>& live) {
    std::vector<KeptMoment> kept;
    uint64_t done = 0;
    for (const uint64_t k : at_iterations) {
        while (done < k && r.step()) ++done;
        const page::PlaygroundState& s = r.look();
        live(s, kept.size());
        kept.push_back({s.iteration, s.time, s.snapshot});
    }
    while (r.step()) {}
    r.look();
    return kept;
}

// The state at a kept moment, rebuilt: the recording's state now with the moment's snapshot and
// time, over the live trace (which holds what came after the moment too).
inline page::PlaygroundState state_at(const DemoRecording& r, const KeptMoment& m) {
    page::PlaygroundState s = r.state;
    s.snapshot = m.snapshot;
    s.time = m.time;
    s.iteration = m.iteration;
    return s;
}

// The demos' runs these tests look at: waiting on a full queue (maxsize 1), on sleeps and gather,
// on a semaphore and requests; each with the name it is reported by.
struct DemoRun {
    std::string name, demo;
    demos::Params params;
};
inline std::vector<DemoRun> waiting_runs() {
    return {{"queue with maxsize 1", "queue", {{"maxsize", int64_t{1}}, {"items_max", int64_t{6}}, {"sleep_max", int64_t{3}}}},
            {"count", "count", {{"n", int64_t{5}}}},
            {"crawler one link deep", "crawler", {{"depth", int64_t{1}}, {"concurrency", int64_t{2}}}}};
}

// Iterations `run` takes to its end on the virtual clock.
inline uint64_t iterations_of(const DemoRun& run, size_t span_budget = size_t{1} << 16) {
    DemoRecording r(*demos::find_demo(run.demo), run.params, span_budget);
    uint64_t n = 0;
    while (r.step()) ++n;
    return n;
}

}  // namespace aio::testing
