// Recording a run's inputs (runtime/hosts/run_inputs.hpp): RecordingNetwork passes requests,
// answers and aborts through and keeps each answer with where it came; ClockRecorder keeps the
// iteration starts a replay could not tell, and the recorder behind it still hears everything.
#include "runtime/hosts/run_inputs.hpp"

#include "runtime/aio.hpp"
#include "runtime/generator.hpp"
#include "runtime/hosts/virtual_host.hpp"
#include "runtime/hosts/virtual_network.hpp"
#include "tests/runtime/hosts/outside_network.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using Lines = std::vector<std::string>;

TEST(RecordingNetwork, passes_answers_and_aborts_through_and_records_them_in_the_order_answered) {
    aio::Loop loop;
    aio::VirtualNetwork site(loop);
    site.route("http://h/slow", {.latency = 0.2, .body = "slow"});
    site.route("http://h/fast", {.latency = 0.1, .body = "fast"});
    site.route("http://h/never", {.latency = 0.3, .body = "never"});
    aio::RecordingNetwork net(loop, site);
    Lines got;
    auto get = [&](const std::string& url) {
        return net.start(url, {}, [&got, url](aio::FetchResult r) { got.push_back(url + " " + r.response.body); });
    };
    const uint64_t slow = get("http://h/slow"), fast = get("http://h/fast"), never = get("http://h/never");
    EXPECT_EQ(net.due_at(fast), 0.1);   // the virtual network's timer, passed through
    net.abort(never);
    EXPECT_EQ(site.aborted(), 1u);
    aio::VirtualHost host(loop);
    while (host.step()) {}
    EXPECT_EQ(got, (Lines{"http://h/fast fast", "http://h/slow slow"}));
    EXPECT_NE(slow, fast);

    const std::vector<aio::RecordedFetch> f = net.fetches();
    ASSERT_EQ(f.size(), 3u);
    EXPECT_EQ(f[0].ordinal, 2u);
    EXPECT_EQ(f[0].url, "http://h/fast");
    EXPECT_EQ(f[0].due, 0.1);
    ASSERT_TRUE(f[0].result);
    EXPECT_EQ(f[0].result->response.body, "fast");
    EXPECT_EQ(f[0].iteration, 1u);   // the loop's first iteration ran the timer at 0.1
    EXPECT_EQ(f[1].ordinal, 1u);
    EXPECT_EQ(f[1].iteration, 2u);
    EXPECT_EQ(f[2].ordinal, 3u);     // aborted: never answered, listed last
    EXPECT_EQ(f[2].due, 0.3);
    EXPECT_FALSE(f[2].result);
    EXPECT_EQ(f[2].iteration, 0u);
}

TEST(RecordingNetwork, an_answer_from_outside_is_recorded_before_the_next_iteration) {
    aio::Loop loop;
    aio_test::OutsideNetwork outside(loop);
    outside.site.route("http://h/a", {.latency = 0.25, .body = "a"});
    aio::RecordingNetwork net(loop, outside);
    aio::set_network(loop, &net);
    aio::Task<std::string> main = aio::create_task(loop, []() -> aio::Coro<std::string> {
        aio::Response r = co_await aio::fetch("http://h/a");
        co_return r.body;
    }());
    std::mt19937 jitter(1);
    while (aio_test::browser_step(loop, outside, jitter)) {}
    EXPECT_EQ(main.result(), "a");
    const std::vector<aio::RecordedFetch> f = net.fetches();
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].due, -1);
    EXPECT_EQ(f[0].iteration, 2u);   // the request in iteration 1, its answer before iteration 2
    aio::set_network(loop, nullptr);
}

// Writes down every report it receives, the loop time beside each iteration.
struct Calls final : aio::Recorder {
    Lines lines;
    void on_task_created(const aio::TaskBase& t) override { lines.push_back("created " + t.name()); }
    void on_task_state(const aio::TaskBase& t, aio::TaskState from) override {
        lines.push_back(t.name() + " " + aio::to_string(from) + " -> " + aio::to_string(t.state()));
    }
    void on_iteration(const aio::Loop& loop) override {
        lines.push_back("iteration " + std::to_string(loop.iteration()) + " at " + std::to_string(loop.time()));
    }
    void on_task_renamed(const aio::TaskBase& t) override { lines.push_back("renamed " + t.name()); }
    void on_resource_changed(const aio::detail::Resource& r) override { lines.push_back("resource " + r.name()); }
    void on_resource_destroyed(const aio::detail::Resource& r) override { lines.push_back("destroyed " + r.name()); }
    void on_asyncgen_anext(const aio::TaskBase& t, const aio::detail::FrameBase&) override { lines.push_back(t.name() + " anext"); }
    void on_asyncgen_yield(const aio::TaskBase& t, const aio::detail::FrameBase&, const std::string& v) override {
        lines.push_back(t.name() + " got " + v);
    }
    void on_asyncgen_return(const aio::TaskBase& t, const aio::detail::FrameBase&) override { lines.push_back(t.name() + " return"); }
};

aio::AsyncGenerator<int> twice() {
    co_yield 1;
    co_await aio::sleep(0.5);
    co_yield 2;
}

// A bit of everything a recorder hears: tasks, a rename, an event, an async generator, sleeps.
aio::Coro<void> busy() {
    auto child = aio::create_task([]() -> aio::Coro<void> { co_await aio::sleep(1); }(), "child");
    child.set_name("worker");
    {
        aio::Event ev;
        ev.set_name("ev");
        ev.set();
    }
    auto g = twice();
    while (co_await g.next()) {}
    co_await child;
}

// Runs busy() on the virtual clock, `nudge` seconds added to the clock before iteration 2.
Lines heard(bool with_clock, double nudge, std::vector<aio::IterationStart>* starts = nullptr) {
    aio::Loop loop;
    Calls calls;
    loop.set_recorder(&calls);
    aio::ClockRecorder clock;
    if (with_clock) clock.attach(loop);
    auto main = aio::create_task(loop, busy(), "main");
    aio::VirtualHost host(loop);
    while (!main.done()) {
        if (loop.iteration() == 1) loop.advance_to(loop.time() + nudge);
        host.step();
    }
    if (starts) *starts = clock.starts();
    clock.detach();
    EXPECT_EQ(loop.recorder(), &calls);
    loop.set_recorder(nullptr);
    return calls.lines;
}

TEST(ClockRecorder, the_recorder_behind_it_hears_every_report) {
    const Lines alone = heard(false, 0);
    EXPECT_GT(alone.size(), 15u);
    EXPECT_EQ(heard(true, 0), alone);
}

TEST(ClockRecorder, keeps_only_the_starts_the_virtual_host_would_not_pick) {
    std::vector<aio::IterationStart> starts;
    heard(true, 0, &starts);
    EXPECT_EQ(starts, std::vector<aio::IterationStart>{});
    // Moved on 0.25 s before iteration 2 (as a browser's display does), which had work ready: kept.
    heard(true, 0.25, &starts);
    EXPECT_EQ(starts, (std::vector<aio::IterationStart>{{2, 0.25}}));
}

TEST(ClockRecorder, implied_start_is_the_next_deadline_only_when_nothing_is_ready) {
    aio::Loop loop;
    EXPECT_EQ(aio::implied_start(loop, 0.5), 0.5);   // nothing at all: the clock as it is
    auto main = aio::create_task(loop, []() -> aio::Coro<void> { co_await aio::sleep(2); }());
    EXPECT_EQ(aio::implied_start(loop, 0.5), 0.5);   // its first step is ready
    aio::VirtualHost(loop).step();
    EXPECT_EQ(aio::implied_start(loop, 0.5), 2.0);   // waiting for the sleep's timer
    EXPECT_EQ(aio::implied_start(loop, 3.0), 3.0);   // already past it
    aio::VirtualHost(loop).run_until_complete(*main.base());
}

}  // namespace
