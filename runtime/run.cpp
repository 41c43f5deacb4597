// The virtual host's driving loop, used by run() and the tests.
#include "runtime/run.hpp"

#include <stdexcept>

namespace aio {

namespace {
void set_flag(void* flag, void*) { *static_cast<bool*>(flag) = true; }
}  // namespace

void run_until_complete(Loop& loop, FutureBase& fut) {
    bool stop = false;
    fut.add_done_callback(&set_flag, &stop);
    while (!stop) {
        if (!loop.has_ready()) {
            if (!loop.has_timers()) {
                fut.remove_done_callback(&set_flag, &stop);
                throw std::runtime_error("deadlock: the awaited work is pending, but no callback, timer or IO "
                                         "can ever make progress");
            }
            loop.advance_to(loop.next_deadline());
        }
        loop.run_once();
    }
}

void cancel_all_tasks(Loop& loop) {
    std::vector<FutureBase*> pending;
    loop.for_each_live_task([&](TaskBase& t) {
        t.add_ref();   // kept until the report below, whatever the tasks' owners do meanwhile
        pending.push_back(&t);
    });
    if (pending.empty()) return;
    struct Release {
        std::vector<FutureBase*>& v;
        ~Release() { for (FutureBase* f : v) f->release(); }
    } release{pending};
    for (FutureBase* t : pending) t->cancel();
    detail::GatherFuture* all = new detail::GatherFuture(loop, pending, true);
    try {
        run_until_complete(loop, *all);
    } catch (...) {
        all->release();
        throw;
    }
    all->release();
    for (FutureBase* t : pending) {
        if (t->cancelled()) continue;
        if (auto e = t->exception())
            loop.call_exception_handler({"unhandled exception during asyncio.run() shutdown", e,
                                         static_cast<TaskBase*>(t)->id(), static_cast<TaskBase*>(t)->name()});
    }
}

}  // namespace aio
