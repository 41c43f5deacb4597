// Lock and Semaphore (runtime/lock.hpp): waiters in FIFO order, a bounded number inside; the trace
// records their level (locked, value), capacity and acquirers.
#include "tests/runtime/log.hpp"
#include "tests/runtime/resource_log.hpp"
#include "runtime/trace.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::history_lines;
using aio_test::Lines;
using aio_test::Log;
using aio_test::recorded;

TEST(Lock, waiters_acquire_in_fifo_order) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        aio::Lock lock;
        auto user = [&](int i) -> aio::Coro<void> {
            auto held = co_await lock.hold();
            log("holds " + std::to_string(i));
            co_await aio::sleep(1);
        };
        co_await aio::gather(user(1), user(2), user(3));
        EXPECT_FALSE(lock.locked());
        EXPECT_THROW(lock.release(), std::runtime_error);
    }(log));
    EXPECT_EQ(log.lines, (Lines{"0.00 Task-2: holds 1", "1.00 Task-3: holds 2", "2.00 Task-4: holds 3"}));
}

TEST(Semaphore, limits_concurrency) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        aio::Semaphore sem(2);
        auto user = [&](int i) -> aio::Coro<void> {
            auto held = co_await sem.hold();
            log("in " + std::to_string(i));
            co_await aio::sleep(1);
        };
        co_await aio::gather(user(1), user(2), user(3));
    }(log));
    EXPECT_EQ(log.lines, (Lines{"0.00 Task-2: in 1", "0.00 Task-3: in 2", "1.00 Task-4: in 3"}));
}

// Three users of `sync` at once, each holding it for a second, as `async with sync:` blocks.
template <class Sync> aio::Coro<void> three_users(Sync& sync) {
    auto user = [&]() -> aio::Coro<void> {
        auto held = co_await sync.hold();
        co_await aio::sleep(1);
    };
    co_await aio::gather(user(), user(), user());
}

TEST(Lock, trace_records_locked_and_acquirers) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        aio::Lock lock;
        lock.set_name("lock");
        co_await three_users(lock);
    }());
    const aio::ResourceRecord& r = recorded(trace, "lock");
    EXPECT_EQ(r.kind, aio::ResourceKind::Lock);
    EXPECT_EQ(r.now.capacity, 1);
    EXPECT_EQ(history_lines(r), (Lines{"0.00 level 0 waiting 0", "0.00 level 1 waiting 0",   // the first holds it
                                       "0.00 level 1 waiting 1", "0.00 level 1 waiting 2",   // two wait
                                       "1.00 level 0 waiting 2",     // released; the woken one is listed until it runs
                                       "1.00 level 1 waiting 1", "2.00 level 0 waiting 1", "2.00 level 1 waiting 0",
                                       "3.00 level 0 waiting 0"}));
}

TEST(Semaphore, trace_records_value_initial_value_and_acquirers) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        aio::Semaphore sem(2);
        sem.set_name("sem");
        co_await three_users(sem);
    }());
    const aio::ResourceRecord& r = recorded(trace, "sem");
    EXPECT_EQ(r.kind, aio::ResourceKind::Semaphore);
    EXPECT_EQ(r.now.capacity, 2);
    EXPECT_EQ(r.now.level, 2);
    EXPECT_EQ(history_lines(r), (Lines{"0.00 level 2 waiting 0", "0.00 level 1 waiting 0", "0.00 level 0 waiting 0",
                                       "0.00 level 0 waiting 1",   // the third waits; the first's release goes to it
                                       "1.00 level 1 waiting 1",   // the second's release stays
                                       "1.00 level 1 waiting 0",   // the third runs
                                       "2.00 level 2 waiting 0"}));
}

}  // namespace
