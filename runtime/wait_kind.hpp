// What a task can be waiting on: the vocabulary the instrumentation and the views share.
#pragma once
#include <cstdint>

namespace aio {

enum class WaitKind : uint8_t {
    None,
    Sleep,       // asyncio.sleep(d): until a deadline
    Yield,       // sleep(0): one loop iteration
    Future,      // a plain future
    Task,        // another task
    Gather,      // gather(...)
    QueueGet,
    QueuePut,
    QueueJoin,
    Event,
    Lock,
    Semaphore,
    Fetch,       // an HTTP request in flight
    TaskGroup,   // the end of an `async with TaskGroup()` block
    WaitFor,     // wait_for's inner waiter
    Shield,
    AsCompleted,
};
constexpr int kWaitKindCount = static_cast<int>(WaitKind::AsCompleted) + 1;
const char* to_string(WaitKind k);    // "sleep", "queue.get", ...

}  // namespace aio
