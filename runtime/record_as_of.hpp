// Reading the trace as it stood at an earlier moment: a task's record at an earlier loop time,
// worked out from its spans (a blocking call moves the loop's clock ahead of what the viewer has
// seen), and the spans and resource samples a snapshot's views may read (the trace goes on
// recording after a snapshot is taken, and a view kept from then must show only what was then).
#pragma once
#include "runtime/resource_history.hpp"
#include "runtime/snapshot.hpp"
#include "runtime/trace.hpp"

#include <optional>

namespace aio {

// `r` (a record of `trace`) as of loop time `t`: its state and wait then (the last span begun at or
// before t), `since` that span's start, `time_in` and `wait_in` up to it (seconds), and a result
// and finish time only if it had finished by t. A record unchanged after t comes back as it is.
// nullopt when t is before the task was made, or when the spans that would tell were dropped.
std::optional<TaskRecord> record_as_of(const Trace& trace, const TaskRecord& r, Time t);

// Up to when `r`'s history is missing because its oldest spans were dropped (the trace's span
// budget): the start of its oldest span kept, or, with none kept, when it entered its state now.
// -1 when every span since its creation is kept.
Time spans_dropped_until(const Trace& trace, const TaskRecord& r);

// The spans of `r` (a record of `trace`) that existed when `v`, a view of the same task, was taken:
// the first v.spans the task entered, oldest first, as trace.spans(r) gave them then (the last one
// open: it ends where it starts). Past drops (the span budget), only those of them still kept, the
// latest: empty when all are gone. Never more than the trace keeps, whatever v.spans says. Valid
// until the trace records again.
TaskSpanView spans_as_of(const Trace& trace, const TaskRecord& r, const TaskView& v);

// spans_dropped_until as of view `v` (see spans_as_of): the start of the oldest of its spans still
// kept, or v.since when none of them is; -1 when none of them was dropped.
Time spans_dropped_until(const Trace& trace, const TaskRecord& r, const TaskView& v);

// The samples of `r`'s history that existed when `v`, a view of the same resource, was taken: the
// first v.samples pushed, oldest first. Past drops (the history's capacity), only those of them
// still kept, the latest: empty when all are gone. Never more than the history keeps. Valid until
// the history is pushed to again.
ResourceSampleView samples_as_of(const ResourceRecord& r, const ResourceView& v);

}  // namespace aio
