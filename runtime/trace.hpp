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
    // Laid out with the least padding (many records, one per task): 8-byte members first, then
    // 4-byte ones. 232 bytes natively, 184 in wasm.
    std::string name;                              // empty unless the task was named
    std::string result;                            // repr of the result or exception, once finished
    Time created = 0, since = 0, finished = -1;
    const TaskBase* task = nullptr;                // the task itself, until it is done
    uint32_t id = 0, parent = 0;
    uint32_t default_name = 0;                     // the n of "Task-<n>"
    uint32_t changes = 0;                          // state changes and renames (snapshots reuse unchanged views)
    uint32_t logged = 0;                           // 1 + its latest place in the trace's change log; 0: none
    SpanChain spans;                               // where its spans are in the trace: Trace::spans() reads them
    TaskState state = TaskState::Pending;
    WaitKind wait = WaitKind::None;
    std::array<float, kTaskStateCount> time_in{};  // seconds spent in each state, before `since`
    std::array<float, kWaitKindCount> wait_in{};   // of time_in[Waiting], seconds on each kind of wait
    std::string display_name() const { return name.empty() ? "Task-" + std::to_string(default_name) : name; }
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

// How far a reader has read the trace's log of changed task records (Trace::changed_since).
struct TraceMark {
    uint64_t epoch = 0;   // which log: each trace's own, and a new one if it restarts
    uint32_t at = 0;      // entries read since the log began
};

class Trace final : public Recorder {
public:
    // span_budget: the spans kept over all tasks (1 or more, else std::invalid_argument), rounded
    // up to a whole chunk of 4; past it the oldest leave, a chunk (4 of one task's) at a time. A
    // span takes 19 bytes natively (16, and 12 per chunk of 4 to know whose it is and what
    // follows): 2^16 of them take about 1.2 MB. samples_per_resource: each resource's history,
    // rounded up to a power of two (32 bytes a sample).
    explicit Trace(size_t span_budget = 1 << 16, size_t samples_per_resource = 1 << 17);
    Trace(const Trace&) = delete;   // the span log points at the records' chains
    Trace& operator=(const Trace&) = delete;
    ~Trace() override;
    void attach(Loop& loop);   // starts recording (one loop at a time)
    void detach();
    void clear();

    const std::deque<TaskRecord>& tasks() const { return tasks_; }   // indexed by id - 1
    const TaskRecord* task(uint32_t id) const { return id && id <= tasks_.size() ? &tasks_[id - 1] : nullptr; }
    // Whether every task of the loop has a record (recording began before the first task).
    bool has_every_task() const { return loop_ && first_id_ == 1; }
    // A task's spans, oldest first (those kept); valid until the trace records again.
    TaskSpanView spans(const TaskRecord& r) const { return spans_.view(r.spans); }
    size_t span_count() const { return spans_.size(); }   // spans kept now, in all tasks
    uint64_t spans_dropped() const { return spans_.dropped(); }
    size_t span_budget() const { return spans_.budget(); }
    // The log of changed task records, so that a reader (a snapshot, a summary) can follow a run
    // at a cost per change rather than per task. mark() is where the log ends now; changed_since
    // gives the ids of the records created, renamed or changed in state after `m`, oldest first
    // and possibly repeated, or nullptr when the log restarted since (read every record then).
    // The log begins with the first mark() (no reader, no cost but a test per change); it holds
    // each record at most once past the latest mark() handed out, and drops its
    // older half once it is longer than twice the records plus 4,096, so its memory follows the
    // task count and a reader that keeps up never misses an entry.
    TraceMark mark() const;
    const std::vector<uint32_t>* changed_since(TraceMark m, size_t& from) const;
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
    void forget_resources();           // the live ones stop reporting here
    void log_change(TaskRecord& r);
    Loop* loop_ = nullptr;
    uint32_t first_id_ = 0;            // the first task id recorded
    std::deque<ResourceRecord> resources_;
    std::vector<uint32_t> resource_index_;   // by resource id: index in resources_ + 1, 0: none
    size_t samples_per_resource_;
    std::deque<TaskRecord> tasks_;     // a deque: growing never moves the records
    std::vector<uint32_t> changed_;    // the change log (task ids) of epoch log_epoch_, from place log_base_ on
    uint64_t log_epoch_;
    uint32_t log_base_ = 0;            // the place of changed_[0]: older entries were dropped
    mutable uint32_t log_read_ = 0;    // the latest mark() handed out: entries before it may repeat
    mutable bool logging_ = false;     // a reader has marked: changes are logged from then on
    void restart_log();
    SpanLog spans_;
};

// The recording as Chrome/Perfetto trace JSON: one track per task, one span per state (those
// kept); spans still open end at `now` (the loop's time).
std::string to_chrome_trace(const Trace& trace, Time now);

}  // namespace aio
