// TimerHandle (runtime/detail/timer_handle.hpp): a call scheduled at a loop time or soon, that
// can be cancelled until it runs and is cancelled when its owner goes.
#include "runtime/detail/timer_handle.hpp"
#include "runtime/hosts/virtual_host.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {
using aio::detail::TimerHandle;

struct Fired {
    std::vector<aio::Time> at;
    aio::Loop* loop;
    static void cb(void* self, void*) {
        auto* f = static_cast<Fired*>(self);
        f->at.push_back(f->loop->time());
    }
};

// Runs the loop on the virtual clock until nothing is due and no timer is left.
void run_out(aio::Loop& loop) {
    aio::VirtualHost host(loop);
    while (host.step()) {}
}

TEST(TimerHandle, call_later_runs_once_at_now_plus_the_delay) {
    aio::Loop loop;
    loop.advance_to(1);
    Fired fired{{}, &loop};
    TimerHandle h(loop);
    EXPECT_FALSE(h.pending());
    h.call_later(2.5, &Fired::cb, &fired);
    EXPECT_TRUE(h.pending());
    EXPECT_EQ(h.when(), 3.5);
    run_out(loop);
    EXPECT_EQ(fired.at, (std::vector<aio::Time>{3.5}));
    EXPECT_FALSE(h.pending());
}

TEST(TimerHandle, cancel_before_it_runs_means_it_never_runs) {
    aio::Loop loop;
    Fired fired{{}, &loop};
    TimerHandle h(loop);
    h.call_at(2, &Fired::cb, &fired);
    h.cancel();
    EXPECT_FALSE(h.pending());
    EXPECT_FALSE(loop.has_timers());
    run_out(loop);
    EXPECT_TRUE(fired.at.empty());
}

// asyncio's `finally: handle.cancel()`: a frame that ends takes its scheduled call with it, even
// one already moved to the ready queue.
TEST(TimerHandle, going_out_of_scope_cancels_it_even_once_due) {
    aio::Loop loop;
    Fired fired{{}, &loop};
    {
        TimerHandle later(loop);
        later.call_at(5, &Fired::cb, &fired);
        TimerHandle soon(loop);
        soon.call_soon(&Fired::cb, &fired);
        EXPECT_TRUE(soon.pending());
        EXPECT_EQ(loop.ready_count(), 1u);
    }
    EXPECT_FALSE(loop.has_timers());
    run_out(loop);
    EXPECT_TRUE(fired.at.empty());
}

TEST(TimerHandle, call_soon_runs_in_the_next_iteration) {
    aio::Loop loop;
    Fired fired{{}, &loop};
    TimerHandle h(loop);
    h.call_soon(&Fired::cb, &fired);
    loop.run_once();
    EXPECT_EQ(fired.at, (std::vector<aio::Time>{0}));
    EXPECT_FALSE(h.pending());
}

}  // namespace
