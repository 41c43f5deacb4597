// A task's trace record as it stood at an earlier loop time, worked out from its spans: a blocking
// call moves the loop's clock ahead of what the viewer has seen, and the views show that time.
#pragma once
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

}  // namespace aio
