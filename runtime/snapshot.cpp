// Building a snapshot: live tasks from the loop, finished ones from the trace, and the waits
// turned into an await graph both ways.
#include "runtime/snapshot.hpp"

#include "runtime/detail/waiters.hpp"
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

// Task `id` in views sorted by id. Traced views hold every task since tracing began, so ids are
// usually consecutive and the index is a subtraction away; otherwise, binary search.
TaskView* find(std::vector<TaskView>& views, uint32_t id) {
    if (views.empty() || id < views.front().id) return nullptr;
    if (const size_t i = id - views.front().id; i < views.size() && views[i].id == id) return &views[i];
    auto it = std::lower_bound(views.begin(), views.end(), id, [](const TaskView& v, uint32_t x) { return v.id < x; });
    return it != views.end() && it->id == id ? &*it : nullptr;
}

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

// What a task's trace record adds: when it was made, how often it changed, its time per state.
void add_record(TaskView& v, const TaskRecord& r) {
    v.created = r.created;
    v.changes = r.changes;
    v.time_in = r.time_in;
}

TaskView finished_view(const TaskRecord& r) {
    TaskView v;
    v.id = r.id;
    v.parent = r.parent;
    v.name = r.display_name();
    v.state = r.state;
    v.result = r.result;
    v.since = r.since;
    v.finished = r.finished;
    return v;
}

// Every task from the trace's records, in id order. The previous snapshot's views are kept and
// only the tasks whose record changed since are looked at again (a task's wait and stack change
// only as it runs, and running changes its state), so a frame of a moving run with thousands of
// tasks walks two arrays instead of thousands of tasks.
void traced_views(const Trace& trace, Time now, Snapshot* previous, std::vector<TaskView>& views) {
    if (previous) views = std::move(previous->tasks);
    size_t j = 0;   // the view that should hold the next record
    for (const TaskRecord& r : trace.tasks()) {
        if (!r.id) continue;
        if (j < views.size() && views[j].id != r.id) views.resize(j);   // not this trace's snapshot
        const bool changed = j == views.size() || views[j].changes != r.changes;
        if (changed) {
            TaskView v = r.task ? live_view(*r.task) : finished_view(r);
            if (j == views.size()) views.push_back(std::move(v));
            else views[j] = std::move(v);
        }
        TaskView& v = views[j++];
        add_record(v, r);
        if (r.task) v.time_in[static_cast<int>(v.state)] += static_cast<float>(now - v.since);
        v.awaited_by.clear();
    }
    views.resize(j);
}

// The live tasks, from the loop (no trace, or one attached after tasks began).
void live_views(const Loop& loop, const Trace* trace, std::vector<TaskView>& views) {
    loop.for_each_live_task([&](const TaskBase& t) {
        TaskView v = live_view(t);
        if (const TaskRecord* r = trace ? trace->task(v.id) : nullptr) add_record(v, *r);
        v.time_in[static_cast<int>(v.state)] += static_cast<float>(loop.time() - v.since);
        views.push_back(std::move(v));
    });
    if (!trace) return;
    for (const TaskRecord& r : trace->tasks()) {
        if (!r.id || r.state < TaskState::Done) continue;
        views.push_back(finished_view(r));
        add_record(views.back(), r);
    }
    std::sort(views.begin(), views.end(), [](const TaskView& a, const TaskView& b) { return a.id < b.id; });
}

// The timers a view lists first: the earliest, with the task each sleep belongs to.
std::vector<TimerView> earliest_timers(const Loop& loop, std::vector<TaskView>& views) {
    std::vector<TimerView> out;
    for (const detail::TimerNode* n : loop.timers().earliest(kSnapshotTimers)) {
        TimerView tv{n->when, "callback", 0};
        if (const detail::SleepFuture* sf = detail::SleepFuture::of_timer(*n)) {
            const TaskBase* t = TaskAccess::task_of(sf->first_callback());
            const TaskView* v = t ? find(views, t->id()) : nullptr;
            tv.task = v ? v->id : 0;
            tv.what = v ? v->waiting_on : sf->describe();   // the task already says "sleep(4)"
        }
        out.push_back(std::move(tv));
    }
    return out;
}
// Each recorded resource, and on each task waiting on one, which: found through the waiter
// lists (a future's first callback wakes its task), so futures need not know their resource.
std::vector<ResourceView> resource_views(const Trace& trace, std::vector<TaskView>& tasks) {
    std::vector<ResourceView> out;
    out.reserve(trace.resources().size());
    for (const ResourceRecord& r : trace.resources()) {
        ResourceView v{r.id, r.kind, r.name, r.now.level, r.now.capacity, r.now.unfinished, {}, r.resource != nullptr};
        if (r.resource)
            for (size_t i = 0; i < waiter_kinds(r.kind).size(); ++i)
                for (const Future<void>& f : r.resource->waiter_list(i)) {
                    const TaskBase* t = TaskAccess::task_of(f.base()->first_callback());
                    if (!t) continue;
                    v.waiting[i].push_back(t->id());
                    if (TaskView* tv = find(tasks, t->id()); tv && tv->state == TaskState::Waiting) tv->resource = r.id;
                }
        out.push_back(std::move(v));
    }
    return out;
}
}  // namespace

Snapshot take_snapshot(const Loop& loop, const Trace* trace, Snapshot* previous) {
    Snapshot s;
    s.time = loop.time();
    s.iteration = loop.iteration();
    s.live_tasks = loop.live_task_count();
    if (trace && trace->has_every_task()) traced_views(*trace, loop.time(), previous, s.tasks);
    else live_views(loop, trace, s.tasks);

    for (const TaskView& v : s.tasks)
        for (uint32_t target : v.awaits)
            if (TaskView* other = find(s.tasks, target)) other->awaited_by.push_back(v.id);

    if (trace) s.resources = resource_views(*trace, s.tasks);
    s.timers = earliest_timers(loop, s.tasks);
    s.timer_count = loop.timers().size();
    s.fetches = fetches_in_flight(loop);
    s.ready_callbacks = loop.ready_queue().size();
    loop.ready_queue().for_each([&](const detail::Callback& cb) {
        if (cb.fn)
            if (TaskBase* t = TaskAccess::task_of(cb)) s.ready.push_back(t->id());
    });
    return s;
}

}  // namespace aio
