// Task spans (runtime/task_spans.hpp): random access across chunk boundaries, and the span log's
// budget, which takes back the oldest chunk whole, checked against a plain list of chunks.
#include "runtime/task_spans.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <random>
#include <stdexcept>
#include <vector>

namespace {

using aio::SpanChain;
using aio::SpanLog;
using aio::TaskSpan;
using aio::TaskState;
using aio::WaitKind;

constexpr TaskState kCycle[] = {TaskState::Running, TaskState::Waiting, TaskState::Ready};

TEST(TaskSpans, every_span_reads_back_in_order_across_chunk_boundaries) {
    for (size_t n : {1u, 3u, 4u, 5u, 8u, 9u, 33u}) {
        SCOPED_TRACE(n);
        aio::TaskSpans spans;
        for (size_t i = 0; i < n; ++i) spans.enter(static_cast<double>(i * i), kCycle[i % 3], i % 3 == 1 ? WaitKind::Sleep : WaitKind::None);
        const auto v = spans.view();
        ASSERT_EQ(v.size(), n);
        for (size_t i = 0; i < n; ++i) {
            EXPECT_EQ(v[i].start, static_cast<double>(i * i)) << i;
            EXPECT_EQ(v[i].end, i + 1 < n ? static_cast<double>((i + 1) * (i + 1)) : v[i].start) << i;   // the open one lasts nothing
            EXPECT_EQ(v[i].state, kCycle[i % 3]) << i;
            EXPECT_EQ(v[i].wait, i % 3 == 1 ? WaitKind::Sleep : WaitKind::None) << i;
        }
        // Iterators reach every span, and binary search finds each start across chunks.
        EXPECT_EQ(static_cast<size_t>(v.end() - v.begin()), n);
        for (size_t i = 0; i < n; ++i) {
            const auto it = std::partition_point(v.begin(), v.end(), [&](const TaskSpan& s) { return s.start < static_cast<double>(i * i); });
            EXPECT_EQ(static_cast<size_t>(it - v.begin()), i);
        }
        // The first k keep their ends: the k-th still ends where the next starts.
        const auto head = v.first(n - 1);
        ASSERT_EQ(head.size(), n - 1);
        if (n > 1) EXPECT_EQ(head.back().end, v[n - 1].start);
    }
}

// first_open(n) is the view as it read when the n-th span was the latest: the last one open.
TEST(TaskSpans, first_open_ends_its_last_span_where_it_starts_as_before_the_next_was_entered) {
    aio::TaskSpans spans;
    for (size_t i = 0; i < 6; ++i) spans.enter(static_cast<double>(i), kCycle[i % 3], WaitKind::None);
    const auto all = spans.view();
    for (size_t n = 1; n < 6; ++n) {
        SCOPED_TRACE(n);
        aio::TaskSpans then;   // the same spans entered up to the n-th: what the view read then
        for (size_t i = 0; i < n; ++i) then.enter(static_cast<double>(i), kCycle[i % 3], WaitKind::None);
        const auto open = all.first_open(n);
        ASSERT_EQ(open.size(), n);
        for (size_t i = 0; i < n; ++i) {
            EXPECT_EQ(open[i].start, then.view()[i].start) << i;
            EXPECT_EQ(open[i].end, then.view()[i].end) << i;
            EXPECT_EQ(open[i].state, then.view()[i].state) << i;
        }
        EXPECT_EQ(open.back().end, open.back().start);
        EXPECT_EQ(all.first(n).back().end, all[n].start);   // first(n) keeps where the next begins
        // Cut again for a row's drawing, its spans still end where the next starts.
        if (n > 1) {
            EXPECT_EQ(open.first(n - 1).back().end, open.back().start);
        }
    }
    // Spans laid out in one array keep the ends they were given.
    const std::vector<TaskSpan> flat = {{0, 1, TaskState::Running, WaitKind::None}, {1, 3, TaskState::Waiting, WaitKind::Sleep}};
    EXPECT_EQ(aio::TaskSpanView(flat).first_open(1).back().end, 1.0);
}

TEST(TaskSpans, a_view_of_an_array_reads_its_spans_as_they_are) {
    const std::vector<TaskSpan> flat = {{0, 1, TaskState::Running, WaitKind::None}, {1, 3, TaskState::Waiting, WaitKind::Sleep}};
    const aio::TaskSpanView v = flat;
    ASSERT_EQ(v.size(), 2u);
    EXPECT_EQ(v[1].end, 3.0);
    EXPECT_EQ(v.back().wait, WaitKind::Sleep);
    EXPECT_TRUE(aio::TaskSpanView().empty());
}

TEST(SpanLog, budget_is_rounded_up_to_whole_chunks_and_must_be_at_least_one) {
    EXPECT_EQ(SpanLog(1).budget(), SpanLog::kChunk);
    EXPECT_EQ(SpanLog(SpanLog::kChunk * 3).budget(), SpanLog::kChunk * 3);
    EXPECT_EQ(SpanLog(SpanLog::kChunk * 3 + 1).budget(), SpanLog::kChunk * 4);
    try {
        SpanLog log(0);
        ADD_FAILURE() << "a budget of 0 accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "SpanLog: budget must be at least 1 span, got 0");
    }
}

// Over budget, the log keeps the chunks begun last: a list of chunks, each an owner and its spans.
struct Model {
    struct Chunk { uint32_t owner; std::vector<double> starts; };
    size_t limit;
    std::deque<Chunk> chunks;   // oldest begun first
    std::map<uint32_t, Chunk*> open;   // each owner's newest chunk, while it has room and is kept
    uint64_t dropped = 0;
    void append(uint32_t owner, double at) {
        auto it = open.find(owner);
        if (it == open.end() || it->second->starts.size() == SpanLog::kChunk) {
            if (chunks.size() == limit) {
                const Chunk& gone = chunks.front();
                dropped += gone.starts.size();
                if (open.count(gone.owner) && open[gone.owner] == &gone) open.erase(gone.owner);
                chunks.pop_front();
            }
            chunks.push_back({owner, {}});
            open[owner] = &chunks.back();
        }
        open[owner]->starts.push_back(at);
    }
    std::vector<double> spans_of(uint32_t owner) const {
        std::vector<double> out;
        for (const Chunk& c : chunks)
            if (c.owner == owner) out.insert(out.end(), c.starts.begin(), c.starts.end());
        return out;
    }
};

TEST(SpanLog, over_budget_the_chunk_begun_longest_ago_leaves_whole) {
    for (size_t chunks : {1u, 2u, 3u, 16u}) {
        for (uint32_t owners : {1u, 2u, 5u, 40u}) {
            SCOPED_TRACE(testing::Message() << chunks << " chunks, " << owners << " owners");
            SpanLog log(chunks * SpanLog::kChunk);
            std::vector<SpanChain> chain(owners + 1);
            Model model{chunks};
            std::mt19937 rng(chunks * 100 + owners);
            for (int i = 0; i < 2000; ++i) {
                // Some owners far busier than others, so chains of many chunks and lone ones mix.
                const uint32_t owner = 1 + std::min<uint32_t>(owners - 1, static_cast<uint32_t>(rng() % (owners * 2)) / 2 % owners * (rng() % 2));
                const double at = i;
                log.append(chain[owner], at, kCycle[i % 3], WaitKind::None);
                model.append(owner, at);
            }
            size_t kept = 0;
            for (uint32_t o = 1; o <= owners; ++o) {
                const std::vector<double> want = model.spans_of(o);
                const auto got = log.view(chain[o]);
                ASSERT_EQ(got.size(), want.size()) << "owner " << o;
                for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(got[i].start, want[i]) << "owner " << o << " span " << i;
                kept += want.size();
            }
            EXPECT_EQ(log.size(), kept);
            EXPECT_LE(kept, log.budget());
            EXPECT_EQ(log.dropped(), model.dropped);
            EXPECT_EQ(log.size() + log.dropped(), 2000u);
        }
    }
}

// `entered` counts every span appended to a chain; `count`, those kept, goes down as the budget
// takes chunks back, and the kept are always the latest `count` of those entered.
TEST(SpanLog, entered_counts_every_span_appended_and_drops_leave_it_as_it_is) {
    SpanLog log(2 * SpanLog::kChunk);
    std::vector<SpanChain> chain(2);
    std::vector<std::vector<double>> appended(2);   // each chain's starts, as entered
    for (uint32_t i = 0; i < 30; ++i) {
        const size_t k = i % 3 == 0;
        log.append(chain[k], i, kCycle[i % 3], WaitKind::None);
        appended[k].push_back(i);
        for (size_t j = 0; j < 2; ++j) {
            SCOPED_TRACE(testing::Message() << "span " << i << ", chain " << j);
            ASSERT_EQ(chain[j].entered, appended[j].size());
            const auto kept = log.view(chain[j]);
            ASSERT_EQ(kept.size(), chain[j].count);
            for (size_t n = 0; n < kept.size(); ++n)
                EXPECT_EQ(kept[n].start, appended[j][chain[j].entered - chain[j].count + n]) << n;
        }
    }
    EXPECT_EQ(chain[1].entered, 10u);   // i = 0, 3, ..., 27
    EXPECT_EQ(chain[0].entered, 20u);
    EXPECT_LT(chain[0].count, 20u);     // the budget of 8 dropped some of each
    EXPECT_LT(chain[1].count, 10u);
    EXPECT_EQ(log.dropped(), 30u - chain[0].count - chain[1].count);
    log.release(chain[0]);   // a record made anew starts counting again
    EXPECT_EQ(chain[0].entered, 0u);
}

TEST(SpanLog, a_released_chain_keeps_nothing_and_its_old_chunks_shorten_no_one) {
    SpanLog log(2 * SpanLog::kChunk);
    std::vector<SpanChain> chain(3);
    for (int i = 0; i < 3; ++i) log.append(chain[1], i, TaskState::Running, WaitKind::None);
    log.release(chain[1]);   // its record made again (the trace attached to a new loop)
    EXPECT_TRUE(chain[1].empty());
    EXPECT_EQ(log.dropped(), 3u);
    log.append(chain[1], 10, TaskState::Pending, WaitKind::None);   // a second chunk
    log.append(chain[2], 11, TaskState::Pending, WaitKind::None);   // takes back the first, no one's now
    ASSERT_EQ(log.view(chain[1]).size(), 1u);
    EXPECT_EQ(log.view(chain[1])[0].start, 10.0);
    EXPECT_EQ(log.view(chain[2]).size(), 1u);
    EXPECT_EQ(log.size(), 2u);
    EXPECT_EQ(log.dropped(), 3u);
}

}  // namespace
