// A step plot's columns: a resource's level over loop time cut into pixel columns, each the
// lowest and highest level held during its span, so a plot costs its width however many
// samples there are (Tracy's merging of spans narrower than a pixel, for a level).
#pragma once
#include "runtime/resource_history.hpp"

#include <cstdint>
#include <vector>

namespace aio::views {

struct StepColumn {
    int64_t lo = 0, hi = -1;   // the levels held in the column; hi < lo: none (before the first sample)
    bool empty() const { return hi < lo; }
};

// What a plot shows of each sample: its level, or how many wait on the resource in all.
int64_t sample_level(const ResourceSample& s);
int64_t sample_waiting(const ResourceSample& s);

// `columns` columns of equal width over loop time [t0, t1] of `value` (sample_level by default),
// from `history`'s samples (a whole ResourceHistory, or what of it a view may read).
// A sample's value holds from its time until the next sample (the last one's until t1); a column
// starts with the value held at its start. Empty when columns is 0 or t1 <= t0. Cost: a binary
// search, the samples in (t0, t1] and the columns.
std::vector<StepColumn> step_columns(const ResourceSampleView& history, Time t0, Time t1, size_t columns,
                                     int64_t (*value)(const ResourceSample&) = sample_level);

}  // namespace aio::views
