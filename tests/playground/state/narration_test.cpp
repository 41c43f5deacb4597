// Narrator (playground/state/narration.hpp): demos told iteration by iteration, checked against
// worked examples read off the scripts (count, chain, queue), and the Trace behind it still fed.
#include "playground/state/narration.hpp"

#include "playground/demos/context.hpp"
#include "runtime/aio.hpp"
#include "runtime/hosts/virtual_host.hpp"
#include "runtime/trace.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
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
          ctx(aio::demos::virtual_context(loop, [](const std::string&) {})) {
        trace.attach(loop);
        narrator.attach(ctx);
        ctx.entropy.seed(1);
        ctx.base_url = "http://127.0.0.1:8000/index.html";
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
        "t = 0.00 s, iteration 2: Each of Task-1 and Task-2 started, printed \"One\" and now waits on sleep(1) at line 16.",
        "t = 1.00 s, iteration 3: The sleep(1) of Task-1 and Task-2 ended.",
        "t = 1.00 s, iteration 4: Each of Task-1 and Task-2 resumed at line 16, printed \"Two\" and finished.",
        "t = 1.00 s, iteration 5: The gather(2 awaitables) of main is done.",
        "t = 1.00 s, iteration 6: main resumed at line 20 and finished. "
        "After asyncio.run() returned, the script printed \"countasync.py executed in 1.00 seconds.\""}));
}

// chain.py with its defaults (seed 444): part1 sleeps at line 15, part2 at 23; Task-3's part1
// sleeps 0 s, which gives the loop a turn and goes on in the next iteration.
TEST(Narrator, tells_chain_with_a_zero_sleep_and_each_chain_ending) {
    Told t("chain", {});
    const std::vector<std::string> texts = t.texts();
    EXPECT_TRUE(has(texts, "t = 0.00 s, iteration 1: main started, created Task-1, Task-2 and Task-3, and now waits on gather(3 awaitables) at line 36."));
    EXPECT_TRUE(has(texts, "t = 0.00 s, iteration 3: Task-3 resumed at line 15, printed \"Returning part1(3) == result3-1.\" and "
                           "\"part2(3, 'result3-1') sleeping for 4 seconds.\", and now waits on sleep(4) at line 23."));
    EXPECT_TRUE(has(texts, "t = 11.00 s, iteration 10 (iteration 9 ran only callbacks): The sleep(7) of Task-1 ended."));
    EXPECT_TRUE(has(texts, "t = 11.00 s, iteration 13: main resumed at line 36 and finished. "
                           "After asyncio.run() returned, the script printed \"Program finished in 11.00 seconds.\""));
    EXPECT_NE(texts.at(1).find("Task-3 started, printed \"part1(3) sleeping for 0 seconds.\" and gave the loop a turn at line 15."), std::string::npos) << texts.at(1);
}

// asyncq.py with one producer and one consumer: the consumer, back from its sleep(0) at line 23,
// waits on queue.get (line 37) until the producer's first put wakes it, and main on queue.join
// (line 48) until the last item is done.
TEST(Narrator, tells_queue_waits_on_get_and_join) {
    Told t("queue", {{"producers", int64_t{1}}, {"consumers", int64_t{1}}});
    const std::vector<std::string> texts = t.texts();
    EXPECT_TRUE(has(texts, "t = 0.00 s, iteration 3: Task-2 resumed at line 23 and now waits on queue.get at line 37, because q is empty."));
    EXPECT_NE(texts.at(4).find("Task-2's q.get() is woken: an item was put in q, so Task-2 will resume."), std::string::npos) << texts.at(4);
    EXPECT_TRUE(has(texts, "t = 20.00 s, iteration 17: The gather(1 awaitable) of main is done."));
    EXPECT_TRUE(has(texts, "t = 20.00 s, iteration 18: main resumed at line 47 and now waits on queue.join at line 48, "
                           "because q has 1 item not yet marked done by task_done()."));
    EXPECT_NE(texts.back().find("main resumed at line 48 and finished. The sleep(7) of Task-2 was cancelled. "
                                   "After asyncio.run() returned, the script printed \"Program completed in 25.00000 seconds.\""), std::string::npos)
        << texts.back();
}

// Three producers, one consumer, maxsize 1 (asyncq.py -p 3 -c 1 -m 1): producers block in put.
// Each put the narration calls blocked was made with the queue at its maxsize, as the trace's
// record of q's level says.
TEST(Narrator, tells_why_a_producer_waits_in_put) {
    Told t("queue", {{"producers", int64_t{3}}, {"consumers", int64_t{1}}, {"maxsize", int64_t{1}}});
    size_t blocked = 0;
    for (const Account& a : t.narrator.accounts())
        for (const std::string& s : a.sentences) {
            if (s.find("now waits on queue.put") == std::string::npos) continue;
            EXPECT_NE(s.find("now waits on queue.put at line 31, because q is full: it holds its maxsize of 1 item."), std::string::npos) << s;
            ++blocked;
        }
    EXPECT_GE(blocked, 2u) << "producers that find the queue full wait in put";
}

// Read aloud, printed lines are counted, not quoted, and the sentences that say why (a wait's
// cause, a wait that ended) are marked; the others are not.
TEST(Narrator, keeps_a_short_spoken_form_of_each_sentence_and_marks_those_that_say_why) {
    Told t("queue", {{"producers", int64_t{3}}, {"consumers", int64_t{1}}, {"maxsize", int64_t{1}}});
    size_t counted = 0, full = 0, plain = 0;
    for (const Account& a : t.narrator.accounts()) {
        ASSERT_EQ(a.spoken.size(), a.sentences.size());
        ASSERT_EQ(a.why.size(), a.sentences.size());
        for (size_t i = 0; i < a.sentences.size(); ++i) {
            const std::string& s = a.sentences[i];
            const std::string& said = a.spoken[i];
            EXPECT_EQ(said.find('"'), std::string::npos) << said;
            if (s.find("printed \"Producer") != std::string::npos && s.find("\" and \"") != std::string::npos) {
                EXPECT_NE(said.find("printed 2 lines"), std::string::npos) << said;
                ++counted;
            }
            if (s.find("because q is full") != std::string::npos) {
                EXPECT_TRUE(a.why[i]) << s;
                EXPECT_NE(said.find("because q is full: it holds its maxsize of 1 item."), std::string::npos) << said;
                ++full;
            }
            if (s.find("because") == std::string::npos && s.find("ended") == std::string::npos && s.find("woken") == std::string::npos &&
                s.find("cancelled") == std::string::npos && s.find("failed") == std::string::npos && s.find("is done") == std::string::npos &&
                s.find("is over") == std::string::npos && s.find("is ready") == std::string::npos && s.find("while") == std::string::npos &&
                s.find("until") == std::string::npos && s.find("again") == std::string::npos) {
                EXPECT_FALSE(a.why[i]) << s;
                ++plain;
            }
        }
    }
    EXPECT_GE(counted, 1u);
    EXPECT_GE(full, 2u);
    EXPECT_GE(plain, 1u);
}

// countasync.py's blocking twin: time.sleep at line 14 holds the loop, and the narration says so.
TEST(Narrator, tells_a_blocking_call_in_its_place_between_the_prints) {
    Told t("count", {{"n", int64_t{2}}, {"blocking", true}});
    const std::vector<std::string> texts = t.texts();
    // Told call by call, at the clock's time after each: an account shown while a call plays out
    // tells nothing the loop did after it. What a blocking call means is said once.
    EXPECT_TRUE(has(texts, "t = 0.00 s, iteration 2: Task-1 started, printed \"One\" and blocked the whole loop for 1.00 s in time.sleep "
                           "at line 14 (a blocking call: no other task could run meanwhile).")) << texts.at(1);
    EXPECT_TRUE(has(texts, "t = 1.00 s, iteration 2: Task-1 printed \"Two\" and finished. Task-2 started, printed \"One\" and blocked "
                           "the whole loop for 1.00 s in time.sleep at line 14. The gather in main is still waiting for Task-2.")) << texts.at(2);
    EXPECT_TRUE(has(texts, "t = 2.00 s, iteration 2: Task-2 printed \"Two\" and finished.")) << texts.at(3);
    EXPECT_TRUE(has(texts, "t = 2.00 s, iteration 3: The gather(2 awaitables) of main is done."));
}

// chain.py: the chains end one by one, and main's gather is told waiting for those left.
TEST(Narrator, tells_what_a_gather_still_waits_for_as_its_tasks_end) {
    Told t("chain", {});
    const std::vector<std::string> texts = t.texts();
    auto told = [&](uint64_t iteration) {
        for (const Account& a : t.narrator.accounts())
            if (a.iteration == iteration) return aio::page::to_text(a);
        return std::string();
    };
    EXPECT_NE(told(5).find("Task-3 resumed at line 23, printed"), std::string::npos) << told(5);
    EXPECT_NE(told(5).find("and finished. The gather in main is still waiting for Task-1 and Task-2."), std::string::npos) << told(5);
    EXPECT_NE(told(8).find("and finished. The gather in main is still waiting for Task-1."), std::string::npos) << told(8);
    EXPECT_EQ(told(11).find("still waiting"), std::string::npos) << "the last one ended: " << told(11);
}

// areq.py with one request at a time: each task waits on the semaphore while another's fetch is
// in flight, and the gather's list of those left is cut to a few names.
TEST(Narrator, tells_fetches_in_flight_and_a_semaphore_at_its_limit) {
    Told t("crawler", {{"concurrency", int64_t{1}}});
    const std::vector<std::string> texts = t.texts();
    ASSERT_GE(texts.size(), 5u);
    EXPECT_NE(texts.at(1).find("Task-1 started and now waits on fetch http://127.0.0.1:8000/sample-site/index.html at line 21, "
                               "while its request is in flight (other tasks run meanwhile)."), std::string::npos) << texts.at(1);
    EXPECT_NE(texts.at(1).find("Each of Task-2, Task-3, Task-4, Task-5, Task-6 and Task-7 started and now waits on semaphore at line 30, "
                               "because sem is at its limit: all 1 taken."),
              std::string::npos) << texts.at(1);
    EXPECT_NE(texts.at(3).find("The wait of Task-2 on sem is over. The gather in main is still waiting for Task-2, Task-3, Task-4 and 3 more."),
              std::string::npos) << texts.at(3);
}

// A busy iteration tells its first tasks one by one and counts the others, so an account stays
// readable (and small) when 10,000 tasks start at once.
TEST(Narrator, counts_the_tasks_of_a_busy_iteration_past_the_first_twelve) {
    Told t("count", {{"n", int64_t{10000}}});
    const std::vector<Account> told = t.narrator.accounts();
    ASSERT_GE(told.size(), 3u);
    EXPECT_EQ(aio::page::to_text(told[0]), "t = 0.00 s, iteration 1: main started, created Task-1, Task-2, Task-3, Task-4, Task-5, "
                                           "Task-6, Task-7, Task-8, Task-9, Task-10 and 9,990 more, and now waits on gather(10000 awaitables) at line 20.");
    ASSERT_EQ(told[1].sentences.size(), 2u);
    EXPECT_EQ(told[1].sentences[0], "Each of Task-1, Task-2, Task-3, Task-4, Task-5, Task-6, Task-7, Task-8, Task-9, Task-10, Task-11 and Task-12 "
                                    "started, printed \"One\" and now waits on sleep(1) at line 16.");
    EXPECT_EQ(told[1].sentences[1], "9,988 more tasks ran as well, printing 9,988 lines: 9,988 now wait.");
    ASSERT_EQ(told[2].sentences.size(), 2u) << "the twelve sleeps told one by one end alike: one sentence";
    EXPECT_EQ(told[2].sentences[0], "The sleep(1) of Task-1, Task-2, Task-3, Task-4, Task-5, Task-6, Task-7, Task-8, Task-9, Task-10, Task-11 and Task-12 ended.");
    EXPECT_EQ(told[2].sentences[1], "The waits of 9,988 more tasks ended as well.");
    for (const Account& a : told) EXPECT_LE(a.sentences.size(), 14u) << aio::page::to_text(a);
}

// asyncq.py -p 2 -c 2 -m 1: in one iteration a producer blocks in put on the full queue, then a
// consumer's get makes room and wakes it. The account tells them in that order.
TEST(Narrator, tells_a_wake_up_after_what_caused_it_in_the_same_iteration) {
    Told t("queue", {{"producers", int64_t{2}}, {"consumers", int64_t{2}}, {"maxsize", int64_t{1}}, {"items_min", int64_t{5}}});
    size_t seen = 0;
    for (const Account& a : t.narrator.accounts())
        for (size_t i = 0; i < a.sentences.size(); ++i) {
            const std::string& s = a.sentences[i];
            if (s.find("'s q.put() is woken: an item was taken from q, so ") == std::string::npos) continue;
            const std::string task = s.substr(0, s.find('\''));
            // Woken in the iteration it blocked in: its blocking, then a get, come first.
            size_t blocked = a.sentences.size(), got = a.sentences.size();
            for (size_t j = 0; j < i; ++j) {
                if (a.sentences[j].rfind(task + " ", 0) == 0 && a.sentences[j].find("now waits on queue.put") != std::string::npos) blocked = j;
                if (a.sentences[j].find(" got element ") != std::string::npos) got = j;
            }
            if (blocked == a.sentences.size()) continue;   // it blocked in an earlier iteration
            EXPECT_LT(blocked, got) << aio::page::to_text(a);
            EXPECT_LT(got, i) << aio::page::to_text(a);
            ++seen;
        }
    EXPECT_GE(seen, 1u) << "a producer is woken in the iteration it blocked in";
}

// rand.py colours its lines: the narration quotes them as a terminal shows them.
TEST(Narrator, quotes_printed_lines_without_their_colour_codes) {
    Told t("rand", {});
    size_t printed = 0;
    for (const std::string& text : t.texts()) {
        EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
        printed += text.find("printed \"Initiated makerandom(0).\"") != std::string::npos;
    }
    EXPECT_EQ(printed, 1u);
}

// as_completed hands out one result at a time: as each task ends, main's wait has its next
// result; it is never told as still waiting for the others.
TEST(Narrator, tells_as_completed_one_result_at_a_time) {
    Told t("as_completed", {});
    size_t ready = 0;
    for (const std::string& text : t.texts()) {
        EXPECT_EQ(text.find("as_completed in main is still waiting"), std::string::npos) << text;
        EXPECT_EQ(text.find("The as_completed(2 awaitables) of main is done"), std::string::npos) << text;
        ready += text.find("The next result of as_completed(2 awaitables) for main is ready.") != std::string::npos;
    }
    EXPECT_EQ(ready, 2u) << "one for each of the two tasks";
}

// asyncq.py -p 2 -c 2 -m 1, seed 444: a put wakes one waiting consumer, but the other, running
// already, takes the item first; the woken one finds q empty and is told why it waits again.
TEST(Narrator, tells_a_woken_getter_that_another_took_the_item) {
    Told t("queue", {{"producers", int64_t{2}}, {"consumers", int64_t{2}}, {"maxsize", int64_t{1}}});
    size_t beaten = 0;
    for (const std::string& text : t.texts())
        beaten += text.find("now waits on queue.get at line 37, because q is empty again: another task took the item first.") != std::string::npos;
    EXPECT_GE(beaten, 1u);
}

TEST(Narrator, once_detached_the_demo_prints_and_blocks_as_before) {
    aio::Loop loop;
    aio::VirtualHost host{loop};
    std::vector<std::string> lines;
    auto ctx = aio::demos::virtual_context(loop, [&](const std::string& line) { lines.push_back(line); });
    {
        aio::page::Narrator narrator(*aio::demos::find_demo("count"));
        narrator.attach(ctx);
        ctx.print("told");
        ctx.block(2);
        ASSERT_EQ(narrator.accounts().size(), 1u);
        EXPECT_EQ(narrator.accounts().front().sentences, std::vector<std::string>{"Printed \"told\"."});
    }
    ctx.print("after");
    ctx.block(1);
    EXPECT_EQ(lines, (std::vector<std::string>{"told", "after"}));
    EXPECT_EQ(loop.time(), 3.0);
    EXPECT_EQ(loop.recorder(), nullptr);
}

// Accounts are bounded by sentences as well as by count: one iteration of a 10,000-task run tells
// 10,000, and four thousand such would be gigabytes.
TEST(Narrator, keep_latest_drops_the_oldest_by_count_and_by_sentences) {
    auto account = [](uint64_t i, size_t sentences) {
        Account a;
        a.iteration = i;
        for (size_t k = 0; k < sentences; ++k) aio::page::tell(a, "s");
        return a;
    };
    std::deque<Account> older{account(1, 5), account(2, 5)}, newer{account(3, 5), account(4, 5)};
    aio::page::keep_latest(older, newer, 10, 12);
    EXPECT_TRUE(older.empty());
    ASSERT_EQ(newer.size(), 2u);
    EXPECT_EQ(newer.front().iteration, 3u);
    aio::page::keep_latest(older, newer, 1, 100);
    ASSERT_EQ(newer.size(), 1u);
    EXPECT_EQ(newer.front().iteration, 4u);
    std::deque<Account> huge{account(5, 50)};
    aio::page::keep_latest(huge, older, 10, 12);
    EXPECT_EQ(huge.size(), 1u) << "the newest account stays, however long";
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
    auto ctx = aio::demos::virtual_context(loop, [](const std::string&) {});
    narrator.attach(ctx);
    const aio::demos::Demo& d = *aio::demos::find_demo("count");
    aio::Task<void> main = aio::create_task(loop, d.main(ctx, aio::demos::resolve_params(d, {})), "main");
    while (!main.done() && host.step()) {}
    const std::vector<Account> kept = narrator.accounts();
    ASSERT_EQ(kept.size(), 2u);
    EXPECT_EQ(kept.back().iteration, loop.iteration());
    EXPECT_EQ(kept.front().iteration + 1, kept.back().iteration);
}

}  // namespace
// asyncgen.py with u = 3: an async generator runs inside the task that iterates it (main), in
// the same step, yielding at line 17 and sleeping at line 19; each comprehension has its own mygen.
TEST(Narrator, tells_an_async_generator_yielding_inside_the_task_that_iterates_it) {
    Told t("asyncgen", {{"u", int64_t{3}}});
    const std::vector<std::string> texts = t.texts();
    ASSERT_GE(texts.size(), 7u);
    EXPECT_EQ(texts.at(0), "t = 0.00 s, iteration 1: main started, asked a new mygen(3) for its first value and got 1 (yielded at line 17), "
                           "asked mygen(3) for its next value, and now waits on sleep(0.1) at line 19 in mygen(3).");
    EXPECT_EQ(texts.at(1), "t = 0.10 s, iteration 2: The sleep(0.1) of main ended.");
    EXPECT_EQ(texts.at(2), "t = 0.10 s, iteration 3: main resumed at line 19 in mygen(3), got 2 from mygen(3) (yielded at line 17), "
                           "asked mygen(3) for its next value and now waits on sleep(0.1) at line 19 in mygen(3).");
    EXPECT_EQ(texts.at(6), "t = 0.30 s, iteration 7: main resumed at line 19 in mygen(3), saw mygen(3) return (StopAsyncIteration ended the async for), "
                           "printed \"g = [1, 2, 4]\", asked a new mygen(3) for its first value and got 1 (yielded at line 17), "
                           "asked mygen(3) for its next value, and now waits on sleep(0.1) at line 19 in mygen(3).");
}

// Every demo, told from its start: an iteration that tells nothing (only callbacks ran, such as
// a finished task's done-callbacks) is named in the heading of the account after it.
TEST(Narrator, no_iteration_goes_missing_from_the_accounts) {
    for (const aio::demos::Demo* d : aio::demos::all_demos()) {
        Told t(d->name, {});
        uint64_t last = 0;
        for (const Account& a : t.narrator.accounts()) {
            const std::string head = aio::page::heading(a);
            if (a.iteration > last + 1) {
                const std::string skipped = a.iteration == last + 2 ? "(iteration " + std::to_string(last + 1) + " ran only callbacks)"
                                                                    : "(iterations " + std::to_string(last + 1) + "-" + std::to_string(a.iteration - 1) + " ran only callbacks)";
                EXPECT_NE(head.find(skipped), std::string::npos) << d->name << ": " << head;
            } else {
                EXPECT_EQ(head.find("ran only callbacks"), std::string::npos) << d->name << ": " << head;
            }
            last = a.iteration;
        }
    }
}

// crawler's first tasks each start and wait on their own fetch: one sentence names them all.
TEST(Narrator, tells_tasks_that_did_the_same_in_one_sentence) {
    Told t("crawler", {});
    const std::vector<std::string> texts = t.texts();
    ASSERT_GE(texts.size(), 2u);
    EXPECT_EQ(texts.at(1), "t = 0.00 s, iteration 2: Each of Task-1, Task-2, Task-3, Task-4, Task-5, Task-6 and Task-7 started and now waits on "
                           "its fetch at line 21, while its request is in flight (other tasks run meanwhile): "
                           "http://127.0.0.1:8000/sample-site/index.html, http://127.0.0.1:8000/sample-site/about.html, "
                           "http://127.0.0.1:8000/sample-site/blog/index.html, http://127.0.0.1:8000/sample-site/docs, "
                           "http://127.0.0.1:8000/sample-site/notes.txt, http://127.0.0.1:8000/sample-site/slow-brew.html and "
                           "http://127.0.0.1:8000/sample-site/teapots.html respectively.");
}
