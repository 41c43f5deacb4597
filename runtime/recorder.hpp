// The instrumentation seam: the loop and tasks report what happens to a Recorder, if one is
// attached. The core only calls these; runtime/trace.hpp records them.
#pragma once
#include "runtime/loop.hpp"
#include "runtime/task_state.hpp"

#include <string>

namespace aio {

class Loop;
class TaskBase;
namespace detail {
class Resource;
struct FrameBase;
}

class Recorder {
public:
    virtual ~Recorder() = default;
    virtual void on_task_created(const TaskBase& t) = 0;
    virtual void on_task_state(const TaskBase& t, TaskState from) = 0;   // t.state() is the new one
    virtual void on_iteration(const Loop& loop) = 0;                       // an iteration begins
    // The iteration's callbacks have all run: what a state of the loop "after iteration k" reads,
    // before any host moves the clock for the next one.
    virtual void on_iteration_end(const Loop&) {}
    virtual void on_task_renamed(const TaskBase&) {}                       // set_name()
    // A queue, semaphore, lock or event was first seen, or its level, waiters or name changed.
    virtual void on_resource_changed(const detail::Resource&) {}
    virtual void on_resource_destroyed(const detail::Resource&) {}        // only ones it has seen
    // Async generators (runtime/generator.hpp) have no task of their own: they run inside the task
    // `t` that iterates them, in its step. `gen` is the generator's frame, whose label is set once
    // its body has begun (frame_name), so it may be unnamed at its first __anext__.
    virtual void on_asyncgen_anext(const TaskBase& /*t*/, const detail::FrameBase& /*gen*/) {}   // __anext__: gen runs on now
    // gen yielded a value (`value`: its repr()) to t's `async for`, and is suspended at that yield.
    virtual void on_asyncgen_yield(const TaskBase& /*t*/, const detail::FrameBase& /*gen*/, const std::string& /*value*/) {}
    // gen returned: t's __anext__ raises StopAsyncIteration, which ends its `async for`.
    virtual void on_asyncgen_return(const TaskBase& /*t*/, const detail::FrameBase& /*gen*/) {}
};

// A Recorder placed in front of a loop's own (the run's Trace), passing every report on to it:
// listeners that sit beside the trace (the narration, the clock recording) override the reports
// they need and call the relay's to pass each on. A report added to Recorder is relayed here too.
class RecorderRelay : public Recorder {
public:
    ~RecorderRelay() override { relay_out(); }
    void on_task_created(const TaskBase& t) override { if (next_) next_->on_task_created(t); }
    void on_task_state(const TaskBase& t, TaskState from) override { if (next_) next_->on_task_state(t, from); }
    void on_iteration(const Loop& loop) override { if (next_) next_->on_iteration(loop); }
    void on_iteration_end(const Loop& loop) override { if (next_) next_->on_iteration_end(loop); }
    void on_task_renamed(const TaskBase& t) override { if (next_) next_->on_task_renamed(t); }
    void on_resource_changed(const detail::Resource& r) override { if (next_) next_->on_resource_changed(r); }
    void on_resource_destroyed(const detail::Resource& r) override { if (next_) next_->on_resource_destroyed(r); }
    void on_asyncgen_anext(const TaskBase& t, const detail::FrameBase& gen) override { if (next_) next_->on_asyncgen_anext(t, gen); }
    void on_asyncgen_yield(const TaskBase& t, const detail::FrameBase& gen, const std::string& value) override {
        if (next_) next_->on_asyncgen_yield(t, gen, value);
    }
    void on_asyncgen_return(const TaskBase& t, const detail::FrameBase& gen) override { if (next_) next_->on_asyncgen_return(t, gen); }

protected:
    // Becomes `loop`'s recorder, in front of the one it had. Relays leave in the reverse order they came.
    void relay_in(Loop& loop) {
        relay_out();
        loop_ = &loop;
        next_ = loop.recorder();
        loop.set_recorder(this);
    }
    void relay_out() {   // puts the recorder it displaced back, if it is still in front
        if (loop_ && loop_->recorder() == this) loop_->set_recorder(next_);
        loop_ = nullptr;
        next_ = nullptr;
    }
    Loop* loop_ = nullptr;              // while in front of its recorder
    Recorder* next_ = nullptr;          // the recorder displaced, which gets every report
};

}  // namespace aio
