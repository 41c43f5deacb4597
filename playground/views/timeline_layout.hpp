// Where a task's spans go in its timeline row, as Tracy lays out zones: the first visible span is
// found by binary search, and runs of spans narrower than a pixel fold into one block, so a row
// costs about its width in pixels however many spans it holds. No ImGui here; the timeline draws.
#pragma once
#include "runtime/task_spans.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace aio::views {

// What a row shows: loop seconds from `start` at its left edge to `end` at its right, `width`
// pixels. Nothing after `now` shows (a blocking call's span is recorded whole but shows as it
// happens), and a live task's open span reaches it.
struct RowWindow {
    double start = 0, end = 1;
    float width = 1;
    Time now = 0;
};

// A block to draw: one span, or several narrower than a pixel folded together.
struct RowBlock {
    Time start = 0, end = 0;          // loop seconds its spans cover, end clipped to now
    float x0 = 0, x1 = 0;             // pixels from the row's left edge, clipped to 0..width
    TaskState state = TaskState::Pending;
    WaitKind wait = WaitKind::None;   // a folded block's: the state (and wait) it spent most time in, the later on a tie
    size_t first = 0;                 // index of its first span in the row's spans
    size_t count = 1;                 // spans in it: more than 1 when folded
};

// Index of the first span that ends at or after `t` (the open span, last, ends at `now`), found by
// binary search; spans.size() if none. Spans must be in order and contiguous, as a trace keeps them.
size_t first_span_ending_at_or_after(const TaskSpanView& spans, Time t, Time now);

// Lays out one row into `out` (cleared first), left to right. A span at least a pixel wide is a
// block of its own, never folded; a run of narrower ones folds into blocks about a pixel wide
// (at most two), so a row holds at most about one block per pixel beside its wide spans. Done,
// failed and cancelled spans are not drawn. The window must have start < end and width > 0
// (else std::invalid_argument naming the field and its range).
void layout_row(const TaskSpanView& spans, const RowWindow& window, std::vector<RowBlock>& out);

}  // namespace aio::views
