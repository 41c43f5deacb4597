// Session: the page's one running demo, driven by the UI and the page API alike (both call
// these methods, so a run started from either shows in both). It owns the loop, the browser
// host and network, the trace and what the demo printed and wrote.
#pragma once
#include "playground/demos/demo.hpp"
#include "playground/state/playground_state.hpp"
#include "playground/state/run_file.hpp"
#include "runtime/hosts/browser_host.hpp"
#include "runtime/hosts/browser_network.hpp"

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace aio::page {

class Session {
public:
    Session();
    ~Session();

    // Starts `demo` with `given` parameters, replacing any run. Unknown demos and bad parameters
    // throw (demos::ParamError, std::invalid_argument) before anything changes. Returns the new
    // run's number (PlaygroundState::run).
    // `paused`: it waits before its first iteration, showing iteration 0, for Step.
    uint64_t run(const std::string& demo, const demos::Params& given, bool paused = false);
    void pause();
    void resume();
    void step();                        // exactly one loop iteration; pauses first
    void stop();                        // cancels every task, as asyncio.run cleans up
    void set_speed(double speed);       // loop seconds per wall second, 0.1..10, or instant (<= 0)

    // The run as a file (run_file.hpp): what it is a function of and what it took from outside
    // so far. std::invalid_argument before any run.
    RunFile run_file() const;
    // The run's trace as Chrome/Perfetto JSON (aio::to_chrome_trace), up to the loop's time.
    std::string chrome_trace() const;
    // Replaces the run with `file`'s, told again at once with nothing from outside (no network:
    // the recorded answers), up to where it was written; it is then as it was: ended, or paused.
    // Where the demo took another path than the recording, replay_problems() says how.
    void open(const RunFile& file);
    const std::vector<std::string>& replay_problems() const { return replay_problems_; }

    // Going back. The run's recorded iterations (History) can be shown again: seek(k) shows the
    // state right after iteration k (recording().first..last, else std::out_of_range naming them),
    // pausing a running run, which stays where it is meanwhile. step() then moves forward one
    // iteration, resume() replays forward at the speed chosen, and both hand back to the live run
    // at its end; live() goes back to it at once. step_back() is seek(one before the shown
    // iteration), and does nothing at the first.
    void seek(uint64_t k);
    // seek() to the nearest iteration before (direction < 0) or after the one shown in which task
    // `id` changed (History::previous_change, next_change); nothing when there is none.
    void seek_task_change(uint32_t id, int direction);
    void step_back();
    void live();
    Recording recording() const;
    // A frame is due: a replay moves on by the wall time since the last (milliseconds).
    void tick(double wall_ms);

    // Everything the views and the page API show, as of now. Built again only in the parts that
    // moved: the loop's (an iteration, its clock, a blocking call shown) or the display time's, so
    // a paused or idle page copies nothing. Valid until the next call of a non-const method.
    const PlaygroundState& state() const;
    Status status() const { return replaying_ ? Status::Running : status_; }
    uint64_t runs() const { return runs_; }   // counts run() calls: the page notices a run started elsewhere
    const demos::Demo* demo() const { return demo_; }
    const demos::Params& params() const { return params_; }
    uint64_t iteration() const;         // loop iterations run, without building the state
    uint64_t shown_iteration() const;   // the iteration the views show: iteration() unless going back
    size_t output_lines() const;        // lines printed so far, shown or not yet

    std::string base_url;               // where the crawler's relative URLs resolve (the page)
    std::function<void()> on_change;    // progress or a status change: views redraw
    std::function<void()> on_end;       // the run finished or was stopped

private:
    struct Run;
    void start(const demos::Demo& demo, const demos::Params& params, uint64_t seed, const std::string& address, bool paused);
    void progress();
    void show(uint64_t k);                          // the views show iteration k again
    void finish(Status how);
    Time time() const;                              // loop time as it should show now
    int shown_block() const;                        // while the host holds the loop: the blocking call on screen, else -1
    mutable PlaygroundState state_;     // its finished runs are written as they happen
    std::unique_ptr<Run> run_;
    const demos::Demo* demo_ = nullptr;
    demos::Params params_;
    uint64_t entropy_seed_ = 0;     // the run's os.urandom seed (PlaygroundState::entropy_seed)
    Status status_ = Status::Idle;
    double speed_ = 1.0;
    uint64_t runs_ = 0;
    // What the state was last built from: the loop's part is taken again only when this changes.
    struct LoopKey {
        uint64_t runs = ~0ull, iteration = 0;
        Time time = -1;
        int block = -1;
        bool operator==(const LoopKey&) const = default;
    };
    mutable LoopKey loop_key_;
    mutable bool loop_altered_ = false;   // the state shows a blocking call's or a cut run's picture: it lends nothing
    // Shown again: the iteration, its state, and a replay's time (loop seconds) and last tick.
    std::optional<uint64_t> past_;
    mutable PlaygroundState past_state_;
    bool replaying_ = false;
    Time replay_time_ = 0;
    double replay_wall_ms_ = -1;
    std::map<std::string, FinishedRun> finished_before_;   // the finished runs as the run started
    std::string run_address_;                   // the run's base_url: the page's, or an opened file's
    std::vector<std::string> replay_problems_;  // where an opened run took another path than its file
};

}  // namespace aio::page
