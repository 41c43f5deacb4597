// gather: results in argument order, first error propagates, return_exceptions, cancellation.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;

struct ValueError : std::runtime_error { using std::runtime_error::runtime_error; };

aio::Coro<int> after(double d, int v) {
    co_await aio::sleep(d);
    co_return v;
}
aio::Coro<int> fail_after(double d) {
    co_await aio::sleep(d);
    throw ValueError("bad");
}

TEST(Gather, results_come_in_argument_order) {
    auto [a, b, c] = aio::run([]() -> aio::Coro<std::tuple<int, int, int>> {
        co_return co_await aio::gather(after(3, 1), after(1, 2), after(2, 3));
    }());
    EXPECT_EQ(a, 1);
    EXPECT_EQ(b, 2);
    EXPECT_EQ(c, 3);
}

TEST(Gather, vector_form_and_empty_gather) {
    auto v = aio::run([]() -> aio::Coro<std::vector<int>> {
        std::vector<aio::Coro<int>> none;
        auto empty = co_await aio::gather(std::move(none));
        EXPECT_TRUE(empty.empty());
        std::vector<aio::Coro<int>> cs;
        for (int i = 0; i < 5; ++i) cs.push_back(after(5 - i, i));
        co_return co_await aio::gather(std::move(cs));
    }());
    EXPECT_EQ(v, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(Gather, first_error_propagates_while_others_keep_running) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        auto slow = aio::create_task(after(5, 9), "slow");
        try {
            co_await aio::gather(fail_after(1), slow);
        } catch (const ValueError& e) {
            log(std::string("caught ") + e.what());
        }
        EXPECT_FALSE(slow.done());
        log("slow gives " + std::to_string(co_await slow));
    }(log));
    EXPECT_EQ(log.lines, (Lines{"1.00 Task-1: caught bad", "5.00 Task-1: slow gives 9"}));
}

TEST(Gather, return_exceptions_puts_errors_in_place) {
    auto outcomes = aio::run([]() -> aio::Coro<std::vector<aio::Outcome<int>>> {
        std::vector<aio::Coro<int>> cs;
        cs.push_back(after(1, 1));
        cs.push_back(fail_after(2));
        co_return co_await aio::gather(aio::return_exceptions, std::move(cs));
    }());
    ASSERT_EQ(outcomes.size(), 2u);
    EXPECT_EQ(*outcomes[0].value, 1);
    EXPECT_FALSE(outcomes[1].ok());
    EXPECT_EQ(aio::exception_type_name(outcomes[1].error), "ValueError");
}

TEST(Gather, cancelling_the_gather_cancels_its_children) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        auto a = aio::create_task(after(10, 1), "A");
        auto b = aio::create_task(after(10, 2), "B");
        auto outer = aio::create_task([](aio::Task<int> a, aio::Task<int> b) -> aio::Coro<void> {
            co_await aio::gather(a, b);
        }(a, b), "outer");
        co_await aio::sleep(1);
        EXPECT_TRUE(outer.cancel());
        try {
            co_await outer;
        } catch (const aio::CancelledError&) {
            log("outer cancelled");
        }
        EXPECT_TRUE(a.cancelled());
        EXPECT_TRUE(b.cancelled());
    }(log));
    EXPECT_EQ(log.lines, (Lines{"1.00 Task-1: outer cancelled"}));
}

}  // namespace
