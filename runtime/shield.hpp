// shield(aw): await aw, but cancelling the awaiting task does not cancel aw (asyncio.shield).
//
//   auto r = co_await aio::shield(aio::create_task(save()));
#pragma once
#include "runtime/create_task.hpp"
#include "runtime/detail/future_awaiter.hpp"

namespace aio {

namespace detail {
// The outer future shield returns: mirrors the inner one, but can be cancelled on its own.
class ShieldFuture final : public FutureBase {
public:
    ShieldFuture(Loop& loop, FutureBase* inner);
    ~ShieldFuture() override { inner_->release(); }
    void targets(std::vector<const FutureBase*>& out) const override { out.push_back(inner_); }

private:
    static void inner_done(void* self, void* inner);
    static void outer_done(void* self, void* outer);
    FutureBase* inner_;
};
}  // namespace detail

template <class T> class Shielded {
public:
    explicit Shielded(Task<T> inner) : inner_(std::move(inner)) {
        if (!inner_.done()) outer_ = new detail::ShieldFuture(inner_.base()->loop(), inner_.base());
    }
    Shielded(Shielded&& o) noexcept : inner_(std::move(o.inner_)), outer_(std::exchange(o.outer_, nullptr)) {}
    ~Shielded() { if (outer_) outer_->release(); }

    bool cancel(const std::string& msg = {}) { return outer_ ? outer_->cancel(msg) : false; }

    bool await_ready() const noexcept { return !outer_ || outer_->done(); }
    template <class P> void await_suspend(detail::coro::coroutine_handle<P> h) {
        task_ = h.promise().task;
        TaskAccess::wait_on(task_, outer_);
    }
    decltype(auto) await_resume() {
        if (task_) TaskAccess::resume_point(task_);
        if (outer_) outer_->check_result();
        return inner_.result();
    }

private:
    Task<T> inner_;
    detail::ShieldFuture* outer_ = nullptr;
    TaskBase* task_ = nullptr;
};

template <class T> Shielded<T> shield(Task<T> inner) { return Shielded<T>(std::move(inner)); }
template <class T> Shielded<T> shield(Coro<T>&& inner) { return Shielded<T>(create_task(std::move(inner))); }

}  // namespace aio
