// Trace (runtime/trace.hpp): time per kind of wait, a bounded event ring, Chrome trace export.
#include "tests/runtime/log.hpp"
#include "runtime/trace.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Trace, splits_waiting_time_by_what_was_awaited) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        aio::Queue<int> q;
        auto getter = aio::create_task([](aio::Queue<int>& q) -> aio::Coro<void> {
            co_await aio::sleep(2);    // sleep: 0..2
            co_await q.get();          // queue.get: 2..5, until the put below
        }(q), "getter");
        co_await aio::sleep(5);
        q.put_nowait(1);
        co_await getter;               // task: 5..5 plus the one iteration the getter needs
    }());
    const aio::TaskRecord& getter = trace.tasks()[1];
    auto in = [](const aio::TaskRecord& r, aio::WaitKind k) { return r.wait_in[static_cast<int>(k)]; };
    EXPECT_NEAR(in(getter, aio::WaitKind::Sleep), 2.0, 1e-6);
    EXPECT_NEAR(in(getter, aio::WaitKind::QueueGet), 3.0, 1e-6);
    EXPECT_NEAR(in(trace.tasks()[0], aio::WaitKind::Sleep), 5.0, 1e-6);
    float sum = 0;
    for (float x : getter.wait_in) sum += x;
    EXPECT_NEAR(sum, getter.time_in[static_cast<int>(aio::TaskState::Waiting)], 1e-6);
}

TEST(Trace, ring_is_bounded_and_exports_chrome_json) {
    aio::Loop loop;
    aio::Trace trace(16);
    trace.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        for (int i = 0; i < 20; ++i) co_await aio::sleep(0.5);
    }());
    EXPECT_EQ(trace.events().size(), 16u);
    EXPECT_GT(trace.events_dropped(), 0u);
    const std::string json = aio::to_chrome_trace(trace, loop.time());
    EXPECT_EQ(json.rfind("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[", 0), 0u);
    EXPECT_NE(json.find("\"name\":\"thread_name\""), std::string::npos);
    EXPECT_NE(json.find("\"name\":\"waiting sleep\""), std::string::npos);
}

}  // namespace
