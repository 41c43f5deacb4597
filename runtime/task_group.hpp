// TaskGroup (asyncio.TaskGroup, 3.11): tasks created in the group are awaited at the end of the
// block; the first error cancels the rest, and every error is raised together in an
// ExceptionGroup. `async with TaskGroup() as tg:` reads:
//
//   co_await aio::task_group([&](aio::TaskGroup& tg) -> aio::Coro<void> {
//       tg.create_task(worker(1));
//       tg.create_task(worker(2));
//       co_return;
//   });
#pragma once
#include "runtime/coro.hpp"
#include "runtime/create_task.hpp"

#include <optional>
#include <vector>

namespace aio {

class TaskGroup {
public:
    TaskGroup() = default;
    TaskGroup(const TaskGroup&) = delete;
    ~TaskGroup();

    template <class T> Task<T> create_task(Coro<T> coro, std::string name = {}) {
        check_can_create();
        Task<T> t = aio::create_task(*loop_, std::move(coro));   // numbered like an unnamed task, as CPython
        if (!name.empty()) t.set_name(std::move(name));
        adopt(t.base());
        return t;
    }

    // __aenter__ and __aexit__; task_group() below calls them around the body.
    void enter();
    Coro<void> exit(std::exception_ptr exc);

    size_t size() const { return tasks_.size(); }

private:
    void check_can_create() const;
    void adopt(TaskBase* t);
    void abort();
    static void on_task_done(void* self, void* task);

    Loop* loop_ = nullptr;
    TaskBase* parent_ = nullptr;
    std::vector<TaskBase*> tasks_;            // not yet done, creation order (holds references)
    std::vector<std::exception_ptr> errors_;
    std::optional<Future<void>> on_completed_;
    bool entered_ = false, exiting_ = false, aborting_ = false, parent_cancel_requested_ = false;
};

template <class F> Coro<void> task_group(F body) {
    TaskGroup tg;
    tg.enter();
    std::exception_ptr exc;
    try {
        co_await body(tg);
    } catch (...) {
        exc = std::current_exception();
    }
    co_await tg.exit(exc);
}

}  // namespace aio
