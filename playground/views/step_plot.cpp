// Cutting a level history into pixel columns (see step_plot.hpp).
#include "playground/views/step_plot.hpp"

#include <algorithm>

namespace aio::views {

int64_t sample_level(const ResourceSample& s) { return s.level; }

int64_t sample_waiting(const ResourceSample& s) {
    int64_t n = 0;
    for (uint32_t w : s.waiters) n += w;
    return n;
}

std::vector<StepColumn> step_columns(const ResourceSampleView& h, Time t0, Time t1, size_t columns,
                                     int64_t (*value)(const ResourceSample&)) {
    std::vector<StepColumn> out(t1 > t0 ? columns : 0);
    if (out.empty() || h.empty()) return out;
    const double width = (t1 - t0) / static_cast<double>(columns);
    auto column_of = [&](Time t) { return std::min(columns - 1, static_cast<size_t>((t - t0) / width)); };
    auto add = [&](size_t c, int64_t level) {
        StepColumn& col = out[c];
        if (col.empty()) col.lo = col.hi = level;
        col.lo = std::min(col.lo, level);
        col.hi = std::max(col.hi, level);
    };
    // The first sample after t0: the one before it sets the value t0 starts with.
    size_t first = 0, last = h.size();
    while (first < last) {
        const size_t mid = first + (last - first) / 2;
        if (h[mid].time <= t0) first = mid + 1;
        else last = mid;
    }
    bool held = first > 0;
    int64_t level = held ? value(h[first - 1]) : 0;
    size_t c = 0;   // the first column not yet given the level held at its start
    // Up to t1 itself: what changed at the moment shown has happened (the last column holds it).
    for (size_t i = first; i < h.size() && h[i].time <= t1; ++i) {
        const size_t ci = column_of(h[i].time);
        if (held)
            for (; c <= ci; ++c) add(c, level);
        level = value(h[i]);
        held = true;
        add(ci, level);
        c = ci + 1;
    }
    if (held)
        for (; c < columns; ++c) add(c, level);
    return out;
}

}  // namespace aio::views
