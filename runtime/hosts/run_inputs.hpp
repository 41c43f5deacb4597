// What a run takes from outside, recorded so that it can be told again exactly: the loop time
// each iteration began at (a browser host moves the clock to the time shown) and each fetch's
// answer (a real network's arrives between iterations). With its demo, parameters and entropy
// seed, a run is a function of these; runtime/hosts/replay.hpp plays them back.
//
//   ClockRecorder clock;  clock.attach(loop);             // in front of the loop's recorder
//   RecordingNetwork net(loop, browser_network);  set_network(loop, &net);
//   ... run ...;  RunInputs in{clock.starts(), net.fetches(), RecordedStop{loop.iteration(), t}};
#pragma once
#include "runtime/fetch.hpp"
#include "runtime/loop.hpp"
#include "runtime/recorder.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aio {

// Iteration `iteration` (Loop::iteration(), from 1) began at loop time `time` (seconds).
struct IterationStart {
    uint64_t iteration = 0;
    Time time = 0;
    bool operator==(const IterationStart&) const = default;
};

// One request the run made: the n-th Network::start, and the answer it got.
struct RecordedFetch {
    uint64_t ordinal = 0;               // n: the run's n-th request, from 1
    std::string url = {};               // as requested, before redirects
    Time due = -1;                      // the answer came from a loop timer due then (seconds; Network::due_at); -1: from outside
    std::optional<FetchResult> result = {};   // nullopt: never answered (aborted, or in flight when the run ended)
    // From outside: delivered just before this iteration; from a timer: during it. 0: never answered.
    uint64_t iteration = 0;
    // From outside: the loop time (seconds) it was delivered at, which the host's clock had caught
    // up to then (BrowserHost::io_done), so its task waited until then and was ready from then on.
    // -1: not known (a run file that does not say), or from a timer.
    Time at = -1;
    bool operator==(const RecordedFetch&) const = default;
};

// The page's Stop (or the end of asyncio.run): every task cancelled at loop time `time`
// (seconds; demos::stop_run), after iteration `after_iteration`.
struct RecordedStop {
    uint64_t after_iteration = 0;
    Time time = 0;
    bool operator==(const RecordedStop&) const = default;
};

struct RunInputs {
    std::vector<IterationStart> clock;   // by iteration; only starts a replay cannot tell (implied_start)
    std::vector<RecordedFetch> fetches;  // answered ones in the order answered, then the rest by ordinal
    std::optional<RecordedStop> stop;
    bool operator==(const RunInputs&) const = default;
};

// Where the next iteration starts, from loop time `from`, when no start is recorded for it: as
// VirtualHost::step picks, the next timer's deadline if nothing is ready, else `from` (seconds).
Time implied_start(const Loop& loop, Time from);

// Records the loop time of each iteration's start (Recorder::on_iteration comes after the host
// moved the clock), keeping only those implied_start would not give a replay: a run on the
// virtual clock records none, a browser run one per time the display moved the clock.
class ClockRecorder final : public RecorderRelay {
public:
    ClockRecorder() = default;
    ClockRecorder(const ClockRecorder&) = delete;
    ClockRecorder& operator=(const ClockRecorder&) = delete;

    // Listens in front of the loop's recorder (the run's Trace), which still gets every report.
    // Attach before the loop's first iteration; detach in the reverse order of attaching.
    void attach(Loop& loop) {
        relay_in(loop);
        last_start_ = loop.time();
    }
    void detach() { relay_out(); }
    const std::vector<IterationStart>& starts() const { return starts_; }

    void on_iteration(const Loop& loop) override;

private:
    Time last_start_ = 0;   // the previous iteration's start (the loop's time when attached, before the first)
    std::vector<IterationStart> starts_;
};

// A Network in front of the run's real one (BrowserNetwork, CurlNetwork, VirtualNetwork) that
// passes every request, answer and abort through, and records each request and its answer.
// Requests' ids are the inner network's. It must outlive the requests it passes on.
class RecordingNetwork final : public Network {
public:
    RecordingNetwork(Loop& loop, Network& inner) : loop_(loop), inner_(inner) {}
    uint64_t start(const std::string& url, const FetchOptions& options, std::function<void(FetchResult)> done) override;
    void abort(uint64_t id) override;
    Time due_at(uint64_t id) const override { return inner_.due_at(id); }

    // Every request so far, answered ones in the order their answers came, then the others by ordinal.
    std::vector<RecordedFetch> fetches() const;

private:
    void answered(uint64_t ordinal, const FetchResult& r);
    Loop& loop_;
    Network& inner_;
    std::vector<RecordedFetch> requests_;   // by ordinal - 1
    std::vector<uint64_t> answer_order_;    // ordinals, as answered
};

}  // namespace aio
