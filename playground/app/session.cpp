// The page's run of a demo: the demo's program as a task on a loop that the browser host
// paces, recorded by a Trace, its prints and files kept for the console and the API.
#include "playground/app/session.hpp"

#include "playground/demos/context.hpp"
#include "playground/demos/run_compare.hpp"
#include "playground/state/as_of.hpp"
#include "playground/state/run_core.hpp"
#include "runtime/hosts/replay.hpp"
#include "runtime/run.hpp"

#include <algorithm>
#include <optional>
#include <random>
#include <stdexcept>

namespace aio::page {

namespace {
static_assert(kInstantSpeed == BrowserHost::kInstant);
}

// Declaration order is teardown order in reverse: the core (and the loop in it) goes before the
// network its requests use; the host, which drives the loop, before the core.
struct Session::Run {
    BrowserNetwork network;
    RunCore core;
    RecordingNetwork recording{core.loop, network};   // what the requests got, for the run file
    std::optional<ReplayNetwork> replay;               // an opened run's answers, instead of the network's
    BrowserHost host{core.loop};
    Run(const demos::Demo& demo, RunSetup setup, double speed, bool paused) : core(demo, std::move(setup)) {
        set_network(core.loop, &recording);
        network.on_activity = [this] { host.io_done(); };
        // Before main is made: at another speed the display's clock would move towards its first step.
        host.set_speed(speed);
        if (paused) host.pause();
        core.start();
    }
    ~Run() {
        core.close();
        set_network(core.loop, nullptr);
    }
};

Session::Session() = default;
Session::~Session() = default;

uint64_t Session::run(const std::string& name, const demos::Params& given, bool paused) {
    const demos::Demo* d = demos::find_demo(name);
    if (!d) throw std::invalid_argument("unknown demo '" + name + "'");
    demos::Params params = demos::resolve_params(*d, given);   // throws, naming the parameter
    // Drawn once, and kept with the run: as CPython's os.urandom, new each run, but the run can be
    // told again with the same.
    std::random_device entropy;
    const uint64_t seed = ((uint64_t{entropy()} << 32) | entropy()) & ((uint64_t{1} << 53) - 1);
    start(*d, params, seed, base_url, paused);
    return runs_;
}

void Session::start(const demos::Demo& demo, const demos::Params& params, uint64_t seed, const std::string& address, bool paused) {
    const demos::Demo* d = &demo;
    // The state points into the run: it lets go first.
    state_.output = {};
    state_.narration = {};
    state_.history = nullptr;
    past_.reset();
    past_state_ = {};
    replaying_ = false;
    finished_before_ = state_.finished_runs;
    run_.reset();   // the previous run is cancelled and gone before the new one starts
    demo_ = d;
    params_ = params;
    entropy_seed_ = seed;
    run_address_ = address;
    auto r = std::make_unique<Run>(*d, RunSetup{.params = params, .entropy_seed = seed, .base_url = address}, speed_, paused);
    r->host.on_progress = [this] { progress(); };
    r->host.complete = [core = &r->core] { return core->main.done(); };
    run_ = std::move(r);
    ++runs_;
    status_ = paused ? Status::Paused : Status::Running;
    run_->host.wake();
    state();   // the state no longer points into the run just dropped
    if (on_change) on_change();
}

RunFile Session::run_file() const {
    if (!run_) throw std::invalid_argument("nothing has run yet: there is no run to save");
    return {.demo = demo_, .params = params_, .entropy_seed = entropy_seed_, .base_url = run_address_,
            .inputs = {.clock = run_->core.clock_starts(), .fetches = run_->recording.fetches(), .stop = run_->core.recorded_stop()},
            .end_iteration = run_->core.loop.iteration(), .end_status = status_};
}

std::string Session::chrome_trace() const {
    if (!run_) throw std::invalid_argument("nothing has run yet: there is no trace to save");
    return to_chrome_trace(run_->core.trace, run_->core.loop.time());
}

void Session::open(const RunFile& file) {
    // Told again with nothing from outside: the clock as recorded, the answers as recorded.
    start(*file.demo, file.params, file.entropy_seed, file.base_url, true);
    Run& r = *run_;
    r.replay.emplace(r.core.loop, file.inputs.fetches);
    set_network(r.core.loop, &*r.replay);
    ReplayHost replay(r.core.loop, file.inputs, *r.replay);
    while (r.core.loop.iteration() < file.end_iteration && !r.core.main.done() && replay.step()) {}
    replay_problems_ = r.replay->mismatches();
    if (file.end_status == Status::Stopped || file.end_status == Status::Finished) {
        const Time at = file.inputs.stop ? file.inputs.stop->time : r.core.loop.time();
        if (file.end_status == Status::Stopped) r.core.stop(at);
        else r.core.finish(at);
        status_ = file.end_status;
        if (status_ == Status::Finished)
            state_.finished_runs[demos::run_key(*demo_, demos::is_twin(*demo_, params_))] = {state().summary, params_};
    }
    state();
    if (on_change) on_change();
    if (on_end && status_ != Status::Paused) on_end();
}

void Session::progress() {
    if (run_ && status_ != Status::Finished && status_ != Status::Stopped && run_->core.main.done()) {
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
    if (how == Status::Stopped) run_->core.stop(now);
    else run_->core.finish(now);
    status_ = how;
    if (how == Status::Finished) {
        state_.finished_runs[demos::run_key(*demo_, demos::is_twin(*demo_, params_))] = {state().summary, params_};
    }
    if (on_change) on_change();
    if (on_end) on_end();
}

void Session::pause() {
    if (replaying_) {
        replaying_ = false;
        if (on_change) on_change();
        return;
    }
    if (status_ != Status::Running) return;
    run_->host.pause();
    status_ = Status::Paused;
    if (on_change) on_change();
}

void Session::resume() {
    if (past_ && !replaying_) {
        // Instant has nothing to replay at: the live run goes on at once.
        if (speed_ != BrowserHost::kInstant) {
            replaying_ = true;
            replay_time_ = run_->core.history.time_at(*past_);
            replay_wall_ms_ = -1;
            if (on_change) on_change();
            return;
        }
        live();
    }
    if (status_ != Status::Paused) return;
    status_ = Status::Running;
    run_->host.resume();
    if (on_change) on_change();
}

void Session::step() {
    if (past_) {
        replaying_ = false;
        if (*past_ + 1 >= run_->core.history.last()) live();
        else show(*past_ + 1);
        return;
    }
    if (status_ == Status::Running) pause();
    if (status_ != Status::Paused) return;
    run_->host.step();
    progress();
}

void Session::stop() {
    if (status_ != Status::Running && status_ != Status::Paused) return;
    past_.reset();   // the live run stops: the views show it
    replaying_ = false;
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

void Session::seek(uint64_t k) {
    if (!run_) throw std::out_of_range("nothing has run yet: start a run first");
    (void)run_->core.history.time_at(k);   // throws, naming the iterations there are
    replaying_ = false;
    if (status_ == Status::Running) {
        run_->host.pause();
        status_ = Status::Paused;
    }
    show(k);
}

void Session::seek_task_change(uint32_t id, int direction) {
    if (!run_ || run_->core.history.empty()) return;
    const History& h = run_->core.history;
    const uint64_t shown = shown_iteration();
    if (const auto k = direction < 0 ? h.previous_change(id, shown) : h.next_change(id, shown)) seek(*k);
}

void Session::step_back() {
    if (!run_ || run_->core.history.empty()) return;
    const uint64_t k = past_ ? *past_ : run_->core.history.last();
    if (k <= run_->core.history.first()) return;
    seek(k - 1);
}

void Session::live() {
    if (!past_) return;
    past_.reset();
    replaying_ = false;
    if (on_change) on_change();
}

Recording Session::recording() const {
    if (!run_ || run_->core.history.empty()) return {};
    return {.first = run_->core.history.first(), .last = run_->core.history.last(), .live = !past_, .replaying = replaying_};
}

void Session::show(uint64_t k) {
    RunCore& core = run_->core;
    core.show_iteration(past_state_, k);
    past_state_.run = runs_;
    // The run's own comparison entry came with its end.
    past_state_.finished_runs = k == core.history.last() && status_ == Status::Finished ? state_.finished_runs : finished_before_;
    past_ = k;
    if (on_change) on_change();
}

void Session::tick(double wall_ms) {
    if (!replaying_) return;
    const double since = replay_wall_ms_ < 0 ? 0 : wall_ms - replay_wall_ms_;
    replay_wall_ms_ = wall_ms;
    replay_time_ += std::max(0.0, since) / 1000 * speed_;
    const History& h = run_->core.history;
    uint64_t k = *past_;
    while (k < h.last() && h.time_at(k + 1) <= replay_time_) ++k;
    if (k >= h.last()) {
        // The replay reached the live run: it goes on from there.
        live();
        if (status_ == Status::Paused) resume();
        return;
    }
    if (k != *past_) show(k);
}

uint64_t Session::shown_iteration() const { return past_ ? *past_ : iteration(); }

Time Session::time() const {
    if (!run_) return 0;
    return run_->core.cut() >= 0 ? run_->core.cut() : run_->host.display_time();
}
uint64_t Session::iteration() const { return run_ ? run_->core.loop.iteration() : 0; }
size_t Session::output_lines() const { return run_ ? run_->core.lines() : 0; }

// Nothing in the loop's part changes unless the loop runs an iteration, its clock moves, the
// blocking call on screen changes or a new run starts; the summary only when the time shown moves.
const PlaygroundState& Session::state() const {
    if (past_) {
        past_state_.status = status();
        past_state_.speed = speed_;
        past_state_.recording = recording();
        return past_state_;
    }
    PlaygroundState& s = state_;
    s.recording = recording();
    s.demo = demo_;
    s.status = status_;
    s.speed = speed_;
    if (s.run != runs_) {
        s.params = params_;
        s.entropy_seed = entropy_seed_;
    }
    s.run = runs_;
    if (!run_) return s;
    RunCore& core = run_->core;
    const LoopKey key{runs_, core.loop.iteration(), core.loop.time(), shown_block()};
    const bool moved = key != loop_key_;
    if (moved) {
        // A blocking call's or a cut run's picture is altered from the loop's: the next one starts afresh.
        const bool lend = loop_key_.runs == runs_ && !loop_altered_;
        loop_altered_ = core.update_loop(s, key.block >= 0 ? &core.ctx.blocking_calls[static_cast<size_t>(key.block)] : nullptr, lend);
        loop_key_ = key;
    }
    const Time now = time();
    // Open spans count up to the time shown, as the Tasks view's do; a blocking call's iteration
    // is counted as far as it has shown.
    core.update_time(s, now);
    return s;
}

int Session::shown_block() const {
    if (!run_ || !run_->host.holding()) return -1;
    const auto& calls = run_->core.ctx.blocking_calls;
    const demos::BlockingCall* shown = call_shown_at(calls, time());
    return shown ? static_cast<int>(shown - calls.data()) : -1;
}

}  // namespace aio::page
