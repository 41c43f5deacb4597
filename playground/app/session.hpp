// Session: the page's one running demo, driven by the UI and the page API alike (both call
// these methods, so a run started from either shows in both). It owns the loop, the browser
// host and network, the trace and what the demo printed and wrote.
#pragma once
#include "playground/demos/demo.hpp"
#include "playground/state/playground_state.hpp"
#include "runtime/hosts/browser_host.hpp"
#include "runtime/hosts/browser_network.hpp"

#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace aio::page {

class Session {
public:
    Session();
    ~Session();

    // Starts `demo` with `given` parameters, replacing any run. Unknown demos and bad parameters
    // throw (demos::ParamError, std::invalid_argument) before anything changes. Returns the new
    // run's number (PlaygroundState::run).
    uint64_t run(const std::string& demo, const demos::Params& given);
    void pause();
    void resume();
    void step();                        // exactly one loop iteration; pauses first
    void stop();                        // cancels every task, as asyncio.run cleans up
    void set_speed(double speed);       // loop seconds per wall second, 0.1..10, or instant (<= 0)

    // Everything the views and the page API show, as of now. Built again only in the parts that
    // moved: the loop's (an iteration, its clock, a blocking call shown) or the display time's, so
    // a paused or idle page copies nothing. Valid until the next call of a non-const method.
    const PlaygroundState& state() const;
    Status status() const { return status_; }
    uint64_t runs() const { return runs_; }   // counts run() calls: the page notices a run started elsewhere
    const demos::Demo* demo() const { return demo_; }
    const demos::Params& params() const { return params_; }
    uint64_t iteration() const;         // loop iterations run, without building the state
    size_t output_lines() const { return state_.output.size() + pending_.size(); }   // lines printed so far, shown or not yet

    std::string base_url;               // where the crawler's relative URLs resolve (the page)
    std::function<void()> on_change;    // progress or a status change: views redraw
    std::function<void()> on_end;       // the run finished or was stopped

private:
    struct Run;
    void progress();
    void finish(Status how);
    Time time() const;                              // loop time as it should show now
    int shown_block() const;                        // while the host holds the loop: the blocking call on screen, else -1
    void print(Time at, const std::string& line);   // a line the demo printed at loop time `at`
    // Before run_: a run's teardown may still print.
    mutable std::deque<PrintedLine> pending_;   // the run's lines not yet shown: state() moves them to its output
    mutable std::deque<Account> told_;          // the run's accounts not yet shown: state() moves them to its narration
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
};

}  // namespace aio::page
