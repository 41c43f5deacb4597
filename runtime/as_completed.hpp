// as_completed(tasks, timeout): await results in the order they finish (asyncio.as_completed).
// Each next() gives the next result to finish; after timeout, next() raises TimeoutError.
//
//   auto ac = aio::as_completed(std::move(coros));
//   for (size_t i = 0; i < ac.size(); ++i) auto r = co_await ac.next();
#pragma once
#include "runtime/create_task.hpp"
#include "runtime/detail/future_awaiter.hpp"
#include "runtime/detail/timer_handle.hpp"

#include <algorithm>
#include <deque>
#include <memory>
#include <utility>
#include <optional>
#include <string>
#include <vector>

namespace aio {

namespace detail {
// What a task in next() waits on: the next of as_completed's awaitables to finish. Like a
// gather's, its task waits for the awaitables not finished yet.
class AsCompletedWait final : public FutureBase {
public:
    using PendingFn = void (*)(const void* state, std::vector<const FutureBase*>& out);
    AsCompletedWait(Loop& loop, size_t count, const void* state, PendingFn pending)
        : FutureBase(loop, WaitKind::AsCompleted, true), count_(count), state_(state), pending_(pending) {}
    void wake() { if (!done()) finish(); }
    std::string describe() const override { return "as_completed(" + std::to_string(count_) + (count_ == 1 ? " awaitable)" : " awaitables)"); }
    void targets(std::vector<const FutureBase*>& out) const override { pending_(state_, out); }

private:
    size_t count_;
    const void* state_;
    PendingFn pending_;
};
}  // namespace detail

template <class T> class AsCompleted {
public:
    AsCompleted(std::vector<Task<T>> tasks, std::optional<Time> timeout) : s_(new State) {
        for (auto& t : tasks)   // the same task twice counts once, as in asyncio
            if (std::none_of(s_->todo.begin(), s_->todo.end(), [&](const Task<T>& u) { return u.base() == t.base(); }))
                s_->todo.push_back(t);
        s_->count = s_->todo.size();
        for (auto& t : s_->todo) {
            ++s_->refs;
            t.add_done_callback(&State::on_completion, s_);
        }
        if (!s_->todo.empty() && timeout) {
            ++s_->refs;
            s_->timer.emplace(get_running_loop());
            s_->timer->call_later(*timeout, &State::on_timeout, s_);
        }
    }
    AsCompleted(AsCompleted&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
    // Like CPython's abandoned generator, callbacks and the timer stay armed after this goes away.
    ~AsCompleted() { if (s_) s_->release(); }

    size_t size() const { return s_->count; }

    // asyncio's _wait_for_one(): the next finished task's result.
    Coro<T> next() {
        State* s = s_;
        s->add_ref();   // the awaiting frame keeps the state alive
        struct Drop { State* s; ~Drop() { s->release(); } } drop{s};
        while (s->done.empty()) {
            auto* w = new detail::AsCompletedWait(get_running_loop(), s->count, s, &State::pending);
            struct Hold { detail::AsCompletedWait* w; ~Hold() { w->release(); } } hold{w};
            w->add_ref();
            s->waiters.push_back(w);
            co_await detail::FutureWaitOn(w);   // woken with every other waiter: the first to run takes the result
        }
        std::optional<Task<T>> f = std::move(s->done.front());
        s->done.pop_front();
        if (!f) throw TimeoutError();
        co_return f->result();
    }

private:
    // Shared by this object, each armed done-callback and the timer (CPython's closure).
    struct State {
        std::vector<Task<T>> todo;
        std::deque<std::optional<Task<T>>> done;   // finished, not yet taken; nullopt: the timeout
        std::vector<detail::AsCompletedWait*> waiters;   // tasks in next(), each holding a reference
        std::optional<detail::TimerHandle> timer;
        size_t count = 0;
        int refs = 1;
        ~State() { for (auto* w : waiters) w->release(); }
        void add_ref() { ++refs; }
        void release() { if (--refs == 0) delete this; }
        void put(std::optional<Task<T>> t) {
            done.push_back(std::move(t));
            for (auto* w : std::exchange(waiters, {})) {
                w->wake();
                w->release();
            }
        }
        static void pending(const void* self, std::vector<const FutureBase*>& out) {
            for (const Task<T>& t : static_cast<const State*>(self)->todo) out.push_back(t.base());
        }

        static void on_completion(void* self, void* fut) {
            auto* s = static_cast<State*>(self);
            auto it = std::find_if(s->todo.begin(), s->todo.end(), [&](const Task<T>& t) {
                return static_cast<FutureBase*>(t.base()) == static_cast<FutureBase*>(fut);
            });
            if (it != s->todo.end()) {
                Task<T> t = std::move(*it);
                s->todo.erase(it);
                s->put(std::move(t));
                if (s->todo.empty() && s->timer && s->timer->pending()) {
                    s->timer->cancel();
                    s->release();
                }
            }
            s->release();
        }
        static void on_timeout(void* self, void*) {
            auto* s = static_cast<State*>(self);
            for (auto& t : s->todo) {
                for (size_t n = t.remove_done_callback(&State::on_completion, s); n > 0; --n) s->release();
                s->put(std::nullopt);
            }
            s->todo.clear();
            s->release();
        }
    };
    State* s_;
};

template <class T> AsCompleted<T> as_completed(std::vector<Task<T>> tasks, std::optional<Time> timeout = std::nullopt) {
    return AsCompleted<T>(std::move(tasks), timeout);
}
// Coroutines become tasks in argument order (CPython puts them in a set first, so its order varies).
template <class T> AsCompleted<T> as_completed(std::vector<Coro<T>> coros, std::optional<Time> timeout = std::nullopt) {
    std::vector<Task<T>> tasks;
    for (auto& c : coros) tasks.push_back(create_task(std::move(c)));
    return AsCompleted<T>(std::move(tasks), timeout);
}

}  // namespace aio
