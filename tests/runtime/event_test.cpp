// Event (runtime/event.hpp): set() wakes every waiter.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;

TEST(Event, set_wakes_every_waiter) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        aio::Event ev;
        auto waiter = [&]() -> aio::Coro<void> {
            co_await ev.wait();
            log("woke");
        };
        auto a = aio::create_task(waiter(), "a");
        auto b = aio::create_task(waiter(), "b");
        co_await aio::sleep(2);
        ev.set();
        co_await aio::gather(a, b);
    }(log));
    EXPECT_EQ(log.lines, (Lines{"2.00 a: woke", "2.00 b: woke"}));
}

}  // namespace
