// The page's run of a demo: the demo's program as a task on a loop that the browser host
// paces, recorded by a Trace, its prints and files kept for the console and the API.
#include "playground/app/session.hpp"

#include "playground/demos/context.hpp"
#include "playground/demos/run_compare.hpp"
#include "playground/state/as_of.hpp"
#include "playground/state/narration.hpp"
#include "playground/state/state_builder.hpp"
#include "runtime/run.hpp"

#include <algorithm>
#include <random>
#include <stdexcept>

namespace aio::page {

namespace {
constexpr size_t kMaxOutputLines = 100000;   // a console that cannot grow without limit
// Spans the page's trace keeps: count's largest run (10,000 tasks, 6 spans each in 2 chunks of 4)
// needs 80,008; at most 2.5 MB, taken as the run needs them. Larger queue and crawler runs still drop the oldest.
constexpr size_t kSpanBudget = size_t{1} << 17;
static_assert(kInstantSpeed == BrowserHost::kInstant);
}

// Declaration order is teardown order in reverse: the context (and what the demo put in it)
// goes before the loop, the loop before the network its requests use.
struct Session::Run {
    BrowserNetwork network;
    Loop loop;
    Trace trace{kSpanBudget};
    BrowserHost host{loop};
    // Where a stop behind the loop's clock cut the run (the display time; -1: not cut): lines
    // printed while its tasks are cancelled carry that time, as the views show the cancellations there.
    Time cut = -1;
    demos::Context ctx;
    Task<void> main;
    StateBuilder builder;   // follows this run's trace from one state to the next
    Narrator narrator;      // in front of the trace, telling each iteration in words
    Run(const demos::Demo& demo, std::function<void(Time, const std::string&)> print)
        : ctx(demos::virtual_context(loop, [this, print = std::move(print)](const std::string& line) {
              print(cut >= 0 ? cut : loop.time(), line);
          })),
          narrator(demo) {
        trace.attach(loop);
        narrator.attach(ctx);
        set_network(loop, &network);
        network.on_activity = [this] { host.io_done(); };
    }
    ~Run() {
        cancel_all_tasks(loop);
        narrator.detach();
        set_network(loop, nullptr);
        trace.detach();
    }
};

Session::Session() = default;
Session::~Session() = default;

uint64_t Session::run(const std::string& name, const demos::Params& given) {
    const demos::Demo* d = demos::find_demo(name);
    if (!d) throw std::invalid_argument("unknown demo '" + name + "'");
    demos::Params params = demos::resolve_params(*d, given);   // throws, naming the parameter
    run_.reset();   // the previous run is cancelled and gone before the new one starts
    demo_ = d;
    params_ = params;
    pending_.clear();
    state_.output.clear();
    told_.clear();
    state_.narration.clear();
    auto r = std::make_unique<Run>(*d, [this](Time at, const std::string& line) { print(at, line); });
    r->ctx.base_url = base_url;
    // Drawn once, and kept with the run: as CPython's os.urandom, new each run, but the run can be
    // told again with the same.
    std::random_device entropy;
    entropy_seed_ = ((uint64_t{entropy()} << 32) | entropy()) & ((uint64_t{1} << 53) - 1);
    r->ctx.entropy.seed(entropy_seed_);
    r->host.set_speed(speed_);
    r->host.on_progress = [this] { progress(); };
    run_ = std::move(r);
    ++runs_;
    status_ = Status::Running;
    run_->main = create_task(run_->loop, d->main(run_->ctx, params_), "main");
    run_->host.wake();
    state();   // the state no longer points into the run just dropped
    if (on_change) on_change();
    return runs_;
}

void Session::print(Time at, const std::string& line) {
    const size_t lines = output_lines();
    if (lines < kMaxOutputLines) pending_.push_back({at, line});
    else if (lines == kMaxOutputLines) pending_.push_back({at, "(console full: later lines are not shown)"});
}

void Session::progress() {
    if (run_ && status_ != Status::Finished && status_ != Status::Stopped && run_->main.done()) {
        finish(Status::Finished);
        return;
    }
    if (on_change) on_change();
}

void Session::finish(Status how) {
    // As asyncio.run: whatever main left running is cancelled and run to its end, at the time
    // the learner saw (the loop's clock lags the display's between deadlines).
    const Time now = run_->host.display_time();
    run_->host.pause();
    // Stopped inside a blocking call's iteration the loop ran ahead of the display: the run is cut
    // at the time shown, and what the loop did after it is not shown.
    if (how == Status::Stopped && run_->loop.time() > now) run_->cut = now;
    if (how == Status::Stopped) {
        run_->narrator.stopping(now, run_->cut >= 0 ? finished_after(run_->trace, now) : std::vector<std::string>{});
        std::erase_if(told_, [now](const Account& a) { return a.time > now; });
    }
    demos::stop_run(run_->loop, now);
    if (how == Status::Finished && run_->main.done() && !run_->main.cancelled()) {
        if (std::exception_ptr e = run_->main.exception())
            print(run_->loop.time(), "Traceback (most recent call last): " + exception_type_name(e) + ": " + exception_message(e));
    }
    status_ = how;
    if (how == Status::Finished) {
        state_.finished_runs[demos::run_key(*demo_, demos::is_twin(*demo_, params_))] = {state().summary, params_};
    }
    if (on_change) on_change();
    if (on_end) on_end();
}

void Session::pause() {
    if (status_ != Status::Running) return;
    run_->host.pause();
    status_ = Status::Paused;
    if (on_change) on_change();
}

void Session::resume() {
    if (status_ != Status::Paused) return;
    status_ = Status::Running;
    run_->host.resume();
    if (on_change) on_change();
}

void Session::step() {
    if (status_ == Status::Running) pause();
    if (status_ != Status::Paused) return;
    run_->host.step();
    progress();
}

void Session::stop() {
    if (status_ != Status::Running && status_ != Status::Paused) return;
    finish(Status::Stopped);
}

void Session::set_speed(double speed) {
    const bool instant = speed <= 0 || speed == BrowserHost::kInstant;
    if (!instant && !(speed >= 0.1 && speed <= 10))
        throw std::invalid_argument("speed must be 0.1..10 or 'instant', got " + repr(speed));
    speed_ = instant ? BrowserHost::kInstant : speed;
    if (run_) run_->host.set_speed(speed_);
    if (on_change) on_change();
}

Time Session::time() const {
    if (!run_) return 0;
    return run_->cut >= 0 ? run_->cut : run_->host.display_time();
}
uint64_t Session::iteration() const { return run_ ? run_->loop.iteration() : 0; }

// Nothing in the loop's part changes unless the loop runs an iteration, its clock moves, the
// blocking call on screen changes or a new run starts; the summary only when the time shown moves.
const PlaygroundState& Session::state() const {
    PlaygroundState& s = state_;
    s.demo = demo_;
    s.status = status_;
    s.speed = speed_;
    if (s.run != runs_) {
        s.params = params_;
        s.entropy_seed = entropy_seed_;
    }
    s.run = runs_;
    if (!run_) return s;
    const LoopKey key{runs_, run_->loop.iteration(), run_->loop.time(), shown_block()};
    const bool moved = key != loop_key_;
    if (moved) {
        // A blocking call's or a cut run's picture is altered from the loop's: the next one starts afresh.
        const bool lend = loop_key_.runs == runs_ && loop_key_.block < 0 && run_->cut < 0;
        run_->builder.update_loop_state(s, run_->loop, run_->trace, run_->ctx, lend);
        s.blocking.reset();
        if (run_->cut >= 0) stop_as_of(s, run_->trace, run_->cut);
        else if (key.block >= 0) show_blocking_call(s, run_->trace, run_->ctx.blocking_calls[static_cast<size_t>(key.block)]);
        loop_key_ = key;
    }
    const Time now = time();
    // Open spans count up to the time shown, as the Tasks view's do; a blocking call's iteration
    // is counted as far as it has shown.
    if (moved || now != s.time) run_->builder.update_time(s, run_->trace, now);
    show_until(s.output, pending_, now);
    // The loop is between iterations whenever the state is asked for: the last one is told whole.
    run_->narrator.flush();
    const size_t untold = told_.size();
    run_->narrator.take(told_);
    if (told_.size() != untold) keep_latest(s.narration, told_, kKeptAccounts, kKeptSentences);
    show_until(s.narration, told_, now);
    return s;
}

int Session::shown_block() const {
    if (!run_ || !run_->host.holding()) return -1;
    const auto& calls = run_->ctx.blocking_calls;
    const demos::BlockingCall* shown = call_shown_at(calls, time());
    return shown ? static_cast<int>(shown - calls.data()) : -1;
}

}  // namespace aio::page
