// Coro (runtime/coro.hpp): a coroutine runs only when awaited, inline in the awaiting task; its
// value or exception comes back at the await; frames carry the names await stacks show.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace {
using aio_test::Lines;
using aio_test::Log;

// The labels of a task's frames, outermost first ("?" for a frame nobody named).
Lines frame_labels(const aio::TaskBase& t) {
    Lines out;
    for (const aio::detail::FrameBase* f = t.top_frame(); f; f = f->parent)
        out.insert(out.begin(), f->label ? *f->label : "?");
    return out;
}

aio::Coro<int> add(int a, int b) {
    co_await aio::sleep(0);
    co_return a + b;
}

TEST(Coro, awaiting_a_coroutine_returns_its_value) {
    EXPECT_EQ(aio::run(add(2, 3)), 5);
}

struct Boom : std::runtime_error { Boom() : std::runtime_error("boom") {} };

aio::Coro<int> fails() {
    co_await aio::sleep(0.5);
    throw Boom();
}

TEST(Coro, exception_is_reraised_where_awaited) {
    std::string caught = aio::run([]() -> aio::Coro<std::string> {
        try {
            co_await fails();
        } catch (const Boom& b) {
            co_return b.what();
        }
        co_return "none";
    }());
    EXPECT_EQ(caught, "boom");
}

aio::Coro<void> throws_at_once() {
    throw std::out_of_range("before any await");
    co_return;
}
aio::Coro<void> passes_it_on() { co_await throws_at_once(); }

// An exception crosses every frame up to the one that catches it, and that frame is the task's
// innermost again: the frames in between are gone.
TEST(Coro, exception_crosses_frames_up_to_the_one_that_catches_it) {
    const Lines after = aio::run([]() -> aio::Coro<Lines> {
        co_await aio::frame_name("catcher");
        try {
            co_await passes_it_on().named("passes_it_on");
        } catch (const std::out_of_range& e) {
            EXPECT_STREQ(e.what(), "before any await");
        }
        co_return frame_labels(*aio::current_task());
    }());
    EXPECT_EQ(after, (Lines{"catcher"}));
}

TEST(Coro, does_nothing_until_awaited) {
    aio::run([]() -> aio::Coro<void> {
        bool ran = false;
        auto c = [](bool& ran) -> aio::Coro<void> {
            ran = true;
            co_return;
        }(ran);
        co_await aio::sleep(1);
        EXPECT_FALSE(ran);
        co_await std::move(c);
        EXPECT_TRUE(ran);
    }());
}

// Destroying a coroutine that never ran runs none of its body and frees what its frame holds.
TEST(Coro, destroying_an_unstarted_coroutine_runs_nothing_and_frees_its_frame) {
    auto held = std::make_shared<int>(1);
    bool ran = false;
    {
        auto c = [](std::shared_ptr<int> p, bool& ran) -> aio::Coro<int> {
            ran = true;
            co_return *p;
        }(held, ran);
        EXPECT_EQ(held.use_count(), 2);   // the frame's copy
    }
    EXPECT_EQ(held.use_count(), 1);
    EXPECT_FALSE(ran);
}

// Awaiting a coroutine takes no trip through the loop: a coroutine that does not suspend finishes
// in the same iteration, before any other ready task runs.
TEST(Coro, awaiting_runs_it_inline_in_the_same_iteration) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        auto other = aio::create_task([](Log& log) -> aio::Coro<void> {
            log("other runs");
            co_return;
        }(log), "other");
        const uint64_t before = aio::get_running_loop().iteration();
        const int v = co_await [](Log& log) -> aio::Coro<int> {
            log("inner runs");
            co_return 3;
        }(log);
        EXPECT_EQ(v, 3);
        EXPECT_EQ(aio::get_running_loop().iteration(), before);
        co_await other;
    }(log));
    EXPECT_EQ(log.lines, (Lines{"0.00 Task-1: inner runs", "0.00 other: other runs"}));
}

aio::Coro<void> inner() {
    co_await aio::frame_name("inner");
    co_await aio::sleep(5);
}
aio::Coro<void> middle(int n) {
    co_await aio::frame_name("middle(" + std::to_string(n) + ")");
    co_await inner();
}

// frame_name() names the running frame; .named() names a coroutine before it is awaited. A
// waiting task's frames, innermost to outermost, are its await stack.
TEST(Coro, frame_names_make_the_await_stack_of_a_waiting_task) {
    aio::Loop loop;
    auto t = aio::create_task(loop, []() -> aio::Coro<void> {
        co_await aio::frame_name("outer");
        co_await middle(2);
        co_await middle(3).named("renamed");
    }(), "t");
    loop.run_once();
    EXPECT_EQ(frame_labels(*t.base()), (Lines{"outer", "middle(2)", "inner"}));
    aio::VirtualHost host(loop);
    host.run_until(5);
    // The second middle names itself on entry, replacing the label .named() gave it.
    EXPECT_EQ(frame_labels(*t.base()), (Lines{"outer", "middle(3)", "inner"}));
    host.run_until_complete(*t.base());
    EXPECT_EQ(t.base()->top_frame(), nullptr);
}

TEST(Coro, named_labels_a_frame_that_does_not_name_itself) {
    aio::Loop loop;
    auto t = aio::create_task(loop, []() -> aio::Coro<void> { co_await aio_test::forever().named("forever()"); }(), "t");
    loop.run_once();
    EXPECT_EQ(frame_labels(*t.base()), (Lines{"?", "forever()"}));
    aio::cancel_all_tasks(loop);
}

TEST(Coro, frame_name_never_suspends) {
    aio::run([]() -> aio::Coro<void> {
        aio::Loop& loop = aio::get_running_loop();
        const uint64_t before = loop.iteration();
        co_await aio::frame_name("named");
        EXPECT_EQ(loop.iteration(), before);
        EXPECT_EQ(aio::current_task()->state(), aio::TaskState::Running);
    }());
}

}  // namespace
