// create_task (runtime/create_task.hpp): as asyncio.create_task, a task is scheduled, not run, and
// tasks start in creation order; unnamed tasks are "Task-<n>"; a task knows who created it.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace {
using aio_test::forever;
using aio_test::Lines;
using aio_test::Log;

aio::Coro<void> says(Log& log, std::string what) {
    log(what);
    co_return;
}

// asyncio.create_task schedules the first step: the creator runs on until it awaits, then the
// new tasks start in the order they were made.
TEST(CreateTask, schedules_the_first_step_and_tasks_start_in_creation_order) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        auto a = aio::create_task(says(log, "a starts"), "a");
        auto b = aio::create_task(says(log, "b starts"), "b");
        EXPECT_EQ(a.base()->state(), aio::TaskState::Pending);
        log("main goes on");
        co_await aio::sleep(0);
        EXPECT_TRUE(a.done());
        EXPECT_TRUE(b.done());
    }(log));
    EXPECT_EQ(log.lines, (Lines{"0.00 Task-1: main goes on", "0.00 a: a starts", "0.00 b: b starts"}));
}

TEST(CreateTask, a_task_made_outside_the_loop_waits_for_its_first_iteration) {
    aio::Loop loop;
    bool ran = false;
    auto t = aio::create_task(loop, [](bool& ran) -> aio::Coro<int> {
        ran = true;
        co_return 4;
    }(ran));
    EXPECT_FALSE(ran);
    EXPECT_EQ(loop.ready_count(), 1u);
    loop.run_once();
    EXPECT_TRUE(ran);
    EXPECT_EQ(t.result(), 4);
}

// CPython numbers only the tasks it names itself: Task-1, Task-2, ... skip the named ones.
TEST(CreateTask, unnamed_tasks_are_numbered_task_n_in_creation_order) {
    const Lines names = aio::run([]() -> aio::Coro<Lines> {
        auto a = aio::create_task(forever());
        auto b = aio::create_task(forever(), "named");
        auto c = aio::create_task(forever());
        co_return Lines{aio::current_task()->name(), a.name(), b.name(), c.name()};
    }());
    EXPECT_EQ(names, (Lines{"Task-1", "Task-2", "named", "Task-3"}));
}

TEST(CreateTask, ids_count_every_task_and_parents_are_their_creators) {
    aio::Loop loop;
    auto outside = aio::create_task(loop, forever(), "outside");
    auto main = aio::create_task(loop, []() -> aio::Coro<uint32_t> {
        auto child = aio::create_task(forever(), "child");
        co_return child.base()->parent_id();
    }(), "main");
    aio::VirtualHost(loop).run_until_complete(*main.base());
    EXPECT_EQ(outside.id(), 1u);
    EXPECT_EQ(main.id(), 2u);
    EXPECT_EQ(outside.base()->parent_id(), 0u);   // made by no task
    EXPECT_EQ(main.base()->parent_id(), 0u);
    EXPECT_EQ(main.result(), main.id());          // the child's parent
    EXPECT_EQ(loop.tasks_created(), 3u);
    aio::cancel_all_tasks(loop);
}

TEST(CreateTask, set_name_renames_and_default_name_number_stays) {
    aio::Loop loop;
    auto t = aio::create_task(loop, forever());
    EXPECT_FALSE(t.base()->has_custom_name());
    EXPECT_EQ(t.base()->default_name_number(), 1u);
    t.set_name("worker");
    EXPECT_EQ(t.name(), "worker");
    EXPECT_TRUE(t.base()->has_custom_name());
    aio::cancel_all_tasks(loop);
}

TEST(CreateTask, current_task_is_the_running_task_and_null_outside) {
    EXPECT_EQ(aio::current_task(), nullptr);
    aio::run([]() -> aio::Coro<void> {
        auto t = aio::create_task([]() -> aio::Coro<uint32_t> { co_return aio::current_task()->id(); }(), "t");
        const uint32_t seen = co_await t;
        EXPECT_EQ(seen, t.id());
        EXPECT_EQ(aio::current_task()->name(), "Task-1");
    }());
    EXPECT_EQ(aio::current_task(), nullptr);
}

TEST(CreateTask, ensure_future_wraps_a_coroutine_and_returns_a_task_itself) {
    aio::run([]() -> aio::Coro<void> {
        auto t = aio::create_task(aio_test::after(1, 5), "t");
        auto same = aio::ensure_future(t);
        EXPECT_EQ(same.base(), t.base());
        auto wrapped = aio::ensure_future(aio_test::after(1, 6));
        EXPECT_EQ(wrapped.name(), "Task-2");
        const int from_wrapped = co_await wrapped, from_same = co_await same;
        EXPECT_EQ(from_wrapped, 6);
        EXPECT_EQ(from_same, 5);
    }());
}

TEST(CreateTask, result_before_the_task_is_done_raises_invalid_state_error) {
    aio::Loop loop;
    auto t = aio::create_task(loop, aio_test::after(1, 2));
    EXPECT_THROW(t.result(), aio::InvalidStateError);
    aio::VirtualHost(loop).run_until_complete(*t.base());
    EXPECT_EQ(t.result(), 2);
}

struct ValueError : std::runtime_error { using std::runtime_error::runtime_error; };

// What the task table shows as a task's result: repr() of the value, None, the exception, or
// CancelledError; nothing while it runs.
TEST(CreateTask, result_repr_reads_like_python) {
    aio::Loop loop;
    auto text = aio::create_task(loop, []() -> aio::Coro<std::string> { co_return "hi"; }());
    auto none = aio::create_task(loop, []() -> aio::Coro<void> { co_return; }());
    auto bad = aio::create_task(loop, []() -> aio::Coro<int> {
        throw ValueError("bad");
        co_return 0;
    }());
    auto stopped = aio::create_task(loop, forever());
    auto pending = aio::create_task(loop, forever());
    EXPECT_EQ(text.base()->result_repr(), "");
    loop.run_once();
    stopped.cancel();
    loop.run_once();
    EXPECT_EQ(text.base()->result_repr(), "'hi'");
    EXPECT_EQ(none.base()->result_repr(), "None");
    EXPECT_EQ(bad.base()->result_repr(), "ValueError: bad");
    EXPECT_EQ(stopped.base()->result_repr(), "CancelledError");
    EXPECT_EQ(pending.base()->result_repr(), "");
    (void)bad.exception();
    aio::cancel_all_tasks(loop);
}

}  // namespace
