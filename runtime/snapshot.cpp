// Building a snapshot: live tasks from the loop, finished ones from the trace, and the waits
// turned into an await graph both ways.
#include "runtime/snapshot.hpp"

#include "runtime/sleep.hpp"
#include "runtime/task.hpp"

#include <algorithm>
#include <unordered_map>

namespace aio {

namespace {
const TaskBase* as_task(const FutureBase* f) {
    return f->kind() == WaitKind::Task ? static_cast<const TaskBase*>(f) : nullptr;
}

void describe_wait(const TaskBase& t, TaskView& v) {
    const FutureBase* f = t.waiting_on();
    if (!f || t.state() != TaskState::Waiting) return;
    v.wait = f->kind();
    v.until = f->deadline();
    if (const TaskBase* other = as_task(f)) {
        v.waiting_on = "task " + other->name();
        v.awaits.push_back(other->id());
        return;
    }
    v.waiting_on = f->describe();
    std::vector<const FutureBase*> targets;
    f->targets(targets);
    for (const FutureBase* g : targets)
        if (const TaskBase* other = as_task(g)) v.awaits.push_back(other->id());
}

void describe_stack(const TaskBase& t, TaskView& v) {
    for (const detail::FrameBase* f = t.top_frame(); f; f = f->parent)
        if (f->label) v.stack.push_back(*f->label);
    if (v.stack.empty()) v.stack.push_back(v.name);   // no frame is named: the task stands for them
    std::reverse(v.stack.begin(), v.stack.end());
    if (!v.waiting_on.empty()) v.stack.push_back(v.waiting_on);
}
}  // namespace

Snapshot take_snapshot(const Loop& loop, const Trace* trace) {
    Snapshot s;
    s.time = loop.time();
    s.iteration = loop.iteration();
    s.live_tasks = loop.live_task_count();
    std::unordered_map<const FutureBase*, uint32_t> sleeper;   // a sleep's future -> its task

    loop.for_each_live_task([&](const TaskBase& t) {
        TaskView v;
        v.id = t.id();
        v.parent = t.parent_id();
        v.name = t.name();
        v.state = t.state();
        v.since = t.state_since();
        describe_wait(t, v);
        describe_stack(t, v);
        if (t.waiting_on() && t.waiting_on()->kind() == WaitKind::Sleep) sleeper[t.waiting_on()] = v.id;
        if (const TaskRecord* r = trace ? trace->task(v.id) : nullptr) {
            v.created = r->created;
            v.time_in = r->time_in;
        }
        v.time_in[static_cast<int>(v.state)] += static_cast<float>(s.time - v.since);
        s.tasks.push_back(std::move(v));
    });
    if (trace) {
        for (const TaskRecord& r : trace->tasks()) {
            if (!r.id || r.state < TaskState::Done) continue;
            TaskView v;
            v.id = r.id;
            v.parent = r.parent;
            v.name = r.display_name();
            v.state = r.state;
            v.result = r.result;
            v.created = r.created;
            v.since = r.since;
            v.finished = r.finished;
            v.time_in = r.time_in;
            s.tasks.push_back(std::move(v));
        }
        std::sort(s.tasks.begin(), s.tasks.end(), [](const TaskView& a, const TaskView& b) { return a.id < b.id; });
    }

    std::unordered_map<uint32_t, size_t> index;
    for (size_t i = 0; i < s.tasks.size(); ++i) index[s.tasks[i].id] = i;
    for (const TaskView& v : s.tasks)
        for (uint32_t target : v.awaits)
            if (auto it = index.find(target); it != index.end()) s.tasks[it->second].awaited_by.push_back(v.id);

    for (const detail::TimerNode* n : loop.timers().nodes()) {
        TimerView tv{n->when, "callback", 0};
        if (const detail::SleepFuture* sf = detail::SleepFuture::of_timer(*n)) {
            tv.what = sf->describe();
            if (auto it = sleeper.find(sf); it != sleeper.end()) tv.task = it->second;
        }
        s.timers.push_back(std::move(tv));
    }
    std::sort(s.timers.begin(), s.timers.end(), [](const TimerView& a, const TimerView& b) { return a.when < b.when; });

    s.fetches = fetches_in_flight(loop);
    s.ready_callbacks = loop.ready_queue().size();
    loop.ready_queue().for_each([&](const detail::Callback& cb) {
        if (cb.fn)
            if (TaskBase* t = TaskAccess::task_of(cb)) s.ready.push_back(t->id());
    });
    return s;
}

}  // namespace aio
