// PlaygroundState: everything the views, the page API and a text mirror show at one moment, as
// one plain value. Data flows one way: runtime → Trace (the recording) → this state → views.
// The page's Session builds it (Session::state()); tests build it with update_run_state().
#pragma once
#include "playground/demos/demo.hpp"
#include "playground/demos/run_summary.hpp"
#include "playground/state/account.hpp"
#include "playground/state/log_range.hpp"
#include "runtime/snapshot.hpp"
#include "runtime/trace.hpp"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace aio::page {

// Where the run stands: nothing run yet, running, paused, ended by itself, or stopped.
enum class Status { Idle, Running, Paused, Finished, Stopped };
const char* to_string(Status s);   // "idle", "running", "paused", "finished", "stopped"

// A finished run kept for comparison: its figures and the parameters it ran with.
struct FinishedRun {
    demos::RunSummary summary;
    demos::Params params;
};

// A line the demo printed, and the loop time it printed it at (a blocking call moves the clock,
// so lines after one carry later times).
struct PrintedLine {
    Time time = 0;          // loop seconds
    std::string text;       // raw, ANSI codes kept
};

// Loop seconds per wall second that stands for "instant" (no waiting at all).
constexpr double kInstantSpeed = 1e300;

// Where a state stands in its run's recording (History): the iterations that can be shown again,
// and whether the state is the live run's or one of them shown again. The page API gives it as
// aio.history(); it is not part of the state's JSON, which is the moment's alone.
struct Recording {
    uint64_t first = 0, last = 0;   // iterations that can be shown: first..last
    bool live = true;               // the live run, not an iteration shown again
    bool replaying = false;         // shown again, moving forward at the run's speed towards the live run
};

struct PlaygroundState {
    const demos::Demo* demo = nullptr;      // the run's demo (its name, script, await lines); nullptr before any run
    demos::Params params;                   // the run's parameters, resolved
    // What seeded the run's os.urandom stand-in (the queue demo's item ids): with the demo and its
    // parameters (its `seed` seeds `random`), what the run is a function of. Below 2^53, so
    // JavaScript holds it exactly.
    uint64_t entropy_seed = 0;
    Status status = Status::Idle;
    uint64_t run = 0;                       // runs started so far: a new number means a new run
    Time time = 0;                          // loop time as it shows now, seconds: moves between iterations
    uint64_t iteration = 0;                 // loop iterations run
    double speed = 1.0;                     // loop seconds per wall second, 0.1..10, or kInstantSpeed
    bool instant() const { return speed == kInstantSpeed; }

    // The loop after its last iteration (snapshot.time <= time), its resources' levels and waiters
    // included. While a blocking call holds the loop, as the viewer sees it: the blocking task still running.
    Snapshot snapshot;
    // While a blocking call holds the loop, the one on screen (its task shown running on its line).
    std::optional<demos::BlockingCall> blocking;
    // The lines printed up to `time`, oldest first: a stretch of the run's log (RunCore), valid
    // while the run lasts, as `history` is.
    LogRange<PrintedLine> output;
    // Each loop iteration up to `time` told in plain words, oldest first: the latest kKeptAccounts
    // accounts and kKeptSentences sentences at most, counting those not shown yet. Also a stretch
    // of the run's log.
    LogRange<Account> narration;
    std::map<std::string, std::string> files;      // files the demo wrote, by name (foundurls.txt)
    std::vector<demos::PageReport> pages;   // the pages a demo fetches (Panel::Pages)
    demos::RunSummary summary;              // the run's figures up to `time`
    std::map<std::string, FinishedRun> finished_runs;   // each demo's last finished run, and its comparison twin's (demos::run_key)
    // The recording of the run (nullptr before any run): each task's spans and each resource's
    // history (queues, semaphores, ...), which views read up to `time`. Valid until the next run starts.
    const Trace* history = nullptr;
    Recording recording;
};

// Seconds `task` has spent in `state` as of `time` (loop seconds): the snapshot's figure before
// its `since`, and for a live task's current state the time from `since` to `time` too.
double seconds_in(const TaskView& task, TaskState state, Time time);

}  // namespace aio::page
