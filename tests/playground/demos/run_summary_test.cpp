// The summary's figures (playground/demos/run_summary.hpp) for each demo, run on the virtual
// clock with a trace, against values worked out by hand from the demo's parameters.
#include "playground/demos/context.hpp"
#include "playground/demos/run_summary.hpp"
#include "runtime/hosts/virtual_host.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace aio::demos;
using List = std::vector<int64_t>;

struct Summarised {
    RunSummary summary;
    std::vector<std::string> lines;
};

// A demo started as the page starts it: a fresh loop with a trace and the demo's main task.
struct Started {
    aio::Loop loop;
    aio::Trace trace;
    std::vector<std::string> lines;
    Context ctx = virtual_context(loop, [this](const std::string& l) { lines.push_back(l); });
    aio::Task<void> main;
    Started(const std::string& name, const Params& given) {
        ctx.base_url = "http://site.test/index.html";
        trace.attach(loop);
        const Demo& d = *find_demo(name);
        main = aio::create_task(loop, d.main(ctx, resolve_params(d, given)), "main");
    }
    // Runs every iteration due up to loop time `t`, as the page's host does while the display
    // clock reaches `t`; the loop's clock stays at the last deadline that fired.
    void run_until(aio::Time t) { aio::VirtualHost(loop).run_until(t); }
};

// As the page runs a demo: asyncio.run's clean-up, then the figures.
Summarised summarise_demo(const std::string& name, const Params& given) {
    Started run(name, given);
    aio::VirtualHost(run.loop).run_until_complete(*run.main.base());
    aio::cancel_all_tasks(run.loop);
    run.main.result();
    return {summarise(run.trace, run.loop.time()), run.lines};
}

constexpr double kEps = 1e-5;

TEST(RunSummary, count_overlaps_its_sleeps) {
    // n = 3 tasks each sleep delay = 1 s at the same time: work 3 x 1 = 3 s, elapsed 1 s, saved 3 - 1 = 2 s.
    // main waits in gather the whole second: that is waiting on others, not work.
    const RunSummary s = summarise_demo("count", {{"n", int64_t{3}}, {"delay", 1.0}}).summary;
    EXPECT_NEAR(s.elapsed, 1.0, kEps);
    EXPECT_NEAR(s.work, 3.0, kEps);
    EXPECT_EQ(s.working, 3u);
    EXPECT_NEAR(s.others, 1.0, kEps);
    EXPECT_NEAR(s.blocked, 0.0, kEps);
    EXPECT_NEAR(s.saved, 2.0, kEps);
}

TEST(RunSummary, count_blocking_holds_the_loop_and_saves_nothing) {
    // time.sleep(1) in each of 3 tasks, one after another: elapsed 3 x 1 = 3 s, all of it blocked;
    // no task awaits anything but main (in gather), so work is 0 and nothing is saved.
    const RunSummary s = summarise_demo("count", {{"n", int64_t{3}}, {"delay", 1.0}, {"blocking", true}}).summary;
    EXPECT_NEAR(s.elapsed, 3.0, kEps);
    EXPECT_NEAR(s.work, 0.0, kEps);
    EXPECT_EQ(s.working, 0u);
    EXPECT_NEAR(s.blocked, 3.0, kEps);
    EXPECT_EQ(s.saved, 0.0);
    EXPECT_EQ(describe(s), (std::vector<std::string>{
                               "took 3.00 s of loop time", "no task waited on a sleep or a request",
                               "tasks also waited 3.00 s on each other (tasks, gather, queues, locks): not counted",
                               "a blocking call held up the loop for 3.00 s: nothing else could run meanwhile"}));
}

TEST(RunSummary, chain_counts_each_chains_two_sleeps) {
    // sleep_min = sleep_max = 2: each of the 3 chains sleeps 2 s in part1, then 2 s in part2.
    // work 3 x (2 + 2) = 12 s, elapsed 2 + 2 = 4 s, saved 12 - 4 = 8 s.
    const RunSummary s =
        summarise_demo("chain", {{"ids", List{1, 2, 3}}, {"sleep_min", int64_t{2}}, {"sleep_max", int64_t{2}}}).summary;
    EXPECT_NEAR(s.elapsed, 4.0, kEps);
    EXPECT_NEAR(s.work, 12.0, kEps);
    EXPECT_EQ(s.working, 3u);
    EXPECT_NEAR(s.saved, 8.0, kEps);
}

TEST(RunSummary, queue_does_not_count_waiting_for_items_as_work) {
    // 2 producers x 2 items, 3 consumers, every randsleep 1 s, unbounded queue:
    //   t=0..1  all 5 tasks sleep. t=1: P0, P1 put; C0, C1 take them and sleep again; C2 finds the
    //           queue empty and waits in get() from t=1.
    //   t=1..2  P0, P1 sleep, then put at t=2 and finish; C0, C1 wake at t=2, take those two items
    //           and start a third sleep; C2, woken by the put, finds the queue emptied and waits on.
    //   t=2     main's gather ends, join() finds all 4 items done, the consumers are cancelled.
    // work: P0 2 + P1 2 + C0 2 + C1 2 + C2 1 = 9 s of sleeps; elapsed 2 s; saved 9 - 2 = 7 s.
    // Waiting on others: C2's get() 2 - 1 = 1 s, main's gather 2 s: 3 s, none of it work.
    const RunSummary s = summarise_demo("queue", {{"producers", int64_t{2}}, {"consumers", int64_t{3}},
                                                  {"items_min", int64_t{2}}, {"items_max", int64_t{2}},
                                                  {"sleep_min", int64_t{1}}, {"sleep_max", int64_t{1}}})
                             .summary;
    EXPECT_NEAR(s.elapsed, 2.0, kEps);
    EXPECT_NEAR(s.work, 9.0, kEps);
    EXPECT_EQ(s.working, 5u);
    EXPECT_NEAR(s.others, 3.0, kEps);
    EXPECT_NEAR(s.saved, 7.0, kEps);
}

TEST(RunSummary, rand_sums_each_tasks_retry_sleeps) {
    // makerandom(idx) sleeps idx + 1 s before each retry, so with r retries it waits (idx + 1) r s and
    // finishes then. work = sum of those; elapsed = the largest. The retries are what the run printed.
    const Summarised run = summarise_demo("rand", {{"seed", int64_t{444}}, {"tasks", int64_t{3}}, {"high", int64_t{10}}});
    double work = 0, elapsed = 0;
    size_t working = 0;
    for (int idx = 0; idx < 3; ++idx) {
        int retries = 0;
        for (const std::string& l : run.lines)
            retries += l.find("makerandom(" + std::to_string(idx) + ") == ") != std::string::npos &&
                       l.find("too low; retrying.") != std::string::npos;
        work += (idx + 1) * retries;
        elapsed = std::max(elapsed, double((idx + 1) * retries));
        working += retries > 0;
    }
    ASSERT_GT(work, 0);   // seed 444 makes some task retry
    EXPECT_NEAR(run.summary.elapsed, elapsed, kEps);
    EXPECT_NEAR(run.summary.work, work, kEps);
    EXPECT_EQ(run.summary.working, working);
    EXPECT_NEAR(run.summary.saved, std::max(0.0, work - elapsed), kEps);
}

TEST(RunSummary, as_completed_counts_both_rounds_of_sleeps) {
    // Twice (gather, then as_completed) two tasks sleep max(seq1) = 3 s and max(seq2) = 10 s at once:
    // work 2 x (3 + 10) = 26 s, elapsed 2 x 10 = 20 s, saved 26 - 20 = 6 s. main waits on
    // gather and as_completed, which is waiting on others.
    const RunSummary s = summarise_demo("as_completed", {{"seq1", List{3, 2, 1}}, {"seq2", List{10, 5, 0}}}).summary;
    EXPECT_NEAR(s.elapsed, 20.0, kEps);
    EXPECT_NEAR(s.work, 26.0, kEps);
    EXPECT_EQ(s.working, 4u);
    EXPECT_NEAR(s.others, 20.0, kEps);
    EXPECT_NEAR(s.saved, 6.0, kEps);
}

TEST(RunSummary, asyncgen_waits_in_sleep_one_after_another) {
    // One task (main) runs two comprehensions over mygen(u = 10), each sleeping delay = 0.1 s after
    // every value: work 2 x 10 x 0.1 = 2 s, elapsed 2 s, nothing overlapped, nothing blocked.
    const RunSummary s = summarise_demo("asyncgen", {{"u", int64_t{10}}, {"delay", 0.1}}).summary;
    EXPECT_NEAR(s.elapsed, 2.0, kEps);
    EXPECT_NEAR(s.work, 2.0, kEps);
    EXPECT_EQ(s.working, 1u);
    EXPECT_NEAR(s.blocked, 0.0, kEps);
    EXPECT_EQ(s.saved, 0.0);   // not a rounding error's worth
    EXPECT_EQ(describe(s), (std::vector<std::string>{"took 2.00 s of loop time",
                                                     "1 task waited 2.00 s in all on sleeps and requests",
                                                     "nothing overlapped: the waits took their full time one after another"}));
}

TEST(RunSummary, crawler_on_the_virtual_network_counts_its_requests) {
    // The default 7 URLs on the virtual sample site, every page 1 s (latency_min = latency_max = 1),
    // all in flight at once (concurrency 10): index, about, blog/index, notes.txt and the missing
    // teapots.html 1 s each, docs 1 + 1 s (its redirect is a request too), slow-brew.html 1 + 2 s.
    // work 5 x 1 + 2 + 3 = 10 s, elapsed 3 s (the slow page), saved 10 - 3 = 7 s; main's 3 s in
    // gather is waiting on others.
    const RunSummary s = summarise_demo("crawler", {{"latency_min", 1.0}, {"latency_max", 1.0}}).summary;
    EXPECT_NEAR(s.elapsed, 3.0, kEps);
    EXPECT_NEAR(s.work, 10.0, kEps);
    EXPECT_EQ(s.working, 7u);
    EXPECT_NEAR(s.others, 3.0, kEps);
    EXPECT_NEAR(s.saved, 7.0, kEps);
}

TEST(RunSummary, a_live_run_counts_its_open_waits_up_to_the_time_shown) {
    // chain with every sleep 2 s: 3 chains sleep 2 s in part1, then 2 s in part2. At time t the
    // loop's clock is still at the last deadline, but the figures run to t: elapsed t, and each
    // chain has waited t on sleeps (work 3t), main t on gather; saved 3t - t.
    Started run("chain", {{"ids", List{1, 2, 3}}, {"sleep_min", int64_t{2}}, {"sleep_max", int64_t{2}}});
    for (double t : {0.5, 2.64, 3.54}) {
        run.run_until(t);
        SCOPED_TRACE(t);
        EXPECT_LT(run.loop.time(), t);   // between deadlines: the display leads the loop's clock
        const RunSummary s = summarise(run.trace, t);
        EXPECT_NEAR(s.elapsed, t, kEps);
        EXPECT_NEAR(s.work, 3 * t, kEps);
        EXPECT_EQ(s.working, 3u);
        EXPECT_NEAR(s.others, t, kEps);
        EXPECT_NEAR(s.saved, 2 * t, kEps);
        EXPECT_EQ(describe(s).front(), "took " + std::string(t == 0.5 ? "0.50" : t == 2.64 ? "2.64" : "3.54") + " s of loop time");
    }
}

TEST(RunSummary, stopping_keeps_what_the_run_did_up_to_the_stop) {
    // count n = 4, delay = 3, stopped at 1.21 s: each count task slept 1.21 s and was then
    // cancelled at 1.21; main waited 1.21 s in gather. Work 4 x 1.21 = 4.84 s, elapsed 1.21 s.
    Started run("count", {{"n", int64_t{4}}, {"delay", 3.0}});
    run.run_until(1.21);
    stop_run(run.loop, 1.21);
    EXPECT_DOUBLE_EQ(run.loop.time(), 1.21);
    size_t counts = 0;
    for (const aio::TaskRecord& r : run.trace.tasks()) {
        EXPECT_EQ(r.state, aio::TaskState::Cancelled) << r.display_name();
        EXPECT_NEAR(r.finished, 1.21, kEps) << r.display_name();
        if (r.display_name() == "main") continue;
        ++counts;
        EXPECT_NEAR(r.wait_in[static_cast<int>(aio::WaitKind::Sleep)], 1.21, kEps) << r.display_name();
    }
    EXPECT_EQ(counts, 4u);
    const RunSummary s = summarise(run.trace, run.loop.time());
    EXPECT_NEAR(s.elapsed, 1.21, kEps);
    EXPECT_NEAR(s.work, 4 * 1.21, kEps);
    EXPECT_NEAR(s.others, 1.21, kEps);
    EXPECT_NEAR(s.saved, 4 * 1.21 - 1.21, kEps);
}

TEST(RunSummary, stopping_behind_the_loops_clock_leaves_it_there) {
    Started run("count", {{"n", int64_t{2}}, {"delay", 1.0}});
    run.run_until(1.5);   // the 1 s sleeps fired: the clock is at 1
    ASSERT_DOUBLE_EQ(run.loop.time(), 1.0);
    stop_run(run.loop, 0.5);
    EXPECT_DOUBLE_EQ(run.loop.time(), 1.0);
}

// The tally's figures are the same bits however often it was brought up to date: the page updates
// it every frame, a state rebuilt for an earlier moment (or another page replaying the run) once.
// Every demo, and a deep crawl, whose many pages each close spans at their own times.
TEST(SummaryTally, updated_each_iteration_or_once_it_gives_the_same_figures_to_the_bit) {
    std::vector<std::pair<std::string, Params>> runs;
    for (const Demo* d : all_demos()) runs.push_back({d->name, {}});
    runs.push_back({"crawler", {{"depth", int64_t{5}}}});
    for (const auto& [name, given] : runs) {
        SCOPED_TRACE(name);
        Started run(name, given);
        aio::VirtualHost host(run.loop);
        SummaryTally each, every_fifth;
        int iterations = 0;
        while (!run.main.done() && host.step()) {
            each.update(run.trace, run.loop.time());
            if (++iterations % 5 == 0) every_fifth.update(run.trace, run.loop.time());
            SummaryTally once;
            once.update(run.trace, run.loop.time());
            const aio::Time now = run.loop.time();
            const RunSummary a = each.at(run.trace, now), b = once.at(run.trace, now);
            ASSERT_EQ(a.work, b.work) << "iteration " << iterations;
            ASSERT_EQ(a.others, b.others) << "iteration " << iterations;
            ASSERT_EQ(a.blocked, b.blocked) << "iteration " << iterations;
            ASSERT_EQ(a.elapsed, b.elapsed) << "iteration " << iterations;
            ASSERT_EQ(a.saved, b.saved) << "iteration " << iterations;
            ASSERT_EQ(a.working, b.working) << "iteration " << iterations;
            ASSERT_EQ(a.tasks, b.tasks) << "iteration " << iterations;
            const RunSummary c = summarise(run.trace, now);
            EXPECT_NEAR(a.work, c.work, kEps);
            EXPECT_NEAR(a.others, c.others, kEps);
        }
        every_fifth.update(run.trace, run.loop.time());
        const RunSummary a = each.at(run.trace, run.loop.time()), b = every_fifth.at(run.trace, run.loop.time());
        EXPECT_EQ(a.work, b.work);
        EXPECT_EQ(a.others, b.others);
        EXPECT_EQ(a.blocked, b.blocked);
        EXPECT_GT(iterations, 2);
        aio::cancel_all_tasks(run.loop);
    }
}

}  // namespace
