// Snapshot: a self-contained copy of what the loop and its tasks are doing at one moment, for
// the views and the page API. Taking one never changes the runtime (data flows one way).
#pragma once
#include "runtime/fetch.hpp"
#include "runtime/loop.hpp"
#include "runtime/trace.hpp"
#include "runtime/task_state.hpp"
#include "runtime/wait_kind.hpp"

#include <array>
#include <string>
#include <vector>

namespace aio {

struct TaskView {
    // What a walk over every task reads (the await tree's roots) comes first, in one cache line.
    uint32_t id = 0, parent = 0;
    TaskState state = TaskState::Pending;
    WaitKind wait = WaitKind::None;
    uint32_t resource = 0;                  // the ResourceView it waits on (get, put, acquire, ...); 0: none
    std::vector<uint32_t> awaited_by;       // tasks waiting for it
    std::vector<uint32_t> awaits;           // tasks it waits for (directly or through gather/shield)
    std::string name;
    std::string waiting_on;                 // "sleep(4)", "queue.get", "task Task-3", "gather(3 awaitables)"
    Time until = -1;                        // when a timed wait ends; -1: not timed
    std::vector<std::string> stack;         // outermost frame first, then what it waits on
    std::string result;                     // repr of the result or exception, once finished
    Time created = 0, since = 0, finished = -1;
    uint32_t changes = 0;                   // state changes so far (with a trace)
    // Spans the task had entered (SpanChain::entered, with a trace): how much of the trace's spans
    // this view may read (spans_as_of), so a view kept from an earlier moment reads that moment's.
    uint32_t spans = 0;
    // Seconds in each state before `since` (with a trace): a live task's current state also has
    // the time from `since` on, which page::seconds_in adds up to the time shown.
    std::array<float, kTaskStateCount> time_in{};
};

constexpr size_t kSnapshotTimers = 200;    // timers a snapshot lists (the Event loop view shows as many)

struct TimerView {
    Time when;
    std::string what;                       // "sleep(4)", its owner's words ("timeout of fetch URL"), else "callback"
    uint32_t task = 0;                      // the task it is for (a sleep's, a fetch's); 0: none
};

// A queue, semaphore, lock or event now (see ResourceLevel for what level and capacity mean).
struct ResourceView {
    uint32_t id = 0;
    ResourceKind kind = ResourceKind::Queue;
    std::string name;                       // "" unless named
    int64_t level = 0, capacity = 0, unfinished = 0;
    // The waiting tasks' ids, one list per waiter_kinds(kind), each in the resource's order.
    std::array<std::vector<uint32_t>, kResourceWaitLists> waiting;
    bool alive = true;                      // false once destroyed: its last values
    uint32_t changes = 0;                   // changes recorded (a snapshot reuses unchanged views)
    // Samples its history had been pushed (ResourceHistory::pushed): how much of it this view may
    // read (samples_as_of), so a view kept from an earlier moment reads that moment's.
    uint64_t samples = 0;
};

struct Snapshot {
    Time time = 0;
    uint64_t iteration = 0;
    std::vector<TaskView> tasks;            // by id; finished tasks too when a Trace is given
    std::vector<TimerView> timers;          // the earliest kSnapshotTimers, in deadline order
    size_t timer_count = 0;                 // all pending timers
    std::vector<uint32_t> ready;            // tasks in the ready queue, in run order
    std::vector<FetchInFlight> fetches;     // requests in flight, oldest first
    size_t ready_callbacks = 0;             // everything in the ready queue
    size_t live_tasks = 0;
    std::vector<ResourceView> resources;    // with a Trace: every resource it recorded, in the order first seen
    TraceMark mark;                         // how far this snapshot read the trace's change log

    const TaskView* task(uint32_t id) const;   // the view of task `id`, or nullptr
};

// Copies the loop's state; with a trace, finished tasks and time-in-state come along.
// `previous`, an earlier snapshot of the same loop and trace, makes it cheap while a run moves:
// its views of tasks that have not changed since are kept (it is left empty), not rebuilt, and
// with a trace that has every task only the tasks in the trace's change log are looked at, so the
// cost follows the changes since `previous`, not the number of tasks.
Snapshot take_snapshot(const Loop& loop, const Trace* trace = nullptr, Snapshot* previous = nullptr);

}  // namespace aio
