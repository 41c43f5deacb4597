// VirtualHost (runtime/hosts/virtual_host.hpp): the virtual clock jumps to each deadline, step
// and run_until stop where they say, and a deadlock is an error, not a hang.
#include "tests/runtime/log.hpp"
#include "runtime/hosts/virtual_host.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::after;

TEST(VirtualHost, deadlock_under_the_virtual_clock_is_an_error_not_a_hang) {
    EXPECT_THROW(aio::run([]() -> aio::Coro<void> {
        aio::Event never;
        co_await never.wait();
    }()), std::runtime_error);
}

// Nothing is due: the clock moves straight to the next deadline and that iteration runs it.
TEST(VirtualHost, step_jumps_the_clock_to_the_next_deadline) {
    aio::Loop loop;
    aio::VirtualHost host(loop);
    auto t = aio::create_task(loop, after(2.5, 7));
    EXPECT_TRUE(host.step());   // the task's first step: it sleeps
    EXPECT_EQ(loop.time(), 0.0);
    EXPECT_TRUE(host.step());   // the sleep's deadline
    EXPECT_EQ(loop.time(), 2.5);
    while (!t.done()) ASSERT_TRUE(host.step());
    EXPECT_EQ(t.result(), 7);
    EXPECT_FALSE(host.step());  // nothing due, no timer: nothing runs, the clock stays
    EXPECT_EQ(loop.time(), 2.5);
}

// run_until(t) runs what is due up to t and leaves the clock at the last deadline that fired.
TEST(VirtualHost, run_until_stops_before_later_deadlines) {
    aio::Loop loop;
    aio::VirtualHost host(loop);
    auto a = aio::create_task(loop, after(1, 1));
    auto b = aio::create_task(loop, after(3, 3));
    host.run_until(2);
    EXPECT_TRUE(a.done());
    EXPECT_FALSE(b.done());
    EXPECT_EQ(loop.time(), 1.0);
    host.run_until(3);
    EXPECT_TRUE(b.done());
    EXPECT_EQ(loop.time(), 3.0);
}

// As asyncio's run_until_complete: it returns when the future is done, taking no wall time for
// an hour of sleeps, and a future nothing can finish is an error naming the deadlock.
TEST(VirtualHost, run_until_complete_returns_when_the_future_is_done) {
    aio::Loop loop;
    aio::VirtualHost host(loop);
    auto t = aio::create_task(loop, after(3600, 5));
    auto other = aio::create_task(loop, after(7200, 6));
    host.run_until_complete(*t.base());
    EXPECT_EQ(t.result(), 5);
    EXPECT_EQ(loop.time(), 3600.0);
    EXPECT_FALSE(other.done());   // later work is left for whoever drives the loop next
    aio::Event never;
    auto stuck = aio::create_task(loop, [](aio::Event& e) -> aio::Coro<void> { co_await e.wait(); }(never));
    host.run_until_complete(*other.base());
    try {
        host.run_until_complete(*stuck.base());
        ADD_FAILURE() << "no deadlock reported";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()).rfind("deadlock:", 0), 0u) << e.what();
    }
    stuck.cancel();
    host.run_until_complete(*stuck.base());   // the failed call left no callback behind
    EXPECT_TRUE(stuck.cancelled());
}

}  // namespace
