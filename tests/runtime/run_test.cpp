// run (runtime/run.hpp): asyncio.run on the virtual clock. main's result or exception comes back
// after the tasks main left are cancelled and run to their end, in creation order.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;

aio::Coro<void> leftover(Log& log) {
    try {
        co_await aio::sleep(1000);
    } catch (const aio::CancelledError&) {
        log("cancelled");
        throw;
    }
}

TEST(Run, returns_mains_result_after_cancelling_what_it_left_in_creation_order) {
    Log log;
    const int result = aio::run([](Log& log) -> aio::Coro<int> {
        aio::create_task(leftover(log), "first");
        aio::create_task(leftover(log), "second");
        co_await aio::sleep(2);
        log("main returns");
        co_return 5;
    }(log));
    EXPECT_EQ(result, 5);
    EXPECT_EQ(log.lines, (Lines{"2.00 Task-1: main returns", "2.00 first: cancelled", "2.00 second: cancelled"}));
}

TEST(Run, mains_exception_is_raised_after_the_clean_up) {
    Log log;
    EXPECT_THROW(aio::run([](Log& log) -> aio::Coro<void> {
        aio::create_task(leftover(log), "left");
        co_await aio::sleep(1);
        throw std::out_of_range("main failed");
    }(log)), std::out_of_range);
    EXPECT_EQ(log.lines, (Lines{"1.00 left: cancelled"}));
}

// A task that raises while being cancelled is reported, as asyncio.run's shutdown reports it.
TEST(Run, an_error_raised_while_cancelling_is_reported) {
    aio::Loop loop;
    std::vector<std::string> reports;
    loop.set_exception_handler([&](const aio::ErrorReport& r) {
        reports.push_back(r.message + ": " + r.task_name + ": " + aio::exception_message(r.exception));
    });
    aio::run(loop, []() -> aio::Coro<void> {
        aio::create_task([]() -> aio::Coro<void> {
            try {
                co_await aio::sleep(1000);
            } catch (const aio::CancelledError&) {
            }
            throw std::runtime_error("refused to stop");
        }(), "stubborn");
        co_await aio::sleep(0);
    }());
    EXPECT_EQ(reports, (std::vector<std::string>{"unhandled exception during asyncio.run() shutdown: stubborn: refused to stop"}));
}

}  // namespace
