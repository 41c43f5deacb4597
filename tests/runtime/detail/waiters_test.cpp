// Waiters (runtime/detail/waiters.hpp): the FIFO of waiter futures inside asyncio's Queue, Lock,
// Event and Semaphore: removal of one waiter, and waking the first that is still pending.
#include "runtime/detail/waiters.hpp"

#include <gtest/gtest.h>

namespace {
using aio::Future;
using aio::detail::Waiters;

TEST(Waiters, keep_waiters_in_arrival_order) {
    aio::Loop loop;
    Future<void> a(loop), b(loop), c(loop);
    Waiters w;
    EXPECT_TRUE(w.empty());
    w.push_back(a);
    w.push_back(b);
    w.push_back(c);
    EXPECT_EQ(w.size(), 3u);
    EXPECT_EQ(w.front().base(), a.base());
    std::vector<const aio::FutureBase*> order;
    for (const Future<void>& f : w) order.push_back(f.base());
    EXPECT_EQ(order, (std::vector<const aio::FutureBase*>{a.base(), b.base(), c.base()}));
}

TEST(Waiters, remove_drops_that_waiter_once) {
    aio::Loop loop;
    Future<void> a(loop), b(loop);
    Waiters w;
    w.push_back(a);
    w.push_back(b);
    EXPECT_TRUE(w.remove(a));
    EXPECT_FALSE(w.remove(a));
    EXPECT_EQ(w.size(), 1u);
    EXPECT_EQ(w.front().base(), b.base());
}

// Queue._wakeup_next: waiters already done (cancelled) are dropped, the first pending one gets
// its result and leaves the queue, the rest stay.
TEST(Waiters, wake_next_skips_done_waiters_and_wakes_the_first_pending_one) {
    aio::Loop loop;
    Future<void> cancelled(loop), first(loop), second(loop);
    cancelled.cancel();
    Waiters w;
    w.push_back(cancelled);
    w.push_back(first);
    w.push_back(second);
    w.wake_next();
    EXPECT_TRUE(first.done());
    EXPECT_FALSE(first.cancelled());
    EXPECT_FALSE(second.done());
    EXPECT_EQ(w.size(), 1u);
    EXPECT_EQ(w.front().base(), second.base());
}

TEST(Waiters, wake_next_with_none_pending_empties_the_queue) {
    aio::Loop loop;
    Future<void> done(loop);
    done.set_result();
    Waiters w;
    w.push_back(done);
    w.wake_next();
    EXPECT_TRUE(w.empty());
    w.wake_next();
    EXPECT_TRUE(w.empty());
}

}  // namespace
