// A moment kept from a demo's run (its snapshot copied at an iteration) and put back after the run
// went on reads the live trace as it was then (runtime/record_as_of.hpp's spans_as_of and
// samples_as_of): each task's spans and each resource's samples, span for span and sample for
// sample what the trace gave at that iteration; and past the span budget, what is still kept of them.
#include "runtime/record_as_of.hpp"
#include "tests/playground/state/kept_moments.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <vector>

namespace {

using aio::testing::DemoRecording;
using aio::testing::KeptMoment;

// What the trace gave a moment's views live: each task's spans and each resource's samples, by id.
struct TraceThen {
    std::map<uint32_t, std::vector<aio::TaskSpan>> spans;
    std::map<uint32_t, std::vector<aio::ResourceSample>> samples;
};

TraceThen read_live(const aio::Trace& trace, const aio::Snapshot& snap) {
    TraceThen then;
    for (const aio::TaskView& v : snap.tasks) {
        const aio::TaskSpanView spans = trace.spans(*trace.task(v.id));
        then.spans[v.id] = {spans.begin(), spans.end()};
    }
    for (const aio::ResourceView& v : snap.resources) {
        const aio::ResourceHistory& h = trace.resource(v.id)->history;
        for (size_t i = 0; i < h.size(); ++i) then.samples[v.id].push_back(h[i]);
    }
    return then;
}

void expect_same(const aio::TaskSpan& got, const aio::TaskSpan& want) {
    EXPECT_EQ(got.start, want.start);
    EXPECT_EQ(got.end, want.end);
    EXPECT_EQ(got.state, want.state);
    EXPECT_EQ(got.wait, want.wait);
}

void expect_same(const aio::ResourceSample& got, const aio::ResourceSample& want) {
    EXPECT_EQ(got.time, want.time);
    EXPECT_EQ(got.level, want.level);
    EXPECT_EQ(got.waiters, want.waiters);
}

// Runs `r` keeping its moments and what the trace gave each of them live; live, a view reads
// through spans_as_of exactly the spans the trace has.
std::vector<KeptMoment> run(DemoRecording& r, const std::vector<uint64_t>& at, std::vector<TraceThen>& live) {
    return aio::testing::run_keeping(r, at, [&](const aio::page::PlaygroundState& s, size_t) {
        live.push_back(read_live(r.trace, s.snapshot));
        for (const aio::TaskView& v : s.snapshot.tasks) {
            const aio::TaskSpanView got = aio::spans_as_of(r.trace, *r.trace.task(v.id), v);
            const std::vector<aio::TaskSpan>& want = live.back().spans[v.id];
            ASSERT_EQ(got.size(), want.size()) << v.name << " live";
            for (size_t i = 0; i < want.size(); ++i) expect_same(got[i], want[i]);
        }
    });
}

// Calls `check` with each task of each kept moment, in the moment's state rebuilt over the live
// trace: its view and record, the spans the trace gave it then and those spans_as_of gives now.
using TaskCheck = std::function<void(const aio::page::PlaygroundState&, const aio::TaskView&, const aio::TaskRecord&,
                                     const std::vector<aio::TaskSpan>& then, const aio::TaskSpanView& got)>;
void for_each_task_then(const DemoRecording& r, const std::vector<KeptMoment>& kept, std::vector<TraceThen>& live, const TaskCheck& check) {
    for (size_t m = 0; m < kept.size(); ++m) {
        SCOPED_TRACE("iteration " + std::to_string(kept[m].iteration));
        const aio::page::PlaygroundState s = aio::testing::state_at(r, kept[m]);
        for (const aio::TaskView& v : s.snapshot.tasks) {
            SCOPED_TRACE(v.name);
            const aio::TaskRecord& rec = *s.history->task(v.id);
            check(s, v, rec, live[m].spans[v.id], aio::spans_as_of(*s.history, rec, v));
            if (::testing::Test::HasFailure()) return;
        }
    }
}

TEST(KeptMoment, each_task_reads_the_spans_and_each_resource_the_samples_the_trace_had_then) {
    for (const aio::testing::DemoRun& demo : aio::testing::waiting_runs()) {
        SCOPED_TRACE(demo.name);
        const aio::demos::Demo& d = *aio::demos::find_demo(demo.demo);
        const uint64_t n = aio::testing::iterations_of(demo);
        DemoRecording r(d, demo.params);
        std::vector<TraceThen> live;
        const std::vector<KeptMoment> kept = run(r, aio::testing::moments_of(n), live);
        ASSERT_EQ(r.trace.spans_dropped(), 0u);
        size_t later_spans = 0, later_samples = 0;   // recorded after a moment: what it must not read
        for_each_task_then(r, kept, live, [&](const aio::page::PlaygroundState& s, const aio::TaskView&, const aio::TaskRecord& rec,
                                              const std::vector<aio::TaskSpan>& want, const aio::TaskSpanView& got) {
            ASSERT_EQ(got.size(), want.size());
            for (size_t i = 0; i < want.size(); ++i) expect_same(got[i], want[i]);
            later_spans += s.history->spans(rec).size() - got.size();
        });
        if (HasFailure()) return;
        for (size_t m = 0; m < kept.size(); ++m) {
            SCOPED_TRACE("iteration " + std::to_string(kept[m].iteration));
            const aio::page::PlaygroundState s = aio::testing::state_at(r, kept[m]);
            for (const aio::ResourceView& v : s.snapshot.resources) {
                SCOPED_TRACE("resource " + std::to_string(v.id));
                const aio::ResourceRecord& rec = *s.history->resource(v.id);
                const aio::ResourceSampleView got = aio::samples_as_of(rec, v);
                const std::vector<aio::ResourceSample>& want = live[m].samples[v.id];
                ASSERT_EQ(got.size(), want.size());
                for (size_t i = 0; i < want.size(); ++i) expect_same(got[i], want[i]);
                later_samples += rec.history.size() - got.size();
            }
            if (HasFailure()) return;
        }
        EXPECT_GT(later_spans, 0u) << "the trace recorded on after the moments, or this test checks nothing";
        if (demo.demo != "count") {   // count has no resource
            EXPECT_GT(later_samples, 0u) << "its resources changed after the moments";
        }
    }
}

// With a span budget of a few chunks, spans leave after a moment is kept: it reads the latest of its
// spans that are still kept (those the trace gave it then, less the oldest gone since), and never
// more than the trace keeps.
TEST(KeptMoment, past_the_span_budget_a_task_reads_what_is_still_kept_of_its_spans_then) {
    const aio::testing::DemoRun demo = aio::testing::waiting_runs().back();   // the crawler's
    constexpr size_t kBudget = 128;   // 32 chunks: the crawler's 30-odd tasks fill them within a few iterations
    DemoRecording r(*aio::demos::find_demo(demo.demo), demo.params, kBudget);
    std::vector<TraceThen> live;
    std::vector<uint64_t> dropped_then;
    const std::vector<uint64_t> at = aio::testing::moments_of(aio::testing::iterations_of(demo, kBudget));
    const std::vector<KeptMoment> kept = aio::testing::run_keeping(r, at, [&](const aio::page::PlaygroundState& s, size_t) {
        live.push_back(read_live(r.trace, s.snapshot));
        dropped_then.push_back(r.trace.spans_dropped());
    });
    ASSERT_GT(r.trace.spans_dropped(), dropped_then.front()) << "spans left after the first moment";
    size_t partly = 0, wholly = 0;   // tasks that lost some, or all, of a moment's spans since
    for_each_task_then(r, kept, live, [&](const aio::page::PlaygroundState& s, const aio::TaskView& v, const aio::TaskRecord& rec,
                                          const std::vector<aio::TaskSpan>& then, const aio::TaskSpanView& got) {
        const aio::TaskSpanView now = s.history->spans(rec);
        // Spans of the task entered before its oldest kept then, and before its oldest kept now.
        const size_t gone_then = v.spans - then.size(), gone_now = rec.spans.entered - now.size();
        const size_t lost = std::min(then.size(), gone_now > gone_then ? gone_now - gone_then : 0);
        ASSERT_EQ(got.size(), then.size() - lost);
        ASSERT_LE(got.size(), now.size());
        for (size_t i = 0; i < got.size(); ++i) expect_same(got[i], then[lost + i]);
        if (!got.empty()) {
            EXPECT_EQ(got.front().start, now.front().start);   // from the oldest kept on
        }
        partly += lost > 0 && !got.empty();
        wholly += lost > 0 && got.empty();
    });
    if (HasFailure()) return;
    EXPECT_GT(partly, 0u) << "some task kept part of a moment's spans, or this test checks little";
    EXPECT_GT(wholly, 0u) << "some task lost all of a moment's spans, or this test checks little";
}

}  // namespace
