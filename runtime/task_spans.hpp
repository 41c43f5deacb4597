// A task's life as spans, one per state it entered: what the timeline draws and the Chrome trace
// exports. The Trace appends them as states change and drops the oldest when over its budget.
#pragma once
#include "runtime/loop.hpp"
#include "runtime/task_state.hpp"
#include "runtime/wait_kind.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace aio {

// One stretch of a task's life in one state, [start, end) in loop seconds. The open span, the
// task's state now, ends where it starts until the state changes; a done, failed or cancelled
// span (the last) never changes, and lasts nothing.
struct TaskSpan {
    Time start = 0, end = 0;
    TaskState state = TaskState::Pending;
    WaitKind wait = WaitKind::None;   // with Waiting: what the task waited on
};

// A task's spans, oldest first, each ending where the next starts. The oldest leave from the
// front: an offset moves, and the storage is compacted once it is more than half gone, so
// dropping costs O(1) amortised; a task with none left frees its storage.
class TaskSpans {
public:
    std::span<const TaskSpan> view() const { return {spans_.data() + first_, spans_.size() - first_}; }
    size_t size() const { return spans_.size() - first_; }
    bool empty() const { return size() == 0; }

    // Closes the open span (if any is left) at `at` and opens one in `state`.
    void enter(Time at, TaskState state, WaitKind wait) {
        if (!empty()) spans_.back().end = at;
        else if (spans_.capacity() == 0) spans_.reserve(4);   // one allocation for a short task's life
        spans_.push_back({at, at, state, wait});
    }
    void drop_oldest() {
        if (empty()) return;
        if (++first_ == spans_.size()) {
            std::vector<TaskSpan>().swap(spans_);
            first_ = 0;
        } else if (first_ * 2 > spans_.size()) {
            spans_.erase(spans_.begin(), spans_.begin() + static_cast<std::ptrdiff_t>(first_));
            first_ = 0;
        }
    }

private:
    std::vector<TaskSpan> spans_;
    size_t first_ = 0;   // spans_[0, first_) are dropped
};

}  // namespace aio
