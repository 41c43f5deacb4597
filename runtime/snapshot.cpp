// Building a snapshot: live tasks from the loop, finished ones from the trace, and the waits
// turned into an await graph both ways.
#include "runtime/snapshot.hpp"

#include "runtime/sleep.hpp"
#include "runtime/task.hpp"

#include <algorithm>
#include <utility>
#include <vector>

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

bool by_id(const TaskView& a, const TaskView& b) { return a.id < b.id; }

// Task `id` in views sorted by id.
TaskView* find(std::vector<TaskView>& views, uint32_t id) {
    auto it = std::lower_bound(views.begin(), views.end(), id, [](const TaskView& v, uint32_t x) { return v.id < x; });
    return it != views.end() && it->id == id ? &*it : nullptr;
}

// The task views of an earlier snapshot (sorted by id, as a traced snapshot is), for tasks whose
// trace record shows no state change since: a task's wait and stack change only as it runs.
class Reuse {
public:
    explicit Reuse(Snapshot* previous) : prev_(previous) {}
    TaskView* unchanged(const TaskRecord* r) {
        TaskView* v = prev_ && r ? find(prev_->tasks, r->id) : nullptr;
        return v && v->changes == r->changes ? v : nullptr;
    }

private:
    Snapshot* prev_;
};

TaskView live_view(const TaskBase& t) {
    TaskView v;
    v.id = t.id();
    v.parent = t.parent_id();
    v.name = t.name();
    v.state = t.state();
    v.since = t.state_since();
    describe_wait(t, v);
    describe_stack(t, v);
    return v;
}

TaskView finished_view(const TaskRecord& r) {
    TaskView v;
    v.id = r.id;
    v.parent = r.parent;
    v.name = r.display_name();
    v.state = r.state;
    v.result = r.result;
    v.created = r.created;
    v.since = r.since;
    v.finished = r.finished;
    v.changes = r.changes;
    v.time_in = r.time_in;
    return v;
}
}  // namespace

Snapshot take_snapshot(const Loop& loop, const Trace* trace, Snapshot* previous) {
    Snapshot s;
    s.time = loop.time();
    s.iteration = loop.iteration();
    s.live_tasks = loop.live_task_count();
    s.tasks.reserve(previous ? previous->tasks.size() : loop.live_task_count());
    Reuse reuse(trace ? previous : nullptr);
    std::vector<std::pair<const FutureBase*, uint32_t>> sleeper;   // a sleep's future, its task

    loop.for_each_live_task([&](const TaskBase& t) {
        const TaskRecord* r = trace ? trace->task(t.id()) : nullptr;
        TaskView* same = reuse.unchanged(r);
        if (same && t.has_custom_name() && same->name != t.name()) same = nullptr;   // renamed by another task
        TaskView v = same ? std::move(*same) : live_view(t);
        v.awaited_by.clear();
        if (t.waiting_on() && t.waiting_on()->kind() == WaitKind::Sleep) sleeper.emplace_back(t.waiting_on(), v.id);
        if (r) {
            v.created = r->created;
            v.changes = r->changes;
            v.time_in = r->time_in;
        }
        v.time_in[static_cast<int>(v.state)] += static_cast<float>(s.time - v.since);
        s.tasks.push_back(std::move(v));
    });
    const size_t live = s.tasks.size();
    if (trace) {
        for (const TaskRecord& r : trace->tasks()) {
            if (!r.id || r.state < TaskState::Done) continue;
            TaskView* same = reuse.unchanged(&r);
            s.tasks.push_back(same ? std::move(*same) : finished_view(r));
            s.tasks.back().awaited_by.clear();
        }
        // Live tasks come in creation (id) order, finished ones too: merging is enough.
        std::inplace_merge(s.tasks.begin(), s.tasks.begin() + static_cast<std::ptrdiff_t>(live), s.tasks.end(), by_id);
    }

    for (const TaskView& v : s.tasks)
        for (uint32_t target : v.awaits)
            if (TaskView* other = find(s.tasks, target)) other->awaited_by.push_back(v.id);

    std::sort(sleeper.begin(), sleeper.end());
    for (const detail::TimerNode* n : loop.timers().nodes()) {
        TimerView tv{n->when, "callback", 0};
        if (const detail::SleepFuture* sf = detail::SleepFuture::of_timer(*n)) {
            auto it = std::lower_bound(sleeper.begin(), sleeper.end(), std::pair<const FutureBase*, uint32_t>{sf, 0});
            const TaskView* task = it != sleeper.end() && it->first == sf ? find(s.tasks, it->second) : nullptr;
            tv.task = task ? task->id : 0;
            tv.what = task ? task->waiting_on : sf->describe();   // the task already says "sleep(4)"
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
