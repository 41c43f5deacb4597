// Rolling the state's tasks back to a display time from the trace's spans, and the console's
// lines up to a time.
#include "playground/state/as_of.hpp"

#include "runtime/record_as_of.hpp"

#include <algorithm>

namespace aio::page {

namespace {

constexpr int at(TaskState s) { return static_cast<int>(s); }

// The snapshot's tasks as of `t` (at most the snapshot's time): a task unchanged since t stays as
// it is (its current state counts on from `since`), one changed after t is rolled back along its
// spans, and one made after t is not there yet.
void tasks_as_of(Snapshot& snap, const Trace& trace, Time t) {
    std::erase_if(snap.tasks, [&](const TaskView& v) { return v.created > t; });
    for (TaskView& v : snap.tasks) {
        const TaskRecord* r = trace.task(v.id);
        if (!r || r->since <= t) continue;
        const std::optional<TaskRecord> then = record_as_of(trace, *r, t);
        if (!then) continue;   // its early spans were dropped: left as the loop has it
        v.state = then->state;
        v.since = then->since;
        v.time_in = then->time_in;
        v.result = then->result;
        v.finished = then->finished;
        v.wait = v.state == TaskState::Waiting ? then->wait : WaitKind::None;
        v.waiting_on = v.wait == WaitKind::None ? "" : to_string(v.wait);
        v.until = -1;
        if (v.state < TaskState::Done && v.stack.empty()) v.stack.push_back(v.name);   // its frames went with it: the task stands for them
        // The spans it had entered by t, the last the one record_as_of took its state from: the
        // views read no further (spans_as_of). Its spans are all kept, or it would not be rolled back.
        const TaskSpanView spans = trace.spans(*r);
        v.spans = static_cast<uint32_t>(std::partition_point(spans.begin(), spans.end(), [t](const TaskSpan& s) { return s.start <= t; }) -
                                        spans.begin());
        v.changes = ~0u;   // not to be lent to the next snapshot
    }
    snap.time = t;
    // The live tasks and the ready queue as they were: a step for each task made or woken and not
    // run yet (the loop's own queue is the one after the whole iteration).
    snap.live_tasks = 0;
    snap.ready.clear();
    for (const TaskView& v : snap.tasks) {
        snap.live_tasks += v.state < TaskState::Done;
        if (v.state == TaskState::Pending || v.state == TaskState::Ready) snap.ready.push_back(v.id);
    }
    snap.ready_callbacks = snap.ready.size();
}

}  // namespace

const demos::BlockingCall* call_shown_at(const std::vector<demos::BlockingCall>& calls, Time t) {
    for (const demos::BlockingCall& c : calls)
        if (t < c.to) return &c;
    return calls.empty() ? nullptr : &calls.back();
}

void show_blocking_call(PlaygroundState& state, const Trace& trace, const demos::BlockingCall& call) {
    tasks_as_of(state.snapshot, trace, call.from);
    for (TaskView& v : state.snapshot.tasks)
        if (v.id == call.task && v.state == TaskState::Running) v.stack = call.stack;
    state.blocking = call;
}

void stop_as_of(PlaygroundState& state, const Trace& trace, Time t) {
    Snapshot& snap = state.snapshot;
    tasks_as_of(snap, trace, t);
    for (TaskView& v : snap.tasks) {
        if (v.state >= TaskState::Done) continue;
        v.time_in[at(v.state)] += static_cast<float>(t - v.since);   // its last state, closed at the stop
        v.state = TaskState::Cancelled;
        v.since = v.finished = t;
        v.result = "CancelledError";   // as a task cancelled in the loop reports it
        v.wait = WaitKind::None;
        v.waiting_on.clear();
        v.awaits.clear();
        v.stack.clear();
    }
    for (TaskView& v : snap.tasks) v.awaited_by.clear();
    snap.live_tasks = 0;
    snap.ready.clear();
    snap.ready_callbacks = 0;
    state.blocking.reset();
}

std::vector<std::string> finished_after(const Trace& trace, Time t) {
    std::vector<std::string> names;
    for (const TaskRecord& r : trace.tasks())
        if (r.created <= t && r.state >= TaskState::Done && r.finished > t) names.push_back(r.display_name());
    return names;
}

}  // namespace aio::page
