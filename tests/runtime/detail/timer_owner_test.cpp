// TimerOwner (runtime/detail/timer_owner.hpp): a timer that runs its owner's on_timer() and, found
// from the loop's heap, says what it is for; any other timer has no owner.
#include "runtime/detail/timer_owner.hpp"
#include "runtime/hosts/virtual_host.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

// An owner that records when its timer ran and describes itself by name.
class Alarm final : public aio::detail::TimerOwner {
public:
    Alarm(aio::Loop& loop, std::string name, uint32_t task) : loop_(loop), handle_(loop), name_(std::move(name)), task_(task) {}
    void ring_at(aio::Time when) { schedule(handle_, when); }
    std::string describe_timer() const override { return "alarm " + name_; }
    uint32_t timer_task() const override { return task_; }
    std::vector<aio::Time> rang;

private:
    void on_timer() override { rang.push_back(loop_.time()); }
    aio::Loop& loop_;
    aio::detail::TimerHandle handle_;
    std::string name_;
    uint32_t task_;
};

void run_out(aio::Loop& loop) {
    aio::VirtualHost host(loop);
    while (host.step()) {}
}

TEST(TimerOwner, a_scheduled_owner_runs_at_its_time) {
    aio::Loop loop;
    Alarm a(loop, "a", 0);
    a.ring_at(2.5);
    run_out(loop);
    EXPECT_EQ(a.rang, (std::vector<aio::Time>{2.5}));
}

TEST(TimerOwner, the_heap_node_leads_back_to_its_owner_and_what_it_says) {
    aio::Loop loop;
    Alarm late(loop, "late", 7), early(loop, "early", 0);
    late.ring_at(3);
    early.ring_at(1);
    const auto nodes = loop.timers().earliest(2);
    ASSERT_EQ(nodes.size(), 2u);
    const aio::detail::TimerOwner* first = aio::detail::TimerOwner::of_timer(*nodes[0]);
    const aio::detail::TimerOwner* second = aio::detail::TimerOwner::of_timer(*nodes[1]);
    EXPECT_EQ(first, &early);
    EXPECT_EQ(second, &late);
    EXPECT_EQ(second->describe_timer(), "alarm late");
    EXPECT_EQ(second->timer_task(), 7u);
}

TEST(TimerOwner, a_plain_timer_has_no_owner) {
    aio::Loop loop;
    aio::detail::TimerHandle plain(loop);
    plain.call_at(1, [](void*, void*) {}, nullptr);
    const auto nodes = loop.timers().earliest(1);
    ASSERT_EQ(nodes.size(), 1u);
    EXPECT_EQ(aio::detail::TimerOwner::of_timer(*nodes[0]), nullptr);
}

TEST(TimerOwner, an_owner_that_goes_takes_its_timer_with_it) {
    aio::Loop loop;
    {
        Alarm gone(loop, "gone", 0);
        gone.ring_at(1);
        EXPECT_TRUE(loop.has_timers());
    }
    EXPECT_FALSE(loop.has_timers());
}

}  // namespace
