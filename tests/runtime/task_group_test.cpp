// TaskGroup (runtime/task_group.hpp): waits for every task; the first error cancels the rest.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;

struct ValueError : std::runtime_error { using std::runtime_error::runtime_error; };

aio::Coro<void> work(Log& log, double d, bool fail) {
    try {
        co_await aio::sleep(d);
    } catch (const aio::CancelledError&) {
        log("cancelled");
        throw;
    }
    if (fail) throw ValueError("bad");
    log("done");
}

TEST(TaskGroup, waits_for_every_task) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        co_await aio::task_group([&](aio::TaskGroup& tg) -> aio::Coro<void> {
            tg.create_task(work(log, 2, false), "a");
            tg.create_task(work(log, 1, false), "b");
            co_return;
        });
        log("after group");
    }(log));
    EXPECT_EQ(log.lines, (Lines{"1.00 b: done", "2.00 a: done", "2.00 Task-1: after group"}));
}

TEST(TaskGroup, first_error_cancels_siblings_and_raises_a_group) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        try {
            co_await aio::task_group([&](aio::TaskGroup& tg) -> aio::Coro<void> {
                tg.create_task(work(log, 5, false), "slow");
                tg.create_task(work(log, 1, true), "bad");
                co_return;
            });
        } catch (const aio::ExceptionGroup& g) {
            log("group of " + std::to_string(g.exceptions().size()) + " " +
                aio::exception_type_name(g.exceptions()[0]));
        }
        // CPython 3.11 leaves the parent's cancel request counted here (3.12 uncancels it).
        EXPECT_EQ(aio::current_task()->cancelling(), 1);
    }(log));
    EXPECT_EQ(log.lines, (Lines{"1.00 slow: cancelled", "1.00 Task-1: group of 1 ValueError"}));
}

}  // namespace
