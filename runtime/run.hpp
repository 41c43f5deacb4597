// run(): asyncio.run on the virtual clock. Creates a loop, runs main to completion (the clock
// jumps straight to each next deadline), cancels the tasks still pending, returns main's result.
//
//   int main() { return aio::run(amain()); }
#pragma once
#include "runtime/create_task.hpp"
#include "runtime/gather.hpp"
#include "runtime/hosts/virtual_host.hpp"
#include "runtime/loop.hpp"

#include <functional>

namespace aio {

// Cancels every pending task and runs the loop until they finish, as asyncio.run does on exit
// (here in creation order; CPython iterates a WeakSet), on the virtual clock.
void cancel_all_tasks(Loop& loop);

template <class T> T run(Loop& loop, Coro<T> main) {
    if (Loop::running_loop()) throw std::runtime_error("run() cannot be called from a running event loop");
    Task<T> task = create_task(loop, std::move(main));
    struct Cleanup {
        Loop& loop;
        ~Cleanup() { if (!loop.is_running()) cancel_all_tasks(loop); }
    } cleanup{loop};
    VirtualHost(loop).run_until_complete(*task.base());
    if constexpr (std::is_void_v<T>) task.result();
    else return T(task.result());
}

template <class T> T run(Coro<T> main) {
    Loop loop;
    return run(loop, std::move(main));
}

}  // namespace aio
