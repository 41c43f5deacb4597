// RunCore: one run of a demo and its recording, apart from what drives it. The page's Session
// drives one through the browser's host, the tests through the virtual clock's; both show the
// states it builds, so what the tests check is what the page shows. After every loop iteration it
// keeps what the run printed and told and the iteration's state in its History, so the run can
// be looked at again as it was after any iteration.
#pragma once
#include "playground/demos/context.hpp"
#include "playground/state/history.hpp"
#include "playground/state/narration.hpp"
#include "playground/state/playground_state.hpp"
#include "playground/state/state_builder.hpp"
#include "runtime/aio.hpp"
#include "runtime/hosts/run_inputs.hpp"

#include <cstdint>
#include <deque>
#include <string>

namespace aio::page {

// Spans the page's trace keeps: queue's 5,000 producers and 5,000 consumers need about 264,000,
// count's 10,000 tasks 60,006; about 10 MB at most, taken as the run needs them. Past it the
// oldest leave, and with them the iterations the history can show again.
constexpr size_t kSpanBudget = size_t{1} << 19;

// What a run is a function of, besides its demo, and how much of it is kept.
struct RunSetup {
    demos::Params params;                   // resolved (demos::resolve_params)
    uint64_t entropy_seed = 0;              // seeds the demo's os.urandom stand-in (PlaygroundState::entropy_seed)
    std::string base_url;                   // where the demo's relative URLs resolve (the page's address)
    size_t span_budget = kSpanBudget;       // spans the trace keeps (Trace's constructor)
    size_t history_budget = kHistoryBudget; // bytes the history keeps (History's constructor)
    size_t max_lines = 100000;              // lines kept of what the demo prints; then one saying so
    bool narrate = true;                    // tell each iteration in words (the Narrator); off to measure what it costs
    bool keep_history = true;               // keep each iteration's state; off to measure what it costs
};

class RunCore {
public:
    RunCore(const demos::Demo& demo, RunSetup setup);
    ~RunCore();
    RunCore(const RunCore&) = delete;
    RunCore& operator=(const RunCore&) = delete;

    // Creates the demo's main task, once the owner has given the loop its network, and records the
    // state before any iteration (iteration 0).
    void start();
    // Cancels what is left and lets go of the loop (the destructor does it too): before the owner
    // takes its network away.
    void close();

    // Makes `state` show the loop as it stands, after it moved (an iteration, its clock): the
    // snapshot, files and pages; over it the picture of `held`, a blocking call the display is
    // inside (nullptr: none), or of the run cut by a stop. With `lend`, `state` holds this run's
    // previous state and was not altered so: unchanged task views are kept. Returns whether the
    // picture was altered from the loop's (lend nothing to the next).
    bool update_loop(PlaygroundState& state, const demos::BlockingCall* held, bool lend);
    // Then the time shown (loop seconds): the summary up to it, and the lines printed and the
    // accounts told up to it.
    void update_time(PlaygroundState& state, Time time);
    // Makes `state` the run's as it was right after iteration k (History::first()..last(), else
    // std::out_of_range naming them), as update_loop and update_time made it then at instant speed.
    // Leaves the status, speed, run number and finished runs to the caller.
    void show_iteration(PlaygroundState& state, uint64_t k) const;

    // A line the demo printed at loop time `at` (a traceback after the run).
    void print(Time at, const std::string& line);
    // Stop at display time `at` (loop seconds), as the page's Stop: every task is cancelled there.
    // Behind the loop's clock (inside a blocking call's iteration) the run is cut there: what the
    // loop did after `at` is not shown, and the tasks it finished after `at` show cancelled.
    void stop(Time at);
    // The run ended by itself at display time `at`: what main left running is cancelled there.
    void finish(Time at);
    Time cut() const { return cut_; }   // where a stop cut the run; -1: not cut
    // What the run took from outside so far, but its requests' answers (the owner's network
    // records those, RecordingNetwork): the loop time each iteration began at, and the stop.
    const std::vector<IterationStart>& clock_starts() const { return clock_.starts(); }
    const std::optional<RecordedStop>& recorded_stop() const { return stop_; }
    const RunSetup& setup() const { return setup_; }
    size_t lines() const { return lines_.size(); }   // printed so far, shown or not

    Loop loop;
    Trace trace;
    demos::Context ctx;
    Task<void> main;
    Narrator narrator;      // after ctx, which it listens to
    History history;

private:
    // In front of the narrator: tells the core when an iteration has ended.
    struct IterationEnd final : RecorderRelay {
        RunCore* core = nullptr;
        void on_iteration_end(const Loop& l) override;
        void attach(Loop& l);
        void detach(Loop& l);
    };
    void iteration_ended();
    void take_accounts();
    void record();
    // The items of `log` up to time t: where its shown stretch ends, moved from `end` on.
    template <class Log> static size_t shown_until(const Log& log, size_t end, Time t);
    LogRange<Account> kept_accounts(size_t end) const;

    const demos::Demo& demo_;
    RunSetup setup_;
    std::deque<PrintedLine> lines_;       // everything printed, oldest first
    std::deque<Account> accounts_;        // everything told that the history or the state may show
    size_t accounts_base_ = 0;            // accounts dropped from the front of accounts_ (the history let them go)
    size_t kept_first_ = 0;               // the first account the state keeps (kKeptAccounts, kKeptSentences), absolute
    size_t kept_sentences_ = 0;           // sentences in accounts [kept_first_, end)
    Time cut_ = -1;
    bool summary_due_ = false;            // the loop moved since the shown state's summary was taken
    StateBuilder builder_;                // the shown state's
    StateBuilder recorder_;               // the history's: one state after every iteration
    PlaygroundState recorded_;
    bool started_ = false;
    bool closing_ = false;
    std::optional<RecordedStop> stop_;
    ClockRecorder clock_;
    IterationEnd tap_;
};

}  // namespace aio::page
