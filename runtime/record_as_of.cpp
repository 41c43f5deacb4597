// Rolling a task record back along its spans.
#include "runtime/record_as_of.hpp"

namespace aio {

Time spans_dropped_until(const Trace& trace, const TaskRecord& r) {
    const TaskSpanView spans = trace.spans(r);
    if (spans.empty()) return r.since;
    // Every task's first span is Pending, at its creation, and no later one is: a first span that
    // is not means older ones were dropped.
    const TaskSpan first = spans.front();
    return first.state == TaskState::Pending && first.start == r.created ? -1 : first.start;
}

std::optional<TaskRecord> record_as_of(const Trace& trace, const TaskRecord& r, Time t) {
    if (t < r.created) return std::nullopt;
    if (r.since <= t) return r;
    if (spans_dropped_until(trace, r) >= 0) return std::nullopt;
    const TaskSpanView spans = trace.spans(r);
    TaskRecord then = r;
    then.time_in = {};
    then.wait_in = {};
    size_t i = 0;
    for (; i + 1 < spans.size() && spans[i + 1].start <= t; ++i) {
        const TaskSpan s = spans[i];
        const auto seconds = static_cast<float>(s.end - s.start);
        then.time_in[static_cast<int>(s.state)] += seconds;
        if (s.state == TaskState::Waiting) then.wait_in[static_cast<int>(s.wait)] += seconds;
    }
    const TaskSpan now = spans[i];
    then.state = now.state;
    then.wait = now.wait;
    then.since = now.start;
    if (now.state < TaskState::Done) {
        then.finished = -1;
        then.result.clear();
    }
    return then;
}

}  // namespace aio
