// Picks the coroutine header: <coroutine> where the standard library has it (g++ 12, newer
// Emscripten), <experimental/coroutine> on Emscripten 3.1.6's libc++ 13.
#pragma once

#if __has_include(<coroutine>) && !defined(AIO_FORCE_EXPERIMENTAL_COROUTINE)
#include <coroutine>
namespace aio::detail::coro {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
}  // namespace aio::detail::coro
#else
#include <experimental/coroutine>
namespace aio::detail::coro {
using std::experimental::coroutine_handle;
using std::experimental::noop_coroutine;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace aio::detail::coro
#endif
