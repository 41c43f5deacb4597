// Tests for playground/views/timeline_layout.hpp: the first visible span by binary search, and
// spans narrower than a pixel folded into blocks that cover the same time.
#include "playground/views/timeline_layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using aio::TaskSpan;
using aio::TaskState;
using aio::WaitKind;
using aio::views::first_span_ending_at_or_after;
using aio::views::layout_row;
using aio::views::RowBlock;
using aio::views::RowWindow;

// Spans one after another from t = 0, each `len` seconds, states cycling waiting/ready/running;
// the last is open (it lasts until now) unless `done` ends the row.
std::vector<TaskSpan> row_of(size_t n, double len, bool done = false) {
    aio::TaskSpans spans;
    const TaskState cycle[] = {TaskState::Waiting, TaskState::Ready, TaskState::Running};
    for (size_t i = 0; i < n; ++i)
        spans.enter(static_cast<double>(i) * len, cycle[i % 3], i % 3 == 0 ? WaitKind::Sleep : WaitKind::None);
    if (done) spans.enter(static_cast<double>(n) * len, TaskState::Done, WaitKind::None);
    const auto v = spans.view();
    return {v.begin(), v.end()};
}

TEST(TimelineLayout, binary_search_finds_the_first_visible_span_at_the_edges) {
    const auto spans = row_of(100, 1.0, true);   // [i, i + 1) for i < 100, then done at 100
    EXPECT_EQ(first_span_ending_at_or_after(spans, -5, 200), 0u);     // before the first
    EXPECT_EQ(first_span_ending_at_or_after(spans, 0, 200), 0u);
    EXPECT_EQ(first_span_ending_at_or_after(spans, 0.5, 200), 0u);
    EXPECT_EQ(first_span_ending_at_or_after(spans, 1.0, 200), 0u);    // span 0 ends exactly there
    EXPECT_EQ(first_span_ending_at_or_after(spans, 1.0001, 200), 1u);
    EXPECT_EQ(first_span_ending_at_or_after(spans, 57.3, 200), 57u);
    EXPECT_EQ(first_span_ending_at_or_after(spans, 99.9, 200), 99u);  // the last drawn span
    EXPECT_EQ(first_span_ending_at_or_after(spans, 100.1, 200), spans.size());   // only the done span is later
    EXPECT_EQ(first_span_ending_at_or_after({}, 3, 200), 0u);

    // A live task's open span reaches now, however far after its start.
    const auto live = row_of(10, 1.0);
    EXPECT_EQ(first_span_ending_at_or_after(live, 500, 1000), 9u);
    EXPECT_EQ(first_span_ending_at_or_after(live, 1001, 1000), live.size());

    // The layout starts there too: the first block is the span under the window's left edge.
    std::vector<RowBlock> out;
    layout_row(spans, {.start = 57.3, .end = 60.5, .width = 320, .now = 200}, out);
    ASSERT_FALSE(out.empty());
    EXPECT_EQ(out.front().first, 57u);
    EXPECT_FLOAT_EQ(out.front().x0, 0);   // clipped at the left edge
    EXPECT_EQ(out.back().first, 60u);
    EXPECT_FLOAT_EQ(out.back().x1, 320);
}

TEST(TimelineLayout, a_row_of_100000_tiny_spans_gives_about_one_block_per_pixel) {
    const auto spans = row_of(100000, 1e-5);   // 1 s of spans, a hundredth of a pixel each
    for (float width : {50.0f, 333.0f, 1000.0f}) {
        std::vector<RowBlock> out;
        layout_row(spans, {.start = 0, .end = 1, .width = width, .now = 1}, out);
        EXPECT_LE(out.size(), static_cast<size_t>(width) + 1) << width;
        EXPECT_GE(out.size(), static_cast<size_t>(width / 2)) << width;   // and still shows where they are
        size_t held = 0;
        for (const RowBlock& b : out) held += b.count;
        EXPECT_EQ(held, spans.size()) << width;
    }
}

TEST(TimelineLayout, wide_spans_are_never_folded) {
    // Wide spans (10 px) between runs of tiny ones (0.1 px).
    aio::TaskSpans s;
    double t = 0;
    std::vector<size_t> wide;
    for (int k = 0; k < 20; ++k) {
        wide.push_back(s.size());
        s.enter(t, TaskState::Waiting, WaitKind::QueueGet);
        t += 0.01;
        for (int j = 0; j < 7; ++j) {
            s.enter(t, j % 2 ? TaskState::Running : TaskState::Ready, WaitKind::None);
            t += 0.0001;
        }
    }
    s.enter(t, TaskState::Done, WaitKind::None);
    std::vector<RowBlock> out;
    layout_row(s.view(), {.start = 0, .end = t, .width = static_cast<float>(t * 1000), .now = 1}, out);   // 1 px a millisecond
    for (size_t i : wide) {
        const auto it = std::find_if(out.begin(), out.end(), [&](const RowBlock& b) { return b.first == i; });
        ASSERT_NE(it, out.end()) << "wide span " << i << " starts no block";
        EXPECT_EQ(it->count, 1u) << i;
        EXPECT_EQ(it->state, TaskState::Waiting);
        EXPECT_NEAR(it->x1 - it->x0, 10.0, 1e-3);
    }
    for (const RowBlock& b : out) {
        if (b.count > 1) EXPECT_LT(b.x1 - b.x0, 2.0f) << b.first;   // folds are a pixel or two
    }
}

TEST(TimelineLayout, folded_blocks_cover_the_same_time_as_their_spans) {
    // Uneven spans, some wide, some tiny, some of no time at all (a task that woke and ran at once).
    aio::TaskSpans s;
    double t = 0;
    for (int i = 0; i < 3000; ++i) {
        const double len = i % 97 == 0 ? 0.05 : i % 5 == 0 ? 0.0 : 1e-4 * (i % 7);
        s.enter(t, static_cast<TaskState>(1 + i % 3), i % 3 == 2 ? WaitKind::Fetch : WaitKind::None);
        t += len;
    }
    const auto spans = s.view();   // open: the last reaches now
    const double now = t + 0.01;
    std::vector<RowBlock> out;
    layout_row(spans, {.start = 0, .end = now, .width = 640, .now = now}, out);
    ASSERT_FALSE(out.empty());
    size_t next = 0;
    for (const RowBlock& b : out) {
        ASSERT_EQ(b.first, next) << "blocks leave no span out and hold none twice";
        const size_t last = b.first + b.count - 1;
        EXPECT_EQ(b.start, spans[b.first].start);
        EXPECT_EQ(b.end, last + 1 == spans.size() ? now : spans[last].end);
        next = last + 1;
    }
    EXPECT_EQ(next, spans.size());
    EXPECT_FLOAT_EQ(out.back().x1, 640);   // the open span reaches now, at the right edge
}

TEST(TimelineLayout, a_fold_takes_the_state_it_spent_most_time_in_the_later_on_a_tie) {
    aio::TaskSpans s;
    s.enter(0, TaskState::Running, WaitKind::None);
    s.enter(0.0002, TaskState::Waiting, WaitKind::Fetch);   // 0.0006 s: most of the fold
    s.enter(0.0008, TaskState::Ready, WaitKind::None);
    s.enter(0.0009, TaskState::Waiting, WaitKind::Sleep);   // 1 s: wide, on its own
    s.enter(1.0009, TaskState::Ready, WaitKind::None);      // no time, then running no time
    s.enter(1.0009, TaskState::Running, WaitKind::None);
    s.enter(1.0009, TaskState::Done, WaitKind::None);
    std::vector<RowBlock> out;
    layout_row(s.view(), {.start = 0, .end = 2, .width = 200, .now = 2}, out);   // 0.01 s a pixel
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0].count, 3u);
    EXPECT_EQ(out[0].state, TaskState::Waiting);
    EXPECT_EQ(out[0].wait, WaitKind::Fetch);
    EXPECT_EQ(out[1].count, 1u);
    EXPECT_EQ(out[1].wait, WaitKind::Sleep);
    EXPECT_EQ(out[2].count, 2u);
    EXPECT_EQ(out[2].state, TaskState::Running);   // woke and ran: the later of two spans of no time
}

TEST(TimelineLayout, nothing_shows_after_now) {
    // A blocking call's span is recorded whole (to 8 s) while the screen is at 6 s.
    aio::TaskSpans s;
    s.enter(0, TaskState::Waiting, WaitKind::Sleep);
    s.enter(5, TaskState::Running, WaitKind::None);
    s.enter(8, TaskState::Waiting, WaitKind::Sleep);
    std::vector<RowBlock> out;
    layout_row(s.view(), {.start = 0, .end = 10, .width = 100, .now = 6}, out);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[1].state, TaskState::Running);
    EXPECT_DOUBLE_EQ(out[1].end, 6);
    EXPECT_FLOAT_EQ(out[1].x1, 60);
}

TEST(TimelineLayout, a_bad_window_is_named_and_changes_nothing) {
    const auto spans = row_of(10, 1.0);
    std::vector<RowBlock> out(3);
    for (const RowWindow& bad : {RowWindow{.start = 2, .end = 2, .width = 100}, RowWindow{.start = 0, .end = 1, .width = 0},
                                 RowWindow{.start = 0, .end = 1, .width = -3}}) {
        try {
            layout_row(spans, bad, out);
            ADD_FAILURE() << "accepted";
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find("layout_row: window "), std::string::npos) << e.what();
        }
        EXPECT_EQ(out.size(), 3u);
    }
}

}  // namespace
