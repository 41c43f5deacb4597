// Recorder (runtime/recorder.hpp): the loop, tasks and resources report each event to the
// attached recorder, in the order it happens, and to nobody when none is attached.
#include "tests/runtime/log.hpp"
#include "runtime/recorder.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {
using aio_test::Lines;

// Writes down every call it receives.
struct Calls final : aio::Recorder {
    Lines lines;
    void on_task_created(const aio::TaskBase& t) override {
        lines.push_back("created " + t.name() + " " + aio::to_string(t.state()));
    }
    void on_task_state(const aio::TaskBase& t, aio::TaskState from) override {
        lines.push_back(t.name() + " " + aio::to_string(from) + " -> " + aio::to_string(t.state()));
    }
    void on_iteration(const aio::Loop& loop) override { lines.push_back("iteration " + std::to_string(loop.iteration())); }
    void on_task_renamed(const aio::TaskBase& t) override { lines.push_back("renamed " + t.name()); }
    void on_resource_changed(const aio::detail::Resource& r) override {
        lines.push_back("resource #" + std::to_string(r.resource_id()) + " " + r.name() + " level " +
                        std::to_string(r.level().level));
    }
    void on_resource_destroyed(const aio::detail::Resource& r) override {
        lines.push_back("destroyed #" + std::to_string(r.resource_id()) + " " + r.name());
    }
};

aio::Coro<void> small_run() {
    auto child = aio::create_task([]() -> aio::Coro<void> { co_return; }(), "child");
    child.set_name("worker");
    aio::Event ev;
    ev.set_name("ev");
    ev.set();
    co_await aio::sleep(1);
}

TEST(Recorder, receives_every_event_of_a_small_run_in_order) {
    aio::Loop loop;
    Calls calls;
    loop.set_recorder(&calls);
    auto main = aio::create_task(loop, small_run(), "main");
    aio::VirtualHost(loop).run_until_complete(*main.base());
    EXPECT_EQ(calls.lines, (Lines{
                               "created main pending",
                               "iteration 1",
                               "main pending -> running",
                               "created child pending",
                               "renamed worker",
                               "resource #1 ev level 0",
                               "resource #1 ev level 1",
                               "main running -> waiting",     // sleep(1)
                               "iteration 2",
                               "worker pending -> running",
                               "worker running -> done",
                               "iteration 3",                 // the clock at 1: the sleep's timer
                               "main waiting -> ready",
                               "iteration 4",
                               "main ready -> running",
                               "destroyed #1 ev",             // main's frame ends before main does
                               "main running -> done",
                               "iteration 5",                 // runs main's done-callbacks
                           }));
}

TEST(Recorder, nothing_is_reported_with_none_attached) {
    Calls calls;
    aio::Loop recorded;
    recorded.set_recorder(&calls);
    aio::Loop loop;
    auto main = aio::create_task(loop, small_run(), "main");
    aio::VirtualHost(loop).run_until_complete(*main.base());
    EXPECT_TRUE(calls.lines.empty()) << calls.lines.front();
    EXPECT_EQ(loop.recorder(), nullptr);
}

// Detached, it hears nothing more of the loop and its tasks; a resource it has seen still tells
// it when it goes, so that it can drop what it keeps about it.
TEST(Recorder, detaching_it_stops_the_reports_but_the_end_of_resources_it_saw) {
    aio::Loop loop;
    Calls calls;
    loop.set_recorder(&calls);
    auto main = aio::create_task(loop, small_run(), "main");
    loop.run_once();
    ASSERT_EQ(calls.lines.back(), "main running -> waiting");
    const Lines before = calls.lines;
    loop.set_recorder(nullptr);
    aio::VirtualHost(loop).run_until_complete(*main.base());
    Lines after = before;
    after.push_back("destroyed #1 ev");
    EXPECT_EQ(calls.lines, after);
}

// A resource tells a recorder it is gone only if that recorder has seen it change.
TEST(Recorder, only_resources_it_has_seen_are_reported_destroyed) {
    aio::Loop loop;
    Calls calls;
    {
        aio::Queue<int> unseen, seen;
        unseen.set_name("unseen");
        seen.set_name("seen");
        aio::run(loop, [](aio::Queue<int>& unseen, aio::Queue<int>& seen, Calls& calls) -> aio::Coro<void> {
            unseen.put_nowait(1);
            aio::get_running_loop().set_recorder(&calls);
            seen.put_nowait(1);
            co_return;
        }(unseen, seen, calls));
        loop.set_recorder(nullptr);
    }
    Lines resources;
    for (const std::string& l : calls.lines)
        if (l.rfind("resource", 0) == 0 || l.rfind("destroyed", 0) == 0) resources.push_back(l);
    EXPECT_EQ(resources, (Lines{"resource #1 seen level 1", "destroyed #1 seen"}));
}

}  // namespace
