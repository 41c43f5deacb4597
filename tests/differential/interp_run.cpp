// Driving the loop as virtual_loop.py does: run_until_complete(main), then asyncio.run's cleanup
// (cancel what is left in creation order and gather it), deadlock and iteration-limit detection.
#include "tests/differential/interp.hpp"

#include "runtime/detail/done_flag.hpp"
#include "runtime/hosts/virtual_host.hpp"

#include <cstdio>

namespace differential {

namespace {
constexpr uint64_t kMaxIterations = 10000;
}  // namespace

Interp::Interp(const Program& program) : program_(program) {
    for (const auto& [name, maxsize] : program.queues) queues_[name] = std::make_unique<aio::Queue<Value>>(maxsize);
    for (const auto& name : program.events) events_[name] = std::make_unique<aio::Event>();
    for (const auto& name : program.locks) locks_[name] = std::make_unique<aio::Lock>();
    for (const auto& [name, value] : program.semaphores) sems_[name] = std::make_unique<aio::Semaphore>(value);
}

void Interp::emit(const std::string& msg) {
    if (finished_) return;
    const aio::TaskBase* task = aio::current_task();
    std::printf("%.6f %s %s\n", loop_.time(), task ? task->name().c_str() : "-", msg.c_str());
}

void Interp::run() {
    // Only asyncio.run's shutdown reports print, and cancel_remaining_tasks prints those itself.
    loop_.set_exception_handler([](const aio::ErrorReport& r) {
        if (r.message == "Exception in callback") std::fprintf(stderr, "differential_interp: %s\n", r.message.c_str());
    });
    aio::Task<Value> main = aio::create_task(loop_, run_frame("main", Value(int64_t{0})), "main");
    std::string outcome = "pending";
    Halt halt = run_until_complete(*main.base());
    if (halt == Halt::None) {
        try {
            outcome = "-> " + fmt(main.result());
        } catch (...) {
            outcome = "!! " + fmt_exc(std::current_exception());
        }
        halt = cancel_remaining_tasks();
    }
    if (halt == Halt::Deadlock) emit("deadlock");
    if (halt == Halt::IterationLimit) emit("iteration limit");
    emit("end " + outcome + " iterations " + std::to_string(loop_.iteration()));
    finished_ = true;
    std::fflush(stdout);
}

// Iterations until fut is done, plus the one that runs its done-callbacks (where asyncio's
// run_until_complete stops the loop).
Interp::Halt Interp::run_until_complete(aio::FutureBase& fut) {
    const aio::detail::DoneFlag done(fut);
    aio::VirtualHost host(loop_);
    while (!done) {
        if (loop_.iteration() >= kMaxIterations) return Halt::IterationLimit;
        if (!host.step()) {
            loop_.run_once();   // CPython counts the iteration whose select() finds nothing to wait for
            return Halt::Deadlock;
        }
    }
    return Halt::None;
}

// asyncio.run's _cancel_all_tasks in creation order; tasks created meanwhile are not cancelled.
Interp::Halt Interp::cancel_remaining_tasks() {
    std::vector<aio::FutureBase*> pending;
    loop_.for_each_live_task([&](aio::TaskBase& t) {
        t.add_ref();
        pending.push_back(&t);
    });
    if (pending.empty()) return Halt::None;
    for (aio::FutureBase* t : pending) t->cancel();
    // gather(*pending, return_exceptions=True) from outside any task, as the runtime's cancel_all_tasks.
    auto* all = new aio::detail::GatherFuture(loop_, pending, true);
    const Halt halt = run_until_complete(*all);
    all->release();
    for (aio::FutureBase* t : pending) {
        if (halt == Halt::None && !t->cancelled())
            if (std::exception_ptr e = t->exception())
                emit("shutdown " + static_cast<aio::TaskBase*>(t)->name() + " !! " + fmt_exc(e));
        t->release();
    }
    return halt;
}

}  // namespace differential
