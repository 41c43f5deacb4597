// AsyncGenerator<T>: an `async def` that yields (`co_yield`), iterated inside the consuming task
// with no trip through the loop, as Python's async generators.
//
//   aio::AsyncGenerator<int> mygen(int u) { for (int i = 0; i < u; ++i) { co_yield 1 << i; co_await aio::sleep(0.1); } }
//   std::vector<int> all = co_await aio::collect(mygen(10));   // [i async for i in mygen(10)]
//   auto g = mygen(3); while (auto x = co_await g.next()) use(*x);
#pragma once
#include "runtime/coro.hpp"
#include "runtime/detail/coro_compat.hpp"
#include "runtime/detail/frame.hpp"
#include "runtime/loop.hpp"
#include "runtime/recorder.hpp"
#include "runtime/repr.hpp"
#include "runtime/task.hpp"

#include <exception>
#include <optional>
#include <utility>
#include <vector>

namespace aio {

template <class T> class [[nodiscard]] AsyncGenerator {
public:
    struct promise_type : detail::FrameBase {
        std::optional<T> current;
        promise_type() { this->self = handle::from_promise(*this); }
        AsyncGenerator get_return_object() { return AsyncGenerator(handle::from_promise(*this)); }
        detail::coro::suspend_always initial_suspend() const noexcept { return {}; }
        detail::FinalAwaiter final_suspend() const noexcept { return {}; }
        void unhandled_exception() noexcept { this->exc = std::current_exception(); }
        void return_void() {
            if (Recorder* r = recorder()) r->on_asyncgen_return(*this->task, *this);
        }
        // co_yield hands the value to the consumer frame, as a return would, but stays resumable.
        detail::FinalAwaiter yield_value(T v) {
            current.emplace(std::move(v));
            if (Recorder* r = recorder()) r->on_asyncgen_yield(*this->task, *this, repr(*current));
            return {};
        }
        Recorder* recorder() const { return this->task ? this->task->loop().recorder() : nullptr; }
    };
    using handle = detail::coro::coroutine_handle<promise_type>;

    AsyncGenerator(AsyncGenerator&& o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
    AsyncGenerator(const AsyncGenerator&) = delete;
    ~AsyncGenerator() { if (h_) h_.destroy(); }

    // __anext__: the next value, or nullopt when the generator is exhausted (StopAsyncIteration).
    class Next {
    public:
        explicit Next(handle h) : h_(h) {}
        bool await_ready() const noexcept { return h_.done(); }
        template <class P> void await_suspend(detail::coro::coroutine_handle<P> h) noexcept {
            h_.promise().current.reset();
            TaskAccess::enter_child(h.promise(), h_.promise());
            if (Recorder* r = h_.promise().recorder()) r->on_asyncgen_anext(*h_.promise().task, h_.promise());
        }
        std::optional<T> await_resume() {
            auto& p = h_.promise();
            if (p.exc) std::rethrow_exception(std::exchange(p.exc, nullptr));
            return std::exchange(p.current, std::nullopt);
        }
    private:
        handle h_;
    };
    Next next() { return Next(h_); }

private:
    explicit AsyncGenerator(handle h) : h_(h) {}
    handle h_;
};

// [x async for x in gen]
template <class T> Coro<std::vector<T>> collect(AsyncGenerator<T> gen) {
    std::vector<T> out;
    while (auto x = co_await gen.next()) out.push_back(std::move(*x));
    co_return out;
}

}  // namespace aio
