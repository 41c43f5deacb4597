// Display names for task states, shared by the snapshot, the trace and the views.
#include "runtime/task_state.hpp"

namespace aio {

const char* to_string(TaskState s) {
    switch (s) {
        case TaskState::Pending: return "pending";
        case TaskState::Ready: return "ready";
        case TaskState::Running: return "running";
        case TaskState::Waiting: return "waiting";
        case TaskState::Done: return "done";
        case TaskState::Failed: return "failed";
        case TaskState::Cancelled: return "cancelled";
    }
    return "?";
}

}  // namespace aio
