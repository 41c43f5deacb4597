// BrowserHost: drives a Loop from the JavaScript event loop (browser or Node). It arms one
// setTimeout for the earliest deadline, scaled by a speed factor, and runs ready work in short
// slices between hops (MessageChannel, or setImmediate in Node), so sleep(0) bursts skip the
// browser's 4 ms timer clamp and the page stays responsive. The loop clock only ever jumps to
// the deadline that fired, so pausing, speed changes or a hidden tab never make it jump ahead.
// While a request is in flight the clock moves with the wall clock (at 1x in instant mode), as
// it does in Python, so timeouts mean what they say. A blocking call that moves the clock inside an
// iteration (time.sleep) holds the loop: nothing more runs until the display clock has caught up
// with the loop's at the chosen speed (instant stays instant).
#pragma once
#include "runtime/loop.hpp"

#include <functional>

namespace aio {

class BrowserHost {
public:
    explicit BrowserHost(Loop& loop);
    ~BrowserHost();
    BrowserHost(const BrowserHost&) = delete;
    BrowserHost& operator=(const BrowserHost&) = delete;

    void wake();                      // new work arrived (a task made): schedule it
    // A response is about to be delivered: the loop's clock catches up with the time shown (also
    // while paused, so the run never shows an earlier time after), then the loop runs.
    void io_done();
    void pause();                     // the clock stops; nothing runs
    void resume();
    void step();                      // exactly one loop iteration (moving the clock to the next deadline if idle)
    void set_speed(double speed);     // loop seconds per wall second; <= 0 or infinity: instant
    double speed() const { return speed_; }
    bool paused() const { return paused_; }
    bool instant() const { return speed_ <= 0 || speed_ == kInstant; }
    bool idle() const;                // nothing ready and no timers: the run can make no progress
    Time display_time() const;        // loop time as a viewer should see it now (moves between deadlines)
    // A blocking call moved the loop's clock to `held_until()` and the display has not caught up:
    // the loop is held, and the task that blocked is still, as far as the viewer can tell, running.
    bool holding() const { return holding_; }
    Time held_from() const { return held_from_; }   // the loop time the blocking call began

    std::function<void()> on_progress;   // after every slice: views may redraw
    // The run's main task is done (asyncio.run's run_until_complete): a slice stops after the
    // iteration that finished it, as asyncio's loop stops then, so where a run ends never depends
    // on how many iterations a slice's time budget let run. Empty: slices run on.
    std::function<bool()> complete;
    static constexpr double kInstant = 1e300;

    // Entry points the JavaScript side calls.
    void on_timer();
    void on_hop();

private:
    void schedule();
    void run_slice(double budget_ms);
    void reanchor(Time loop_time);
    void release();                // the display caught up with a blocking call: run on
    double pace() const;           // loop seconds per wall second now: 0 when instant and nothing is in flight
    Loop& loop_;
    double speed_ = 1.0;
    bool paused_ = false;
    bool hop_posted_ = false;
    bool timer_armed_ = false;
    bool holding_ = false;
    Time held_from_ = 0;
    double wall_anchor_ms_ = 0;    // wall clock (performance.now) at the anchor
    Time loop_anchor_ = 0;         // display time at the anchor
    Time timer_deadline_ = 0;
    int id_;
};

}  // namespace aio
