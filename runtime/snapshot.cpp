// Building a snapshot: live tasks from the loop, finished ones from the trace, and the waits
// turned into an await graph both ways.
#include "runtime/snapshot.hpp"

#include "runtime/detail/timer_owner.hpp"
#include "runtime/detail/waiters.hpp"
#include "runtime/sleep.hpp"
#include "runtime/task.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace aio {

namespace {
void describe_wait(const TaskBase& t, TaskView& v) {
    const FutureBase* f = t.waiting_on();
    if (!f || t.state() != TaskState::Waiting) return;
    v.wait = f->kind();
    v.until = f->deadline();
    if (const TaskBase* other = as_task(f)) {
        v.waiting_on.assign("task ").append(other->name());
        v.awaits.push_back(other->id());
        return;
    }
    v.waiting_on = f->describe();
    std::vector<const FutureBase*> targets;
    f->targets(targets);
    for (const FutureBase* g : targets)
        if (const TaskBase* other = as_task(g)) v.awaits.push_back(other->id());
}

// Frames are listed innermost first; the stack is outermost first. Strings are assigned into the
// view's own, so a view rebuilt in place keeps its buffers.
void describe_stack(const TaskBase& t, TaskView& v) {
    size_t n = 0;
    for (const detail::FrameBase* f = t.top_frame(); f; f = f->parent) n += f->label != nullptr;
    const size_t size = std::max<size_t>(n, 1) + !v.waiting_on.empty();
    v.stack.resize(size);
    size_t i = n;
    for (const detail::FrameBase* f = t.top_frame(); f; f = f->parent)
        if (f->label) v.stack[--i] = *f->label;
    if (!n) v.stack[0] = v.name;   // no frame is named: the task stands for them
    if (!v.waiting_on.empty()) v.stack.back() = v.waiting_on;
}

// Task `id` in views sorted by id. Traced views hold every task since tracing began, so ids are
// usually consecutive and the index is a subtraction away; otherwise, binary search.
template <class Views>
auto find(Views& views, uint32_t id) -> decltype(&views[0]) {
    if (views.empty() || id < views.front().id) return nullptr;
    if (const size_t i = id - views.front().id; i < views.size() && views[i].id == id) return &views[i];
    auto it = std::lower_bound(views.begin(), views.end(), id, [](const TaskView& v, uint32_t x) { return v.id < x; });
    return it != views.end() && it->id == id ? &*it : nullptr;
}

// A view waiting on nothing, keeping its buffers for what it is filled with next.
void clear_wait(TaskView& v) {
    v.wait = WaitKind::None;
    v.resource = 0;
    v.waiting_on.clear();
    v.until = -1;
    v.awaits.clear();
}

// Fills `v` in place (its awaited_by is left as it is: the tasks awaiting it keep that up).
void live_view(const TaskBase& t, TaskView& v) {
    // A task keeps its "Task-N" until it is given a name of its own: no need to write it again.
    if (v.id != t.id() || t.has_custom_name() || v.name.empty()) v.name = t.name();
    v.id = t.id();
    v.parent = t.parent_id();
    v.state = t.state();
    clear_wait(v);
    v.result.clear();
    v.since = t.state_since();
    v.finished = -1;
    describe_wait(t, v);
    describe_stack(t, v);
}

TaskView live_view(const TaskBase& t) {
    TaskView v;
    live_view(t, v);
    return v;
}

// What a task's trace record adds: when it was made, how often it changed, its spans so far, its
// time per state. A view is rebuilt only when `changes` moves, and every span after the first
// comes with a change (Trace::on_task_state), so `spans` is never stale in a view lent on.
void add_record(TaskView& v, const TaskRecord& r) {
    v.created = r.created;
    v.changes = r.changes;
    v.spans = r.spans.entered;
    v.time_in = r.time_in;
}

void finished_view(const TaskRecord& r, TaskView& v) {
    v.id = r.id;
    v.parent = r.parent;
    v.name = r.display_name();
    v.state = r.state;
    clear_wait(v);
    v.stack.clear();
    v.result = r.result;
    v.since = r.since;
    v.finished = r.finished;
}

TaskView finished_view(const TaskRecord& r) {
    TaskView v;
    finished_view(r, v);
    return v;
}

// Every task's awaited_by, from the others' awaits, in id order.
void link_awaited_by(std::vector<TaskView>& views) {
    for (TaskView& v : views) v.awaited_by.clear();
    for (const TaskView& v : views)
        for (uint32_t target : v.awaits)
            if (TaskView* other = find(views, target)) other->awaited_by.push_back(v.id);
}

// Fills `v` anew from record `r` (and its task while it lives). A resource it waited on goes to
// `stale`: its waiter lists may have changed without it saying so (a waiter cancelled).
void refill(const TaskRecord& r, TaskView& v, std::vector<uint32_t>& stale) {
    if (v.resource) stale.push_back(v.resource);
    const bool was = v.id == r.id;
    const TaskState state = v.state;
    const WaitKind wait = v.wait;
    const Time since = v.since;
    const uint32_t resource = v.resource;
    if (r.task) live_view(*r.task, v);
    else finished_view(r, v);
    add_record(v, r);
    // The same wait as before (a rename): its resource has not changed, so it will not say again.
    if (was && v.state == state && v.wait == wait && v.since == since) v.resource = resource;
}

// Rebuilds task `r`'s view where it stands in `views` (indexed by id - 1), keeping the awaited_by
// lists of the tasks it awaited before and awaits now in step, in id order.
void rebuild(const TaskRecord& r, std::vector<TaskView>& views, std::vector<uint32_t>& stale) {
    TaskView& v = views[r.id - 1];
    const uint32_t id = r.id;
    for (uint32_t target : v.awaits)
        if (target && target <= views.size()) std::erase(views[target - 1].awaited_by, id);
    refill(r, v, stale);
    for (uint32_t target : v.awaits)
        if (target && target <= views.size()) {
            std::vector<uint32_t>& by = views[target - 1].awaited_by;
            by.insert(std::lower_bound(by.begin(), by.end(), id), id);
        }
}

// Every task from the trace's records, in id order. With a previous snapshot whose place in the
// trace's change log is still in the log, only the tasks logged since are rebuilt (a task's wait
// and stack change only as it runs, and running changes its state); otherwise every record is
// walked and the previous views of unchanged tasks are kept.
void traced_views(const Trace& trace, Snapshot* previous, std::vector<TaskView>& views, std::vector<uint32_t>& stale) {
    size_t from = 0;
    const std::vector<uint32_t>* log = previous ? trace.changed_since(previous->mark, from) : nullptr;
    if (previous) views = std::move(previous->tasks);
    const std::deque<TaskRecord>& records = trace.tasks();
    if (log && views.size() <= records.size()) {
        views.resize(records.size());   // tasks created since are in the log
        for (size_t i = from; i < log->size(); ++i) {
            const TaskRecord& r = records[(*log)[i] - 1];
            const TaskView& v = views[r.id - 1];
            if (v.id != r.id || v.changes != r.changes) rebuild(r, views, stale);
        }
        return;
    }
    size_t j = 0;   // the view that should hold the next record
    for (const TaskRecord& r : records) {
        if (!r.id) continue;
        if (j < views.size() && views[j].id != r.id) views.resize(j);   // not this trace's snapshot
        if (j == views.size()) views.emplace_back();
        TaskView& v = views[j++];
        if (v.id != r.id || v.changes != r.changes) refill(r, v, stale);
    }
    views.resize(j);
    link_awaited_by(views);
}

// The live tasks, from the loop (no trace, or one attached after tasks began).
void live_views(const Loop& loop, const Trace* trace, std::vector<TaskView>& views) {
    loop.for_each_live_task([&](const TaskBase& t) {
        TaskView v = live_view(t);
        if (const TaskRecord* r = trace ? trace->task(v.id) : nullptr) add_record(v, *r);
        views.push_back(std::move(v));
    });
    if (trace)
        for (const TaskRecord& r : trace->tasks()) {
            if (!r.id || r.state < TaskState::Done) continue;
            views.push_back(finished_view(r));
            add_record(views.back(), r);
        }
    std::sort(views.begin(), views.end(), [](const TaskView& a, const TaskView& b) { return a.id < b.id; });
    link_awaited_by(views);
}

// The timers a view lists first: the earliest, with the task each sleep belongs to. Fills `out`
// in place, so the descriptions reuse the previous snapshot's buffers.
void earliest_timers(const Loop& loop, const std::vector<TaskView>& views, std::vector<TimerView>& out) {
    const std::vector<const detail::TimerNode*> nodes = loop.timers().earliest(kSnapshotTimers);
    out.resize(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        const detail::TimerNode* n = nodes[i];
        TimerView& tv = out[i];
        tv.when = n->when;
        tv.task = 0;
        if (const detail::SleepFuture* sf = detail::SleepFuture::of_timer(*n)) {
            const TaskBase* t = TaskAccess::task_of(sf->first_callback());
            const TaskView* v = t ? find(views, t->id()) : nullptr;
            tv.task = v ? v->id : 0;
            if (v) tv.what = v->waiting_on;   // the task already says "sleep(4)"
            else tv.what = sf->describe();
        } else if (const detail::TimerOwner* owner = detail::TimerOwner::of_timer(*n)) {
            tv.what = owner->describe_timer();
            tv.task = owner->timer_task();
        } else tv.what = "callback";
    }
}
// Each recorded resource, and on each task waiting on one, which: found through the waiter
// lists (a future's first callback wakes its task), so futures need not know their resource.
// A resource's view (in `out`, the previous snapshot's) is rebuilt only when its record changed
// or it is `stale` (a task that waited on it changed).
void resource_views(const Trace& trace, std::vector<TaskView>& tasks, std::vector<uint32_t>& stale,
                    std::vector<ResourceView>& out) {
    const std::deque<ResourceRecord>& records = trace.resources();
    if (out.size() > records.size()) out.clear();
    out.resize(records.size());
    std::sort(stale.begin(), stale.end());
    for (size_t k = 0; k < records.size(); ++k) {
        const ResourceRecord& r = records[k];
        ResourceView& v = out[k];
        const bool alive = r.resource != nullptr;
        if (v.id == r.id && v.changes == r.changes && v.alive == alive && !std::binary_search(stale.begin(), stale.end(), r.id))
            continue;
        // Every sample pushed comes with a change (Trace::on_resource_changed): `samples` keeps in step.
        v = ResourceView{r.id, r.kind, r.name, r.now.level, r.now.capacity, r.now.unfinished, {}, alive, r.changes, r.history.pushed()};
        if (r.resource)
            for (size_t i = 0; i < waiter_kinds(r.kind).size(); ++i)
                for (const Future<void>& f : r.resource->waiter_list(i)) {
                    const TaskBase* t = TaskAccess::task_of(f.base()->first_callback());
                    if (!t) continue;
                    v.waiting[i].push_back(t->id());
                    if (TaskView* tv = find(tasks, t->id()); tv && tv->state == TaskState::Waiting) tv->resource = r.id;
                }
    }
}
}  // namespace

const TaskView* Snapshot::task(uint32_t id) const { return find(tasks, id); }

Snapshot take_snapshot(const Loop& loop, const Trace* trace, Snapshot* previous) {
    Snapshot s;
    s.time = loop.time();
    s.iteration = loop.iteration();
    s.live_tasks = loop.live_task_count();
    std::vector<uint32_t> stale;   // resources whose waiters may have changed unsaid
    if (trace && trace->has_every_task()) traced_views(*trace, previous, s.tasks, stale);
    else live_views(loop, trace, s.tasks);
    if (previous) {
        s.resources = std::move(previous->resources);
        s.timers = std::move(previous->timers);
        if (!trace || !trace->has_every_task()) s.resources.clear();   // the task views were made anew
    }
    if (trace) resource_views(*trace, s.tasks, stale, s.resources);
    else s.resources.clear();
    earliest_timers(loop, s.tasks, s.timers);
    s.timer_count = loop.timers().size();
    s.fetches = fetches_in_flight(loop);
    s.ready_callbacks = loop.ready_queue().size();
    loop.ready_queue().for_each([&](const detail::Callback& cb) {
        if (cb.fn)
            if (TaskBase* t = TaskAccess::task_of(cb)) s.ready.push_back(t->id());
    });
    if (trace) s.mark = trace->mark();
    return s;
}

}  // namespace aio
