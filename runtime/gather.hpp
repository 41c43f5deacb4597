// gather(): run awaitables concurrently and collect their results in argument order
// (asyncio.gather). Coroutines are wrapped in tasks, in argument order.
//
//   auto [a, b] = co_await aio::gather(fetch(1), fetch(2));            // a tuple
//   std::vector<int> all = co_await aio::gather(std::move(coros));      // a vector
//   auto outcomes = co_await aio::gather(aio::return_exceptions, f(), g());  // aio::Outcome<T>s
#pragma once
#include "runtime/create_task.hpp"
#include "runtime/detail/future_awaiter.hpp"

#include <tuple>
#include <vector>

namespace aio {

struct None {                       // what a coroutine returning void gives in a result list
    bool operator==(const None&) const { return true; }
};
template <class T> using ResultOf = std::conditional_t<std::is_void_v<T>, None, T>;

// A result or the exception that replaced it (gather with return_exceptions).
template <class T> struct Outcome {
    std::optional<ResultOf<T>> value;
    std::exception_ptr error;
    bool ok() const { return !error; }
};

struct ReturnExceptions {};
inline constexpr ReturnExceptions return_exceptions{};

namespace detail {
// The future gather returns: done when every child is, or at the first error.
class GatherFuture final : public FutureBase {
public:
    GatherFuture(Loop& loop, std::vector<FutureBase*> children, bool return_exceptions);
    ~GatherFuture() override;
    bool cancel(const std::string& msg = {}) override;
    const std::vector<FutureBase*>& children() const { return children_; }
    std::string describe() const override;
    void targets(std::vector<const FutureBase*>& out) const override { out.insert(out.end(), children_.begin(), children_.end()); }

private:
    static void child_done(void* self, void* child);
    std::vector<FutureBase*> children_;   // holds a reference to each
    size_t unique_ = 0, finished_ = 0;
    bool return_exceptions_;
    bool cancel_requested_ = false;
};


template <class T> ResultOf<T> result_of(Task<T>& t) {
    if constexpr (std::is_void_v<T>) { t.result(); return None{}; }
    else return t.result();
}
template <class T> Outcome<T> outcome_of(Task<T>& t) {
    Outcome<T> o;
    if (t.cancelled()) o.error = std::make_exception_ptr(CancelledError(t.base()->cancel_message()));
    else if (auto e = t.exception()) o.error = e;
    else o.value.emplace(result_of(t));
    return o;
}

// The awaitable gather returns. Tasks is a tuple of Task<T>..., or a vector of Task<T>.
template <class Tasks, bool Outcomes> class Gathering {
public:
    Gathering(Tasks tasks, std::vector<FutureBase*> children, Loop& loop)
        : tasks_(std::move(tasks)), outer_(new GatherFuture(loop, std::move(children), Outcomes)) {}
    Gathering(Gathering&& o) noexcept : tasks_(std::move(o.tasks_)), outer_(std::exchange(o.outer_, nullptr)) {}
    ~Gathering() { if (outer_) outer_->release(); }

    bool cancel(const std::string& msg = {}) { return outer_->cancel(msg); }
    bool done() const { return outer_->done(); }
    GatherFuture* future() const { return outer_; }

    bool await_ready() const noexcept { return outer_->done(); }
    template <class P> void await_suspend(coro::coroutine_handle<P> h) {
        task_ = h.promise().task;
        TaskAccess::wait_on(task_, outer_);
    }
    auto await_resume() {
        if (task_) TaskAccess::resume_point(task_);
        outer_->check_result();
        return collect();
    }

private:
    auto collect() {
        auto one = [](auto& t) { if constexpr (Outcomes) return outcome_of(t); else return result_of(t); };
        if constexpr (requires { tasks_.size(); }) {
            std::vector<decltype(one(tasks_[0]))> out;
            out.reserve(tasks_.size());
            for (auto& t : tasks_) out.push_back(one(t));
            return out;
        } else {
            return std::apply([&](auto&... t) { return std::make_tuple(one(t)...); }, tasks_);
        }
    }
    Tasks tasks_;
    GatherFuture* outer_;
    TaskBase* task_ = nullptr;
};

template <bool Outcomes, class... A> auto gather_tuple(A&&... aws) {
    // Braced init: tasks are created left to right, in argument order.
    std::tuple<decltype(ensure_future(std::forward<A>(aws)))...> tasks{ensure_future(std::forward<A>(aws))...};
    std::vector<FutureBase*> children;
    std::apply([&](auto&... t) { (children.push_back(t.base()), ...); }, tasks);
    return Gathering<decltype(tasks), Outcomes>(std::move(tasks), std::move(children), get_running_loop());
}

template <bool Outcomes, class A> auto gather_vector(std::vector<A>&& aws) {
    std::vector<decltype(ensure_future(std::move(aws[0])))> tasks;
    tasks.reserve(aws.size());
    std::vector<FutureBase*> children;
    children.reserve(aws.size());
    for (auto& a : aws) {
        tasks.push_back(ensure_future(std::move(a)));
        children.push_back(tasks.back().base());
    }
    return Gathering<decltype(tasks), Outcomes>(std::move(tasks), std::move(children), get_running_loop());
}
}  // namespace detail

template <class... A> auto gather(A&&... aws) { return detail::gather_tuple<false>(std::forward<A>(aws)...); }
template <class... A> auto gather(ReturnExceptions, A&&... aws) { return detail::gather_tuple<true>(std::forward<A>(aws)...); }
template <class A> auto gather(std::vector<A> aws) { return detail::gather_vector<false>(std::move(aws)); }
template <class A> auto gather(ReturnExceptions, std::vector<A> aws) { return detail::gather_vector<true>(std::move(aws)); }

}  // namespace aio
