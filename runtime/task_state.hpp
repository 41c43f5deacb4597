// The states a task moves through, as the instrumentation records them and the views show them.
#pragma once
#include <cstdint>

namespace aio {

enum class TaskState : uint8_t {
    Pending,    // created, first step not run yet
    Ready,      // woken, in the ready queue
    Running,    // its step is running now
    Waiting,    // suspended on something (see WaitKind)
    Done,       // returned a result
    Failed,     // raised an exception
    Cancelled,  // ended with CancelledError
};
constexpr int kTaskStateCount = 7;
const char* to_string(TaskState s);   // "pending", "ready", ...

}  // namespace aio
