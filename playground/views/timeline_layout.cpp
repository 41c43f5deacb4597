// Laying out a timeline row: binary search to the first visible span, then blocks left to right,
// skipping (by binary search again) over spans that fit inside the pixel a fold has reached.
#include "playground/views/timeline_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace aio::views {

namespace {

// A row's spans as drawn: the terminal span (done, failed, cancelled) is left out, and a live
// task's open span, the last, ends at now (or where it starts, if now has not reached it).
struct Row {
    TaskSpanView spans;
    bool live;
    Time now;
    Row(const TaskSpanView& all, Time now_)
        : spans(all), live(!all.empty() && all.back().state < TaskState::Done), now(now_) {
        if (!spans.empty() && !live) spans = spans.first(spans.size() - 1);
    }
    Time end(size_t i) const { return live && i + 1 == spans.size() ? std::max(now, spans[i].start) : spans[i].end; }
    // The first index in [from, to) whose end is at least t, or `to`: ends never decrease.
    size_t first_ending_at_or_after(size_t from, size_t to, Time t) const {
        while (from < to) {
            const size_t mid = from + (to - from) / 2;
            if (end(mid) < t) from = mid + 1;
            else to = mid;
        }
        return from;
    }
};

// The state (and wait) spans [first, last] spent most time in; on a tie, the later one.
void dominant(const TaskSpanView& spans, size_t first, size_t last, const Row& row, RowBlock& b) {
    struct Part { TaskState state; WaitKind wait; double time; size_t latest; };
    // Only Waiting has a wait kind, so there are fewer distinct pairs than this.
    std::array<Part, kTaskStateCount + kWaitKindCount> parts;
    size_t n = 0;
    for (size_t i = first; i <= last; ++i) {
        const TaskSpan& s = spans[i];
        const double t = std::min(row.end(i), row.now) - s.start;
        auto it = std::find_if(parts.begin(), parts.begin() + n, [&](const Part& p) { return p.state == s.state && p.wait == s.wait; });
        if (it == parts.begin() + n) {
            *it = {s.state, s.wait, 0, i};
            ++n;
        }
        it->time += t;
        it->latest = i;
    }
    const Part* best = &parts[0];
    for (size_t k = 1; k < n; ++k)
        if (parts[k].time > best->time || (parts[k].time == best->time && parts[k].latest > best->latest)) best = &parts[k];
    b.state = best->state;
    b.wait = best->wait;
}

}  // namespace

size_t first_span_ending_at_or_after(const TaskSpanView& spans, Time t, Time now) {
    const Row row(spans, now);
    const size_t i = row.first_ending_at_or_after(0, row.spans.size(), t);
    return i == row.spans.size() ? spans.size() : i;
}

void layout_row(const TaskSpanView& spans, const RowWindow& w, std::vector<RowBlock>& out) {
    if (!(w.start < w.end) || !std::isfinite(w.start) || !std::isfinite(w.end))
        throw std::invalid_argument("layout_row: window start must be below end (both finite), got " + std::to_string(w.start) +
                                    " .. " + std::to_string(w.end));
    if (!(w.width > 0) || !std::isfinite(w.width))
        throw std::invalid_argument("layout_row: window width must be a positive finite number of pixels, got " +
                                    std::to_string(w.width));
    out.clear();
    const Row row(spans, w.now);
    const auto& s = row.spans;
    const double scale = w.width / (w.end - w.start);   // pixels per second
    const Time pixel = 1 / scale;
    // Spans that start after what shows (the window's end, or now) are not drawn.
    const Time shown_to = std::min(w.end, w.now);
    const size_t stop = static_cast<size_t>(
        std::partition_point(s.begin(), s.end(), [&](const TaskSpan& x) { return x.start <= shown_to; }) - s.begin());
    const auto x_of = [&](Time t) { return static_cast<float>(std::clamp((t - w.start) * scale, 0.0, double(w.width))); };
    const auto shown_end = [&](size_t i) { return std::min(row.end(i), w.now); };

    for (size_t i = row.first_ending_at_or_after(0, stop, w.start); i < stop;) {
        RowBlock b{.start = s[i].start, .end = shown_end(i), .state = s[i].state, .wait = s[i].wait, .first = i};
        if (b.end - b.start < pixel) {
            // Fold: every span ending within a pixel of this one's start joins it, and so does the
            // next if it too is narrow, taking the block past a pixel.
            size_t last = row.first_ending_at_or_after(i + 1, stop, b.start + pixel) - 1;
            if (last + 1 < stop && shown_end(last + 1) - s[last + 1].start < pixel) ++last;
            b.count = last - i + 1;
            b.end = shown_end(last);
            if (b.count > 1) dominant(s, i, last, row, b);
        }
        b.x0 = x_of(b.start);
        b.x1 = x_of(b.end);
        out.push_back(b);
        i += b.count;
    }
}

}  // namespace aio::views
