// RealtimeHost (runtime/hosts/realtime_host.hpp): the loop's clock is the wall clock, so sleeps
// take their real time; a run that can make no progress is an error, not a hang.
#include "runtime/aio.hpp"
#include "runtime/hosts/realtime_host.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace {

TEST(RealtimeHost, sleeps_take_their_real_time_and_the_clock_follows_it) {
    // Taken before the host starts the loop's clock: a wall time measured from later fell short
    // of the loop's 0.15 s by microseconds.
    const auto start = std::chrono::steady_clock::now();
    aio::Loop loop;
    aio::RealtimeHost host(loop);
    auto t = aio::create_task(loop, []() -> aio::Coro<aio::Time> {
        for (int i = 0; i < 3; ++i) co_await aio::sleep(0.05);
        co_return aio::get_running_loop().time();
    }());
    host.run_until_complete(*t.base());
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GE(t.result(), 0.15);       // the loop's time when the last sleep ended
    EXPECT_GE(took, 0.15);
    EXPECT_LT(took, 2.0);
    EXPECT_LE(t.result(), host.elapsed());
}

TEST(RealtimeHost, a_run_that_can_make_no_progress_is_a_deadlock_error) {
    aio::Loop loop;
    aio::RealtimeHost host(loop);
    aio::Event never;
    auto stuck = aio::create_task(loop, [](aio::Event& e) -> aio::Coro<void> { co_await e.wait(); }(never));
    try {
        host.run_until_complete(*stuck.base());
        ADD_FAILURE() << "no deadlock reported";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()).rfind("deadlock:", 0), 0u) << e.what();
    }
    aio::cancel_all_tasks(loop);
    EXPECT_TRUE(stuck.cancelled());
}

}  // namespace
