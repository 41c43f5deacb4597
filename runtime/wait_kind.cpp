// Display names for wait kinds, shared by the snapshot, the trace and the views.
#include "runtime/wait_kind.hpp"

namespace aio {

const char* to_string(WaitKind k) {
    switch (k) {
        case WaitKind::None: return "";
        case WaitKind::Sleep: return "sleep";
        case WaitKind::Yield: return "yield";
        case WaitKind::Future: return "future";
        case WaitKind::Task: return "task";
        case WaitKind::Gather: return "gather";
        case WaitKind::QueueGet: return "queue.get";
        case WaitKind::QueuePut: return "queue.put";
        case WaitKind::QueueJoin: return "queue.join";
        case WaitKind::Event: return "event";
        case WaitKind::Lock: return "lock";
        case WaitKind::Semaphore: return "semaphore";
        case WaitKind::Fetch: return "fetch";
        case WaitKind::TaskGroup: return "taskgroup";
        case WaitKind::WaitFor: return "wait_for";
        case WaitKind::Shield: return "shield";
        case WaitKind::AsCompleted: return "as_completed";
    }
    return "?";
}

}  // namespace aio
