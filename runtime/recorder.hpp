// The instrumentation seam: the loop and tasks report what happens to a Recorder, if one is
// attached. The core only calls these; runtime/trace.hpp records them.
#pragma once
#include "runtime/task_state.hpp"

namespace aio {

class Loop;
class TaskBase;
namespace detail { class Resource; }

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
};

}  // namespace aio
