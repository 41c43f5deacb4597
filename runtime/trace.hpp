// Trace: the recording of a run. Attached to a loop, it keeps a record per task (state, time
// spent in each state, result, its spans within a budget for the run) and a record per queue,
// semaphore, lock and event with a bounded history of its level, cheap enough to leave on.
// Views and the page read it through snapshots; to_chrome_trace() exports it for Perfetto.
#pragma once
#include "runtime/loop.hpp"
#include "runtime/recorder.hpp"
#include "runtime/task_spans.hpp"
#include "runtime/resource.hpp"
#include "runtime/resource_history.hpp"
#include "runtime/task_state.hpp"
#include "runtime/wait_kind.hpp"

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace aio {

struct TaskRecord {
    uint32_t id = 0, parent = 0;
    uint32_t default_name = 0;                     // the n of "Task-<n>"
    std::string name;                              // empty unless the task was named
    std::string display_name() const { return name.empty() ? "Task-" + std::to_string(default_name) : name; }
    TaskState state = TaskState::Pending;
    WaitKind wait = WaitKind::None;
    Time created = 0, since = 0, finished = -1;
    uint32_t changes = 0;                          // state changes and renames (snapshots reuse unchanged views)
    const TaskBase* task = nullptr;                // the task itself, until it is done
    std::array<float, kTaskStateCount> time_in{};  // seconds spent in each state, before `since`
    std::array<float, kWaitKindCount> wait_in{};   // of time_in[Waiting], seconds on each kind of wait
    std::string result;                            // repr of the result or exception, once finished
    TaskSpans spans;                               // a span per state entered; the oldest may be dropped
};

// A queue, semaphore, lock or event as recorded: what it is and its level now and over time.
struct ResourceRecord {
    uint32_t id = 0;
    ResourceKind kind = ResourceKind::Queue;
    std::string name;                              // "" unless named
    ResourceLevel now;                             // after its latest change
    Time created = 0;                              // first seen
    uint32_t changes = 0;                          // changes recorded (renames too)
    const detail::Resource* resource = nullptr;    // the resource itself, until it is destroyed
    ResourceHistory history;                       // a sample per change of level or waiters
};

class Trace final : public Recorder {
public:
    // span_budget: the spans kept over all tasks (1 or more, else std::invalid_argument); past
    // it the oldest are dropped. A span takes 28 bytes (24 in its task's record, 4 to know whose
    // it is): 2^16 of them take under 2 MB. samples_per_resource: each resource's history, rounded
    // up to a power of two (32 bytes a sample).
    explicit Trace(size_t span_budget = 1 << 16, size_t samples_per_resource = 1 << 17);
    ~Trace() override;
    void attach(Loop& loop);   // starts recording (one loop at a time)
    void detach();
    void clear();

    const std::deque<TaskRecord>& tasks() const { return tasks_; }   // indexed by id - 1
    const TaskRecord* task(uint32_t id) const { return id && id <= tasks_.size() ? &tasks_[id - 1] : nullptr; }
    // Whether every task of the loop has a record (recording began before the first task).
    bool has_every_task() const { return loop_ && first_id_ == 1; }
    size_t span_count() const { return span_owners_.size(); }   // spans kept now, in all tasks
    uint64_t spans_dropped() const { return spans_dropped_; }
    size_t span_budget() const { return span_budget_; }
    const std::deque<ResourceRecord>& resources() const { return resources_; }   // in the order first seen
    const ResourceRecord* resource(uint32_t id) const {
        return id < resource_index_.size() && resource_index_[id] ? &resources_[resource_index_[id] - 1] : nullptr;
    }

    void on_task_created(const TaskBase& t) override;
    void on_task_state(const TaskBase& t, TaskState from) override;
    void on_iteration(const Loop&) override {}
    void on_task_renamed(const TaskBase& t) override;
    void on_resource_changed(const detail::Resource& r) override;
    void on_resource_destroyed(const detail::Resource& r) override;

private:
    void enter_span(TaskRecord& r, Time at);   // r entered r.state (and r.wait) at `at`
    void forget_resources();           // the live ones stop reporting here
    Loop* loop_ = nullptr;
    uint32_t first_id_ = 0;            // the first task id recorded
    std::deque<ResourceRecord> resources_;
    std::vector<uint32_t> resource_index_;   // by resource id: index in resources_ + 1, 0: none
    size_t samples_per_resource_;
    std::deque<TaskRecord> tasks_;     // a deque: growing never moves the records
    size_t span_budget_;
    // The task of each span kept, a ring from the oldest (span_head_): whose span leaves next.
    std::vector<uint32_t> span_owners_;
    size_t span_head_ = 0;
    uint64_t spans_dropped_ = 0;
};

// The recording as Chrome/Perfetto trace JSON: one track per task, one span per state (those
// kept); spans still open end at `now` (the loop's time).
std::string to_chrome_trace(const Trace& trace, Time now);

}  // namespace aio
