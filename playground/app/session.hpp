// Session: the page's one running demo, driven by the UI and the page API alike (both call
// these methods, so a run started from either shows in both). It owns the loop, the browser
// host and network, the trace and what the demo printed and wrote.
#pragma once
#include "playground/demos/demo.hpp"
#include "playground/demos/run_summary.hpp"
#include "runtime/hosts/browser_host.hpp"
#include "runtime/hosts/browser_network.hpp"
#include "runtime/snapshot.hpp"
#include "runtime/trace.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace aio::page {

enum class Status { Idle, Running, Paused, Finished, Stopped };

using demos::RunSummary;
const char* to_string(Status s);

class Session {
public:
    Session();
    ~Session();

    // Starts `demo` with `given` parameters, replacing any run. Unknown demos and bad parameters
    // throw (demos::ParamError, std::invalid_argument) before anything changes.
    void run(const std::string& demo, const demos::Params& given);
    void pause();
    void resume();
    void step();                        // exactly one loop iteration; pauses first
    void stop();                        // cancels every task, as asyncio.run cleans up
    void set_speed(double speed);       // loop seconds per wall second, 0.1..10, or instant (<= 0)
    double speed() const { return speed_; }
    bool instant() const { return speed_ == BrowserHost::kInstant; }

    Status status() const { return status_; }
    uint64_t runs() const { return runs_; }   // counts run() calls: views notice a run started elsewhere
    const demos::Demo* demo() const { return demo_; }
    const demos::Params& params() const { return params_; }
    const std::vector<std::string>& output() const { return output_; }
    const std::map<std::string, std::string>& files() const;
    Time time() const;                  // loop time as it should show now
    uint64_t iteration() const;
    // The loop's state, taken again only after the loop has moved (views ask every frame).
    const Snapshot& snapshot() const;
    const Trace& trace() const;         // the run's recording: every task's spans (an empty one before a run)
    RunSummary summary() const;         // the current run's figures, up to the loop's time now
    // The last finished run of each demo, keyed by demos::run_key (its comparison's twin apart).
    struct FinishedRun {
        RunSummary summary;
        demos::Params params;   // the run's, so runs side by side can say what they differ in
    };
    const std::map<std::string, FinishedRun>& finished_runs() const { return finished_runs_; }
    const std::vector<demos::PageReport>& pages() const;   // the crawler's

    std::string base_url;               // where the crawler's relative URLs resolve (the page)
    std::function<void()> on_change;    // progress or a status change: views redraw
    std::function<void()> on_end;       // the run finished or was stopped

private:
    struct Run;
    void progress();
    void finish(Status how);
    int shown_block() const;                        // while the host holds the loop: the blocking call on screen, else -1
    void show_blocking_call(size_t shown) const;
    std::unique_ptr<Run> run_;
    const demos::Demo* demo_ = nullptr;
    demos::Params params_;
    std::vector<std::string> output_;
    Status status_ = Status::Idle;
    double speed_ = 1.0;
    uint64_t runs_ = 0;
    std::map<std::string, FinishedRun> finished_runs_;
    struct Cache {
        uint64_t runs = ~0ull, iteration = 0;
        Time time = -1;
        int block = -1;
        bool fresh(const Session& s) const;
    };
    mutable Cache snap_key_;
    mutable Snapshot snap_;
};

}  // namespace aio::page
