// Future (runtime/future.hpp): results, exceptions and cancellation as asyncio.Future, and
// done-callbacks that go through the loop's ready queue in the order they were added.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace {
using aio_test::Lines;

// A done-callback that appends its name to a list, so tests see which ran and in what order.
struct Called {
    Lines* lines;
    std::string name;
    static void cb(void* self, void*) {
        auto* c = static_cast<Called*>(self);
        c->lines->push_back(c->name);
    }
};

std::string cancelled_message(aio::Future<int>& f) {
    try {
        f.result();
    } catch (const aio::CancelledError& e) {
        return e.message();
    }
    return "no CancelledError";
}

TEST(Future, set_result_makes_it_done_with_that_result) {
    aio::Loop loop;
    aio::Future<int> f(loop);
    EXPECT_FALSE(f.done());
    f.set_result(42);
    EXPECT_TRUE(f.done());
    EXPECT_FALSE(f.cancelled());
    EXPECT_EQ(f.result(), 42);
    EXPECT_EQ(f.exception(), nullptr);
}

TEST(Future, result_or_exception_of_a_pending_future_raises_invalid_state_error) {
    aio::Loop loop;
    aio::Future<int> f(loop);
    EXPECT_THROW(f.result(), aio::InvalidStateError);
    EXPECT_THROW(f.exception(), aio::InvalidStateError);
    EXPECT_FALSE(f.done());   // asking changed nothing
}

TEST(Future, setting_a_done_future_again_raises_invalid_state_error_and_keeps_the_first) {
    aio::Loop loop;
    aio::Future<int> f(loop);
    f.set_result(1);
    EXPECT_THROW(f.set_result(2), aio::InvalidStateError);
    EXPECT_THROW(f.set_exception(std::make_exception_ptr(std::runtime_error("late"))), aio::InvalidStateError);
    EXPECT_EQ(f.result(), 1);
    aio::Future<int> c(loop);
    c.cancel();
    EXPECT_THROW(c.set_result(3), aio::InvalidStateError);
    EXPECT_TRUE(c.cancelled());
}

TEST(Future, set_exception_is_raised_by_result_and_returned_by_exception) {
    aio::Loop loop;
    aio::Future<int> f(loop);
    f.set_exception(std::make_exception_ptr(std::invalid_argument("bad")));
    EXPECT_TRUE(f.done());
    EXPECT_FALSE(f.cancelled());
    EXPECT_THROW(f.result(), std::invalid_argument);
    EXPECT_EQ(aio::exception_message(f.exception()), "bad");
}

TEST(Future, cancel_makes_result_and_exception_raise_cancelled_error_with_its_message) {
    aio::Loop loop;
    aio::Future<int> f(loop);
    EXPECT_TRUE(f.cancel("stop now"));
    EXPECT_TRUE(f.done());
    EXPECT_TRUE(f.cancelled());
    EXPECT_EQ(cancelled_message(f), "stop now");
    EXPECT_THROW(f.exception(), aio::CancelledError);
}

TEST(Future, cancel_on_a_done_future_returns_false_and_changes_nothing) {
    aio::Loop loop;
    aio::Future<int> finished(loop);
    finished.set_result(7);
    EXPECT_FALSE(finished.cancel());
    EXPECT_FALSE(finished.cancelled());
    EXPECT_EQ(finished.result(), 7);
    aio::Future<int> cancelled(loop);
    EXPECT_TRUE(cancelled.cancel("first"));
    EXPECT_FALSE(cancelled.cancel("second"));
    EXPECT_EQ(cancelled_message(cancelled), "first");
}

TEST(Future, copies_share_one_state) {
    aio::Loop loop;
    aio::Future<std::string> f(loop);
    aio::Future<std::string> copy = f;
    f.set_result("shared");
    EXPECT_TRUE(copy.done());
    EXPECT_EQ(copy.result(), "shared");
    EXPECT_EQ(copy.base(), f.base());
}

// A future with callbacks that write their names to `ran` when the loop runs them.
struct WithCallbacks {
    aio::Loop loop;
    aio::Future<int> f{loop};
    Lines ran;
    Called a{&ran, "a"}, b{&ran, "b"}, c{&ran, "c"};
    void add(Called& cb) { f.add_done_callback(&Called::cb, &cb); }
};

// asyncio schedules done-callbacks with call_soon: none runs inside set_result, and they run in
// the order they were added, in the next loop iteration.
TEST(Future, done_callbacks_run_from_the_loop_in_the_order_added) {
    WithCallbacks w;
    w.add(w.a);
    w.add(w.b);
    w.add(w.c);
    w.f.set_result(1);
    EXPECT_TRUE(w.ran.empty());
    EXPECT_EQ(w.loop.ready_count(), 3u);
    w.loop.run_once();
    EXPECT_EQ(w.ran, (Lines{"a", "b", "c"}));
}

TEST(Future, callback_added_to_a_done_future_is_scheduled_not_run_inline) {
    WithCallbacks w;
    w.f.set_result(1);
    w.add(w.a);
    EXPECT_TRUE(w.ran.empty());
    w.loop.run_once();
    EXPECT_EQ(w.ran, (Lines{"a"}));
}

TEST(Future, cancel_runs_the_done_callbacks_too) {
    WithCallbacks w;
    w.add(w.a);
    w.f.cancel();
    w.loop.run_once();
    EXPECT_EQ(w.ran, (Lines{"a"}));
}

// remove_done_callback counts every registration of that callback it removes; the others keep
// their order, the first one's place included.
TEST(Future, remove_done_callback_removes_every_registration_and_keeps_the_others_order) {
    WithCallbacks w;
    w.add(w.a);
    w.add(w.b);
    w.add(w.a);
    w.add(w.c);
    EXPECT_EQ(w.f.remove_done_callback(&Called::cb, &w.a), 2u);
    EXPECT_EQ(w.f.remove_done_callback(&Called::cb, &w.a), 0u);
    w.f.set_result(1);
    w.loop.run_once();
    EXPECT_EQ(w.ran, (Lines{"b", "c"}));
}

TEST(Future, awaiting_it_from_a_task_suspends_until_the_result_is_set) {
    aio::Loop loop;
    aio::Future<int> f(loop);
    auto waiter = aio::create_task(loop, [](aio::Future<int> f) -> aio::Coro<int> { co_return co_await f; }(f));
    loop.run_once();
    EXPECT_EQ(waiter.base()->state(), aio::TaskState::Waiting);
    EXPECT_EQ(waiter.base()->waiting_on(), f.base());
    EXPECT_EQ(waiter.base()->waiting_on()->kind(), aio::WaitKind::Future);
    f.set_result(9);
    EXPECT_EQ(waiter.base()->state(), aio::TaskState::Ready);
    loop.run_once();
    ASSERT_TRUE(waiter.done());
    EXPECT_EQ(waiter.result(), 9);
}

// Task.cancel() cancels the future the task waits on, which wakes the task with CancelledError.
TEST(Future, cancelling_the_task_that_awaits_it_cancels_the_future) {
    aio::Loop loop;
    aio::Future<int> f(loop);
    auto waiter = aio::create_task(loop, [](aio::Future<int> f) -> aio::Coro<int> { co_return co_await f; }(f));
    loop.run_once();
    EXPECT_TRUE(waiter.cancel("enough"));
    EXPECT_TRUE(f.cancelled());
    EXPECT_EQ(cancelled_message(f), "enough");
    loop.run_once();
    EXPECT_TRUE(waiter.cancelled());
}

TEST(Future, exception_nobody_retrieved_is_reported_when_the_last_handle_goes) {
    Lines reports;
    aio::Loop loop;
    loop.set_exception_handler([&](const aio::ErrorReport& r) {
        reports.push_back(r.message + ": " + aio::exception_message(r.exception));
    });
    {
        aio::Future<int> lost(loop);
        lost.set_exception(std::make_exception_ptr(std::runtime_error("lost")));
        aio::Future<int> seen(loop);
        seen.set_exception(std::make_exception_ptr(std::runtime_error("seen")));
        (void)seen.exception();
    }
    EXPECT_EQ(reports, (Lines{"Future exception was never retrieved: lost"}));
}

}  // namespace
