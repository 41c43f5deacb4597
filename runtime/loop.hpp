// The event loop: a virtual clock, a ready queue and timers, run one iteration at a time.
// It has no loop of its own that spins: a host (tests' virtual host, the browser host) decides
// when to move the clock and when to run the next iteration.
#pragma once
#include "runtime/detail/callback.hpp"
#include "runtime/detail/ready_queue.hpp"
#include "runtime/detail/timer_heap.hpp"

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace aio {

using Time = double;  // loop time in seconds, as asyncio's loop.time()

class TaskBase;
class FutureBase;
class Recorder;

// What the exception handler receives (asyncio's call_exception_handler context).
struct ErrorReport {
    std::string message;            // "Task exception was never retrieved", ...
    std::exception_ptr exception;   // may be null
    uint32_t task_id = 0;           // 0: not about a task
    std::string task_name;
};

class Loop {
public:
    Loop();
    ~Loop();  // destroys tasks still pending, reporting each as asyncio does
    Loop(const Loop&) = delete;
    Loop& operator=(const Loop&) = delete;

    // Clock and scheduling (asyncio's time, call_soon, call_at).
    Time time() const { return now_; }
    uint64_t iteration() const { return iteration_; }
    void call_soon(detail::Callback cb) { ready_.push(cb); }
    void call_at(detail::TimerNode& node, Time when);
    void call_soon(detail::TimerNode& node);        // a call_soon that can still be cancelled
    void cancel_timer(detail::TimerNode& node);

    // What hosts use: is there work, when is the next deadline, move the clock, run one iteration.
    bool has_ready() const { return !ready_.empty(); }
    bool has_due_work() const;     // ready callbacks, or a timer due at the current time
    bool has_timers() const { return !timers_.empty(); }
    Time next_deadline() const { return timers_.top()->when; }
    void advance_to(Time t) { if (t > now_) now_ = t; }
    void run_once();
    bool is_running() const { return running_; }
    bool is_closed() const { return closed_; }

    // Tasks.
    TaskBase* current_task() const { return current_; }
    template <class F> void for_each_live_task(F&& f) const;   // tasks not yet done, in creation order
    size_t live_task_count() const { return live_count_; }
    uint32_t tasks_created() const { return next_task_id_ - 1; }
    uint32_t next_resource_id() { return ++resources_recorded_; }   // ids for recorded queues, locks, ...

    // Errors nobody handled (asyncio's set_exception_handler); the default prints to stderr.
    void set_exception_handler(std::function<void(const ErrorReport&)> handler) { handler_ = std::move(handler); }
    void call_exception_handler(const ErrorReport& report);

    // Instrumentation: null means recording is off.
    void set_recorder(Recorder* r) { recorder_ = r; }
    Recorder* recorder() const { return recorder_; }

    // Read-only views for instrumentation.
    const detail::TimerHeap& timers() const { return timers_; }
    uint64_t ready_count() const { return ready_.size(); }
    const detail::ReadyQueue& ready_queue() const { return ready_; }

    // State of the IO layer (runtime/fetch.cpp): owned by the loop, opaque to it.
    std::shared_ptr<void>& io_state() { return io_state_; }
    const std::shared_ptr<void>& io_state() const { return io_state_; }

    static Loop* running_loop();  // the loop whose iteration is running now on this thread, if any

private:
    friend class TaskBase;
    uint32_t register_task(TaskBase* t);
    void unregister_task(TaskBase* t);
    void set_current(TaskBase* t) { current_ = t; }

    static void run_timer(void* node, void* loop);

    Time now_ = 0;
    uint64_t iteration_ = 0;
    uint64_t timer_seq_ = 0;
    detail::ReadyQueue ready_;
    detail::TimerHeap timers_;
    TaskBase* current_ = nullptr;
    TaskBase* live_head_ = nullptr;   // intrusive list: O(1) removal, creation order kept
    TaskBase* live_tail_ = nullptr;
    size_t live_count_ = 0;
    uint32_t next_task_id_ = 1;
    uint32_t next_default_name_ = 1;
    uint32_t resources_recorded_ = 0;
    bool running_ = false;
    bool closed_ = false;
    Recorder* recorder_ = nullptr;
    std::shared_ptr<void> io_state_;
    std::function<void(const ErrorReport&)> handler_;
};

// The loop running the current iteration; throws RuntimeError("no running event loop") if none.
Loop& get_running_loop();

}  // namespace aio

