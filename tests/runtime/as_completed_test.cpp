// as_completed (runtime/as_completed.hpp): results in finishing order, then TimeoutError.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;
using aio_test::after;

TEST(AsCompleted, results_in_finishing_order_then_timeout) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        std::vector<aio::Coro<int>> cs;
        cs.push_back(after(3, 3));
        cs.push_back(after(1, 1));
        cs.push_back(after(9, 9));
        auto ac = aio::as_completed(std::move(cs), 5.0);
        for (size_t i = 0; i < ac.size(); ++i) {
            try {
                log("got " + std::to_string(co_await ac.next()));
            } catch (const aio::TimeoutError&) {
                log("timeout");
            }
        }
    }(log));
    EXPECT_EQ(log.lines, (Lines{"1.00 Task-1: got 1", "3.00 Task-1: got 3", "5.00 Task-1: timeout"}));
}

}  // namespace
