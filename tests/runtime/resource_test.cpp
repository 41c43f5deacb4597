// Resources (runtime/resource.hpp): ids from the loop when a recorder first sees one, names,
// levels and waiters as each kind reports them, and the names the views use for kinds and roles.
#include "tests/runtime/log.hpp"
#include "runtime/recorder.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {
using aio::ResourceKind;
using aio::WaitKind;
using aio_test::Lines;

// Writes down each resource change: "#id name level L/C unfinished U waiting a b c".
struct Changes final : aio::Recorder {
    Lines lines;
    void on_task_created(const aio::TaskBase&) override {}
    void on_task_state(const aio::TaskBase&, aio::TaskState) override {}
    void on_iteration(const aio::Loop&) override {}
    void on_resource_changed(const aio::detail::Resource& r) override {
        const aio::ResourceLevel l = r.level();
        std::string line = "#" + std::to_string(r.resource_id()) + " " + r.name() + " level " + std::to_string(l.level) +
                           "/" + std::to_string(l.capacity) + " unfinished " + std::to_string(l.unfinished) + " waiting";
        for (size_t i = 0; i < aio::waiter_kinds(r.resource_kind()).size(); ++i) line += " " + std::to_string(l.waiters[i]);
        lines.push_back(line);
    }
};

template <class F> Lines changes_of(F body) {
    aio::Loop loop;
    Changes changes;
    loop.set_recorder(&changes);
    aio::run(loop, body());
    loop.set_recorder(nullptr);
    return changes.lines;
}

TEST(Resource, to_string_names_each_kind) {
    EXPECT_STREQ(aio::to_string(ResourceKind::Queue), "queue");
    EXPECT_STREQ(aio::to_string(ResourceKind::Semaphore), "semaphore");
    EXPECT_STREQ(aio::to_string(ResourceKind::Lock), "lock");
    EXPECT_STREQ(aio::to_string(ResourceKind::Event), "event");
}

TEST(Resource, waiter_kinds_list_each_kinds_waiter_lists_in_order) {
    using Kinds = std::vector<WaitKind>;
    auto kinds = [](ResourceKind k) { const auto s = aio::waiter_kinds(k); return Kinds(s.begin(), s.end()); };
    EXPECT_EQ(kinds(ResourceKind::Queue), (Kinds{WaitKind::QueueGet, WaitKind::QueuePut, WaitKind::QueueJoin}));
    EXPECT_EQ(kinds(ResourceKind::Semaphore), (Kinds{WaitKind::Semaphore}));
    EXPECT_EQ(kinds(ResourceKind::Lock), (Kinds{WaitKind::Lock}));
    EXPECT_EQ(kinds(ResourceKind::Event), (Kinds{WaitKind::Event}));
    for (ResourceKind k : {ResourceKind::Queue, ResourceKind::Semaphore, ResourceKind::Lock, ResourceKind::Event})
        EXPECT_LE(aio::waiter_kinds(k).size(), aio::kResourceWaitLists);
}

// Every wait kind a resource's waiters do has a role; every other kind has none.
TEST(Resource, waiter_role_names_the_waiters_of_each_resource_wait_and_no_other) {
    const std::vector<std::pair<WaitKind, std::string>> roles = {
        {WaitKind::QueueGet, "getters"},    {WaitKind::QueuePut, "putters"}, {WaitKind::QueueJoin, "joiners"},
        {WaitKind::Lock, "acquirers"},      {WaitKind::Semaphore, "acquirers"}, {WaitKind::Event, "waiters"},
    };
    std::set<WaitKind> with_role;
    for (const auto& [kind, role] : roles) {
        EXPECT_EQ(aio::waiter_role(kind), role) << aio::to_string(kind);
        with_role.insert(kind);
    }
    for (int i = 0; i < aio::kWaitKindCount; ++i) {
        const auto kind = static_cast<WaitKind>(i);
        if (!with_role.count(kind)) {
            EXPECT_STREQ(aio::waiter_role(kind), "") << aio::to_string(kind);
        }
    }
}

TEST(Resource, is_not_recorded_without_a_recorder) {
    aio::run([]() -> aio::Coro<void> {
        aio::Queue<int> q;
        q.put_nowait(1);
        EXPECT_EQ(q.resource_id(), 0u);
        co_return;
    }());
}

// A loop numbers resources from 1 in the order its recorder first sees them; one keeps its id.
TEST(Resource, ids_come_from_the_loop_in_the_order_first_seen) {
    const Lines lines = changes_of([]() -> aio::Coro<void> {
        aio::Event first, second;
        EXPECT_EQ(first.resource_id(), 0u);
        second.set();
        first.set();
        second.clear();
        EXPECT_EQ(second.resource_id(), 1u);
        EXPECT_EQ(first.resource_id(), 2u);
        co_return;
    });
    EXPECT_EQ(lines, (Lines{"#1  level 1/1 unfinished 0 waiting 0", "#2  level 1/1 unfinished 0 waiting 0",
                            "#1  level 0/1 unfinished 0 waiting 0"}));
}

// A change made while no loop runs an iteration reaches no recorder; the next one does.
TEST(Resource, changes_outside_a_running_loop_are_not_recorded) {
    aio::Loop loop;
    Changes changes;
    loop.set_recorder(&changes);
    aio::Queue<int> q;
    q.set_name("q");
    q.put_nowait(1);
    EXPECT_TRUE(changes.lines.empty());
    aio::run(loop, [](aio::Queue<int>& q) -> aio::Coro<void> {
        q.put_nowait(2);
        co_return;
    }(q));
    loop.set_recorder(nullptr);
    EXPECT_EQ(changes.lines, (Lines{"#1 q level 2/0 unfinished 2 waiting 0 0 0"}));
}

TEST(Resource, set_name_names_it_and_is_reported_as_a_change) {
    const Lines lines = changes_of([]() -> aio::Coro<void> {
        aio::Semaphore sem(2);
        EXPECT_EQ(sem.name(), "");
        sem.set_name("sem");
        EXPECT_EQ(sem.name(), "sem");
        co_return;
    });
    EXPECT_EQ(lines, (Lines{"#1 sem level 2/2 unfinished 0 waiting 0"}));
}

// Each change of a queue's items, unfinished count or waiters is reported, with the getters,
// putters and joiners in their own lists (a woken getter or putter leaves its list at once, as
// Queue._wakeup_next pops it; an event's waiter, a joiner, stays until it runs).
TEST(Resource, queue_reports_items_maxsize_unfinished_and_each_waiter_list) {
    const Lines lines = changes_of([]() -> aio::Coro<void> {
        aio::Queue<int> q(1);
        q.set_name("q");
        auto getter = aio::create_task([](aio::Queue<int>& q) -> aio::Coro<void> { (void)co_await q.get(); }(q));
        co_await aio::sleep(0);
        q.put_nowait(1);
        auto joiner = aio::create_task([](aio::Queue<int>& q) -> aio::Coro<void> { co_await q.join(); }(q));
        co_await q.put(2);
        q.task_done();
        (void)q.get_nowait();
        q.task_done();
        co_await getter;
        co_await joiner;
    });
    EXPECT_EQ(lines, (Lines{
                         "#1 q level 0/1 unfinished 0 waiting 0 0 0",   // named
                         "#1 q level 0/1 unfinished 0 waiting 1 0 0",   // the getter waits
                         "#1 q level 1/1 unfinished 1 waiting 0 0 0",   // put_nowait(1) wakes it
                         "#1 q level 1/1 unfinished 1 waiting 0 1 0",   // put(2) waits: full
                         "#1 q level 0/1 unfinished 1 waiting 0 0 0",   // the getter takes 1, wakes the putter
                         "#1 q level 0/1 unfinished 1 waiting 0 0 1",   // the joiner waits
                         "#1 q level 1/1 unfinished 2 waiting 0 0 1",   // 2 goes in
                         "#1 q level 1/1 unfinished 1 waiting 0 0 1",   // task_done
                         "#1 q level 0/1 unfinished 1 waiting 0 0 1",   // get_nowait
                         "#1 q level 0/1 unfinished 0 waiting 0 0 1",   // task_done sets join's event...
                         "#1 q level 0/1 unfinished 0 waiting 0 0 1",   // ...and reports its own change
                         "#1 q level 0/1 unfinished 0 waiting 0 0 0",   // the joiner runs
                     }));
}

TEST(Resource, lock_semaphore_and_event_report_their_level_capacity_and_waiters) {
    aio::run([]() -> aio::Coro<void> {
        aio::Lock lock;
        EXPECT_EQ(lock.level(), (aio::ResourceLevel{0, 1, 0, {0}}));
        co_await lock.acquire();
        auto waiter = aio::create_task([](aio::Lock& l) -> aio::Coro<void> { co_await l.acquire(); l.release(); }(lock));
        co_await aio::sleep(0);
        EXPECT_EQ(lock.level(), (aio::ResourceLevel{1, 1, 0, {1}}));
        lock.release();
        co_await waiter;

        aio::Semaphore sem(3);
        co_await sem.acquire();
        EXPECT_EQ(sem.level(), (aio::ResourceLevel{2, 3, 0, {0}}));

        aio::Event ev;
        auto w1 = aio::create_task([](aio::Event& e) -> aio::Coro<void> { co_await e.wait(); }(ev));
        auto w2 = aio::create_task([](aio::Event& e) -> aio::Coro<void> { co_await e.wait(); }(ev));
        co_await aio::sleep(0);
        EXPECT_EQ(ev.level(), (aio::ResourceLevel{0, 1, 0, {2}}));
        ev.set();
        EXPECT_EQ(ev.level().level, 1);
        co_await aio::gather(w1, w2);
        EXPECT_EQ(ev.level(), (aio::ResourceLevel{1, 1, 0, {0}}));
    }());
}

}  // namespace
