// Rolling a task record back along its spans, and the part of the trace a view may read.
#include "runtime/record_as_of.hpp"

#include <algorithm>

namespace aio {

namespace {
// Where a task's kept history begins: -1 when none of its spans that count were `dropped`, else the
// oldest of them `kept`, or `since` (its state then) with none kept.
Time dropped_until(const TaskSpanView& kept, bool dropped, Time since) {
    if (!dropped) return -1;
    return kept.empty() ? since : kept.front().start;
}

// Spans of the chain dropped so far: its oldest, since the newest are kept.
uint32_t spans_gone(const TaskRecord& r) { return r.spans.entered - r.spans.count; }
}  // namespace

Time spans_dropped_until(const Trace& trace, const TaskRecord& r) {
    return dropped_until(trace.spans(r), spans_gone(r) > 0, r.since);
}

TaskSpanView spans_as_of(const Trace& trace, const TaskRecord& r, const TaskView& v) {
    const uint32_t gone = spans_gone(r);
    if (v.spans <= gone) return {};
    const TaskSpanView kept = trace.spans(r);
    return kept.first_open(std::min<size_t>(v.spans - gone, kept.size()));
}

Time spans_dropped_until(const Trace& trace, const TaskRecord& r, const TaskView& v) {
    // The oldest leave first: any of the view's spans is gone once the task's first one is.
    return dropped_until(spans_as_of(trace, r, v), v.spans > 0 && spans_gone(r) > 0, v.since);
}

ResourceSampleView samples_as_of(const ResourceRecord& r, const ResourceView& v) {
    const uint64_t gone = r.history.dropped();
    if (v.samples <= gone) return r.history.first(0);
    return r.history.first(static_cast<size_t>(std::min<uint64_t>(v.samples - gone, r.history.size())));
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
