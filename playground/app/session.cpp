// The page's run of a demo: the demo's program as a task on a loop that the browser host
// paces, recorded by a Trace, its prints and files kept for the console and the API.
#include "playground/app/session.hpp"

#include "playground/demos/run_compare.hpp"
#include "playground/state/state_builder.hpp"
#include "runtime/run.hpp"

#include <algorithm>
#include <stdexcept>

namespace aio::page {

namespace {
constexpr size_t kMaxOutputLines = 100000;   // a console that cannot grow without limit
static_assert(kInstantSpeed == BrowserHost::kInstant);
}

// Declaration order is teardown order in reverse: the context (and what the demo put in it)
// goes before the loop, the loop before the network its requests use.
struct Session::Run {
    BrowserNetwork network;
    Loop loop;
    Trace trace;
    BrowserHost host{loop};
    demos::Context ctx;
    Task<void> main;
    StateBuilder builder;   // follows this run's trace from one state to the next
    // The blocking calls of the iteration the host is holding the loop after (earlier ones are dropped).
    struct Block {
        uint32_t task;
        Time from, to;
        uint64_t iteration;
    };
    std::vector<Block> blocks;
    explicit Run(std::function<void(const std::string&)> print)
        : ctx{.loop = loop, .print = std::move(print), .random = Random(), .files = {},
              .perf_counter = [this] { return loop.time(); },
              .block = [this](double s) {
                  // By iteration, not by time: the call before this one in the same iteration
                  // ended where this one starts, and is still to be shown.
                  std::erase_if(blocks, [this](const Block& b) { return b.iteration != loop.iteration(); });
                  if (TaskBase* t = current_task()) blocks.push_back({t->id(), loop.time(), loop.time() + s, loop.iteration()});
                  loop.advance_to(loop.time() + s);
              }} {
        trace.attach(loop);
        set_network(loop, &network);
        network.on_activity = [this] { host.io_done(); };
    }
    ~Run() {
        cancel_all_tasks(loop);
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
    std::vector<std::string>& output = state_.output;
    output.clear();
    auto r = std::make_unique<Run>([&output](const std::string& line) {
        if (output.size() < kMaxOutputLines) output.push_back(line);
        else if (output.size() == kMaxOutputLines) output.push_back("(console full: later lines are not shown)");
    });
    r->ctx.base_url = base_url;
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
    demos::stop_run(run_->loop, now);
    if (how == Status::Finished && run_->main.done() && !run_->main.cancelled()) {
        if (std::exception_ptr e = run_->main.exception())
            state_.output.push_back("Traceback (most recent call last): " + exception_type_name(e) + ": " + exception_message(e));
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

Time Session::time() const { return run_ ? run_->host.display_time() : 0; }
uint64_t Session::iteration() const { return run_ ? run_->loop.iteration() : 0; }

// Nothing in the loop's part changes unless the loop runs an iteration, its clock moves, the
// blocking call on screen changes or a new run starts; the summary only when the time shown moves.
const PlaygroundState& Session::state() const {
    PlaygroundState& s = state_;
    s.demo = demo_;
    s.status = status_;
    s.speed = speed_;
    if (s.run != runs_) s.params = params_;
    s.run = runs_;
    if (!run_) return s;
    const LoopKey key{runs_, run_->loop.iteration(), run_->loop.time(), shown_block()};
    const bool moved = key != loop_key_;
    if (moved) {
        // A blocking call's picture is altered from the loop's: the next one starts afresh.
        run_->builder.update_loop_state(s, run_->loop, run_->trace, run_->ctx, loop_key_.runs == runs_ && loop_key_.block < 0);
        if (key.block >= 0) show_blocking_call(static_cast<size_t>(key.block));
        loop_key_ = key;
    }
    const Time now = time();
    if (moved || now != s.time) {
        // Open spans count up to the time shown, as the Tasks view's do. A blocking call the
        // host still holds the loop for is recorded whole: count only what has shown.
        run_->builder.update_time(s, run_->trace, now);
        if (run_->host.holding()) s.summary.blocked -= run_->loop.time() - now;
    }
    return s;
}

int Session::shown_block() const {
    if (!run_ || !run_->host.holding()) return -1;
    const Time now = time();
    const auto& b = run_->blocks;
    for (size_t i = 0; i < b.size(); ++i)
        if (now < b[i].to || i + 1 == b.size()) return static_cast<int>(i);
    return -1;
}

// While the host holds the loop for blocking calls, they have returned in the loop but not yet on
// screen: the views see the tasks as they were at the start of the call `shown` (the task making
// it running, those blocking after it still waiting their turn), and count on from there.
void Session::show_blocking_call(size_t shown) const {
    const auto& blocks = run_->blocks;
    const Time from = blocks[shown].from, to = run_->loop.time();
    auto take = [](TaskView& t, TaskState s, float seconds) { t.time_in[static_cast<int>(s)] -= seconds; };
    Snapshot& snap = state_.snapshot;
    snap.time = from;
    for (TaskView& t : snap.tasks) {
        // What it has done since `from` is not on screen yet: its current state counts from there.
        if (t.state < TaskState::Done) t.since = std::min(t.since, from);
        auto b = std::find_if(blocks.begin() + static_cast<long>(shown), blocks.end(), [&](const auto& x) { return x.task == t.id; });
        if (b == blocks.end()) continue;
        take(t, TaskState::Running, static_cast<float>(b->to - b->from));
        if (b - blocks.begin() == static_cast<long>(shown)) t.state = TaskState::Running;
        else {   // not run yet: still pending (its first step) or ready
            t.state = t.time_in[static_cast<int>(TaskState::Ready)] > 0 ? TaskState::Ready : TaskState::Pending;
            take(t, t.state, static_cast<float>(b->from - from));
        }
        t.wait = WaitKind::None;
        t.waiting_on.clear();
        t.until = -1;
        t.result.clear();
        t.since = from;
        t.finished = -1;
        t.changes = ~0u;   // not to be reused once the hold ends
    }
}

}  // namespace aio::page
