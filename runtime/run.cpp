// asyncio.run's clean-up: cancel what main left running and run it to its end.
#include "runtime/run.hpp"

namespace aio {

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
        VirtualHost(loop).run_until_complete(*all);
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
