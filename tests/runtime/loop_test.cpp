// Loop (runtime/loop.hpp): no reentrant runs, and closing it with tasks pending reports and
// frees each.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::forever;

TEST(Loop, running_the_loop_reentrantly_is_an_error) {
    aio::run([]() -> aio::Coro<void> {
        EXPECT_THROW(aio::get_running_loop().run_once(), std::runtime_error);
        EXPECT_THROW(aio::run(forever()), std::runtime_error);
        co_return;
    }());
}

// Closing the loop with tasks stuck inside gather, shield, wait_for and as_completed frees
// everything those hold (LeakSanitizer, in the asan test layer, fails this test on a leak).
TEST(Loop, loop_closed_with_composite_awaits_pending_reports_each_task_and_frees_all) {
    std::vector<std::string> reports;
    {
        aio::Loop loop;
        loop.set_exception_handler([&](const aio::ErrorReport& r) { reports.push_back(r.task_name); });
        auto body = []() -> aio::Coro<void> {
            auto g = aio::create_task([]() -> aio::Coro<void> { co_await aio::gather(forever(), forever()); }(), "gather");
            auto s = aio::create_task([]() -> aio::Coro<void> { co_await aio::shield(forever()); }(), "shield");
            auto w = aio::create_task(aio::wait_for(forever(), 5000), "wait_for");
            auto ac = aio::create_task([]() -> aio::Coro<void> {
                std::vector<aio::Coro<void>> coros;
                coros.push_back(forever());
                coros.push_back(forever());
                auto it = aio::as_completed(std::move(coros), 3000);
                co_await it.next();
            }(), "as_completed");
            co_await aio::sleep(1000);
        };
        auto main = aio::create_task(loop, body(), "main");
        for (int i = 0; i < 4; ++i) loop.run_once();
        EXPECT_EQ(loop.live_task_count(), 11u);
    }
    EXPECT_EQ(reports.size(), 11u);
    EXPECT_EQ(reports.front(), "main");
}

}  // namespace
