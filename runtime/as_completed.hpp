// as_completed(tasks, timeout): await results in the order they finish (asyncio.as_completed).
// Each next() gives the next result to finish; after timeout, next() raises TimeoutError.
//
//   auto ac = aio::as_completed(std::move(coros));
//   for (size_t i = 0; i < ac.size(); ++i) auto r = co_await ac.next();
#pragma once
#include "runtime/create_task.hpp"
#include "runtime/detail/timer_handle.hpp"
#include "runtime/queue.hpp"

#include <algorithm>
#include <memory>
#include <utility>
#include <optional>
#include <vector>

namespace aio {

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
        std::optional<Task<T>> f = co_await s->done.get();
        if (!f) throw TimeoutError();
        co_return f->result();
    }

private:
    // Shared by this object, each armed done-callback and the timer (CPython's closure).
    struct State {
        std::vector<Task<T>> todo;
        Queue<std::optional<Task<T>>> done;
        std::optional<detail::TimerHandle> timer;
        size_t count = 0;
        int refs = 1;
        void add_ref() { ++refs; }
        void release() { if (--refs == 0) delete this; }

        static void on_completion(void* self, void* fut) {
            auto* s = static_cast<State*>(self);
            auto it = std::find_if(s->todo.begin(), s->todo.end(), [&](const Task<T>& t) {
                return static_cast<FutureBase*>(t.base()) == static_cast<FutureBase*>(fut);
            });
            if (it != s->todo.end()) {
                Task<T> t = std::move(*it);
                s->todo.erase(it);
                s->done.put_nowait(std::move(t));
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
                s->done.put_nowait(std::nullopt);
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
