// The instrumentation seam: the loop and tasks report what happens to a Recorder, if one is
// attached. The core only calls these; runtime/trace.hpp records them.
#pragma once
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

}  // namespace aio
