// Tasks: scheduling order, results, exceptions, cancellation, as CPython's asyncio.Task.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using Log = std::vector<std::string>;
using aio_test::forever;

std::string at(const char* what) {
    return std::to_string(aio::get_running_loop().time()).substr(0, 4) + " " + what;
}

aio::Coro<void> count(Log& log) {
    log.push_back(at("One"));
    co_await aio::sleep(1);
    log.push_back(at("Two"));
}

TEST(Task, gather_of_three_prints_all_ones_first) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        co_await aio::gather(count(log), count(log), count(log));
    }(log));
    EXPECT_EQ(log, (Log{"0.00 One", "0.00 One", "0.00 One", "1.00 Two", "1.00 Two", "1.00 Two"}));
}

aio::Coro<int> add(int a, int b) {
    co_await aio::sleep(0);
    co_return a + b;
}

TEST(Task, task_result_and_name) {
    int r = aio::run([]() -> aio::Coro<int> {
        auto t = aio::create_task(add(1, 2), "adder");
        EXPECT_EQ(t.name(), "adder");
        EXPECT_FALSE(t.done());
        int v = co_await t;
        EXPECT_TRUE(t.done());
        co_return v * 10;
    }());
    EXPECT_EQ(r, 30);
}

TEST(Task, cancel_delivers_cancelled_error_at_the_await) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        auto sleeper = aio::create_task([](Log& log) -> aio::Coro<void> {
            try {
                co_await aio::sleep(10);
            } catch (const aio::CancelledError&) {
                log.push_back(at("caught"));
                throw;
            }
        }(log));
        co_await aio::sleep(1);
        EXPECT_TRUE(sleeper.cancel());
        try {
            co_await sleeper;
        } catch (const aio::CancelledError&) {
            log.push_back(at("sleeper cancelled"));
        }
        EXPECT_TRUE(sleeper.cancelled());
    }(log));
    EXPECT_EQ(log, (Log{"1.00 caught", "1.00 sleeper cancelled"}));
}

aio::Coro<int> depth(int n) {
    if (n == 0) {
        co_await aio::sleep(0);
        co_return 0;
    }
    co_return 1 + co_await depth(n - 1);
}

TEST(Task, hundred_thousand_nested_awaits_use_constant_stack) {
    EXPECT_EQ(aio::run(depth(100000)), 100000);
}

}  // namespace

namespace {

struct Counter { int n = 0; };

// clang 14 with -fwasm-exceptions at -O2 lets this CancelledError escape the coroutine (the
// build uses -O1 there for that reason; see CMakeLists.txt). This test guards every toolchain.
aio::Coro<void> catch_in_loop(Counter& c, aio::Future<void>& f, Log& log) {
    while (c.n < 1) {
        try {
            co_await f;
        } catch (const aio::CancelledError&) {
            log.push_back("caught");
        }
        ++c.n;
    }
}

TEST(Task, catch_around_await_inside_a_loop_catches) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        aio::Future<void> f(aio::get_running_loop());
        Counter c;
        auto t = aio::create_task(catch_in_loop(c, f, log));
        co_await aio::sleep(1);
        t.cancel();
        co_await t;
        EXPECT_FALSE(t.cancelled());
    }(log));
    EXPECT_EQ(log, (Log{"caught"}));
}

TEST(Task, awaiting_a_task_of_another_loop_raises_at_the_await) {
    aio::Loop other;
    auto foreign = aio::create_task(other, forever());
    std::string msg = aio::run([](aio::Task<void> foreign) -> aio::Coro<std::string> {
        try {
            co_await foreign;
        } catch (const std::runtime_error& e) {
            co_return e.what();
        }
        co_return "no error";
    }(foreign));
    EXPECT_NE(msg.find("attached to a different loop"), std::string::npos) << msg;
}

TEST(Task, task_destroyed_while_pending_is_reported) {
    std::vector<std::string> reports;
    {
        aio::Loop loop;
        loop.set_exception_handler([&](const aio::ErrorReport& r) { reports.push_back(r.message + " " + r.task_name); });
        auto t = aio::create_task(loop, forever(), "stuck");
        loop.run_once();
    }
    EXPECT_EQ(reports, (std::vector<std::string>{"Task was destroyed but it is pending! stuck"}));
}

TEST(Task, exception_nobody_retrieved_is_reported) {
    std::vector<std::string> reports;
    aio::Loop loop;
    loop.set_exception_handler([&](const aio::ErrorReport& r) {
        reports.push_back(r.message + ": " + aio::exception_message(r.exception));
    });
    aio::run(loop, []() -> aio::Coro<void> {
        aio::create_task([]() -> aio::Coro<void> {
            throw std::runtime_error("lost");
            co_return;
        }());
        co_await aio::sleep(1);
    }());
    EXPECT_EQ(reports, (std::vector<std::string>{"Task exception was never retrieved: lost"}));
}

}  // namespace
