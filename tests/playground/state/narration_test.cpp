// Narrator (playground/state/narration.hpp): demos told iteration by iteration, checked against
// worked examples read off the scripts (count, chain, queue), and the Trace behind it still fed.
#include "playground/state/narration.hpp"

#include "playground/demos/context.hpp"
#include "runtime/aio.hpp"
#include "runtime/hosts/virtual_host.hpp"
#include "runtime/trace.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using aio::page::Account;

// The demo run to its end on the virtual clock, a Trace attached first and the Narrator on top.
struct Told {
    aio::Loop loop;
    aio::VirtualHost host{loop};
    aio::Trace trace;
    aio::page::Narrator narrator;
    aio::demos::Context ctx;
    aio::Task<void> main;
    Told(const std::string& demo, const aio::demos::Params& given)
        : narrator(*aio::demos::find_demo(demo)),
          ctx(aio::demos::virtual_context(loop, [this](const std::string& line) { narrator.printed(line); })) {
        trace.attach(loop);
        narrator.attach(loop);
        ctx.entropy.seed(1);
        const aio::demos::Demo& d = *aio::demos::find_demo(demo);
        main = aio::create_task(loop, d.main(ctx, aio::demos::resolve_params(d, given)), "main");
        while (!main.done() && host.step()) {}
    }
    ~Told() {
        aio::cancel_all_tasks(loop);
        narrator.detach();
        trace.detach();
    }
    std::vector<std::string> texts() const {
        std::vector<std::string> out;
        for (const Account& a : narrator.accounts()) out.push_back(aio::page::to_text(a));
        return out;
    }
};

bool has(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

// countasync.py with n = 2: line 16 is `await asyncio.sleep(delay)`, line 20 main's gather.
TEST(Narrator, tells_count_iteration_by_iteration) {
    Told t("count", {{"n", int64_t{2}}, {"delay", 1.0}});
    EXPECT_EQ(t.texts(), (std::vector<std::string>{
        "t = 0.00 s, iteration 1: main started, created Task-1 and Task-2, and now waits on gather(2 awaitables) at line 20.",
        "t = 0.00 s, iteration 2: Task-1 started, printed \"One\" and now waits on sleep(1) at line 16. "
        "Task-2 started, printed \"One\" and now waits on sleep(1) at line 16.",
        "t = 1.00 s, iteration 3: The sleep(1) of Task-1 ended. The sleep(1) of Task-2 ended.",
        "t = 1.00 s, iteration 4: Task-1 resumed at line 16, printed \"Two\" and finished. "
        "Task-2 resumed at line 16, printed \"Two\" and finished.",
        "t = 1.00 s, iteration 5: The gather(2 awaitables) of main is done.",
        "t = 1.00 s, iteration 6: main resumed at line 20, printed \"countasync.py executed in 1.00 seconds.\" and finished."}));
}

// chain.py with its defaults (seed 444): part1 sleeps at line 15, part2 at 23; Task-3's part1
// sleeps 0 s, which gives the loop a turn and goes on in the next iteration.
TEST(Narrator, tells_chain_with_a_zero_sleep_and_each_chain_ending) {
    Told t("chain", {});
    const std::vector<std::string> texts = t.texts();
    EXPECT_TRUE(has(texts, "t = 0.00 s, iteration 1: main started, created Task-1, Task-2 and Task-3, and now waits on gather(3 awaitables) at line 36."));
    EXPECT_TRUE(has(texts, "t = 0.00 s, iteration 3: Task-3 resumed, printed \"Returning part1(3) == result3-1.\" and "
                           "\"part2(3, 'result3-1') sleeping for 4 seconds.\", and now waits on sleep(4) at line 23."));
    EXPECT_TRUE(has(texts, "t = 11.00 s, iteration 10: The sleep(7) of Task-1 ended."));
    EXPECT_TRUE(has(texts, "t = 11.00 s, iteration 13: main resumed at line 36, printed \"Program finished in 11.00 seconds.\" and finished."));
    EXPECT_NE(texts.at(1).find("Task-3 started, printed \"part1(3) sleeping for 0 seconds.\" and gave the loop a turn."), std::string::npos) << texts.at(1);
}

// asyncq.py with one producer and one consumer: the consumer waits on queue.get (line 37) until
// the producer's first put, and main on queue.join (line 48) until the last item is done.
TEST(Narrator, tells_queue_waits_on_get_and_join) {
    Told t("queue", {{"producers", int64_t{1}}, {"consumers", int64_t{1}}});
    const std::vector<std::string> texts = t.texts();
    EXPECT_TRUE(has(texts, "t = 0.00 s, iteration 3: Task-2 resumed and now waits on queue.get at line 37."));
    EXPECT_NE(texts.at(4).find("The queue.get of Task-2 is done."), std::string::npos) << texts.at(4);
    EXPECT_TRUE(has(texts, "t = 20.00 s, iteration 17: The gather(1 awaitable) of main is done."));
    EXPECT_TRUE(has(texts, "t = 20.00 s, iteration 18: main resumed at line 47 and now waits on queue.join at line 48."));
    EXPECT_NE(texts.back().find("main resumed at line 48, printed \"Program completed in 25.00000 seconds.\" and finished."), std::string::npos)
        << texts.back();
}

TEST(Narrator, the_trace_behind_it_records_every_task_and_gets_the_loop_back) {
    Told t("count", {{"n", int64_t{3}}});
    ASSERT_EQ(t.trace.tasks().size(), 4u);
    for (const aio::TaskRecord& r : t.trace.tasks()) EXPECT_EQ(r.state, aio::TaskState::Done) << r.display_name();
    EXPECT_EQ(t.loop.recorder(), &t.narrator);
    t.narrator.detach();
    EXPECT_EQ(t.loop.recorder(), &t.trace);
}

TEST(Narrator, keeps_the_latest_accounts_only) {
    aio::Loop loop;
    aio::VirtualHost host{loop};
    aio::page::Narrator narrator(*aio::demos::find_demo("count"), 2);
    narrator.attach(loop);
    auto ctx = aio::demos::virtual_context(loop, [&](const std::string& line) { narrator.printed(line); });
    const aio::demos::Demo& d = *aio::demos::find_demo("count");
    aio::Task<void> main = aio::create_task(loop, d.main(ctx, aio::demos::resolve_params(d, {})), "main");
    while (!main.done() && host.step()) {}
    const std::vector<Account> kept = narrator.accounts();
    ASSERT_EQ(kept.size(), 2u);
    EXPECT_EQ(kept.back().iteration, loop.iteration());
    EXPECT_EQ(kept.front().iteration + 1, kept.back().iteration);
}

}  // namespace
