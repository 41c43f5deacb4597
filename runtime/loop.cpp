// One iteration of the event loop, as CPython's BaseEventLoop._run_once: move due timers to the
// ready queue, then run exactly the callbacks that were ready when the iteration began.
#include "runtime/loop.hpp"

#include "runtime/recorder.hpp"
#include "runtime/task.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace aio {

namespace {
thread_local Loop* t_running = nullptr;
// CPython pops timers due within the monotonic clock's resolution (1 ns on Linux).
constexpr Time kClockResolution = 1e-9;

struct RunningScope {
    Loop* prev;
    bool& flag;
    RunningScope(Loop* loop, bool& running) : prev(t_running), flag(running) {
        t_running = loop;
        flag = true;
    }
    ~RunningScope() {
        t_running = prev;
        flag = false;
    }
};
}  // namespace

Loop::Loop() = default;

Loop::~Loop() {
    closed_ = true;
    // Pending tasks die with the loop; asyncio reports each ("Task was destroyed but it is pending!").
    while (live_head_) {
        TaskBase* t = live_head_;
        call_exception_handler({"Task was destroyed but it is pending!", nullptr, t->id(), t->name()});
        t->abandon();
    }
}

Loop* Loop::running_loop() { return t_running; }

Loop& get_running_loop() {
    if (!t_running) throw std::runtime_error("no running event loop");
    return *t_running;
}

bool Loop::has_due_work() const {
    return !ready_.empty() || (!timers_.empty() && timers_.top()->when < now_ + kClockResolution);
}

void Loop::call_at(detail::TimerNode& node, Time when) {
    if (std::isnan(when) || std::isinf(when))
        throw std::invalid_argument("call_at: the deadline must be a finite number, got " + std::to_string(when));
    if (node.state != detail::TimerNode::Idle) cancel_timer(node);
    node.when = when;
    node.seq = ++timer_seq_;
    node.state = detail::TimerNode::Scheduled;
    timers_.push(&node);
}

void Loop::call_soon(detail::TimerNode& node) {
    if (node.state != detail::TimerNode::Idle) cancel_timer(node);
    node.state = detail::TimerNode::Ready;
    node.ready_seq = ready_.push({&Loop::run_timer, &node, nullptr});
}

void Loop::cancel_timer(detail::TimerNode& node) {
    if (node.state == detail::TimerNode::Scheduled) {
        timers_.remove(&node);
    } else if (node.state == detail::TimerNode::Ready && ready_.contains(node.ready_seq)) {
        ready_.at(node.ready_seq).fn = nullptr;  // already due: skipped when its turn comes
    }
    node.state = detail::TimerNode::Idle;
}

void Loop::run_timer(void* n, void*) {
    auto* node = static_cast<detail::TimerNode*>(n);
    node->state = detail::TimerNode::Idle;
    node->cb.fn(node->cb.ctx, nullptr);
}

void Loop::run_once() {
    if (running_) throw std::runtime_error("This event loop is already running");
    if (closed_) throw std::runtime_error("Event loop is closed");
    RunningScope scope(this, running_);
    ++iteration_;
    if (recorder_) recorder_->on_iteration(*this);

    const Time end = now_ + kClockResolution;
    while (!timers_.empty() && timers_.top()->when < end) {
        detail::TimerNode* node = timers_.pop();
        node->state = detail::TimerNode::Ready;
        node->ready_seq = ready_.push({&Loop::run_timer, node, nullptr});
    }
    for (uint64_t n = ready_.size(); n > 0; --n) {
        const detail::Callback cb = ready_.pop();
        if (!cb.fn) continue;  // a timer cancelled after it became due
        try {
            cb();
        } catch (...) {
            call_exception_handler({"Exception in callback", std::current_exception(), 0, {}});
        }
    }
    if (recorder_) recorder_->on_iteration_end(*this);
}

void Loop::call_exception_handler(const ErrorReport& report) {
    if (handler_) {
        handler_(report);
        return;
    }
    std::string line = report.message;
    if (report.task_id) line += " (task " + report.task_name + ")";
    if (report.exception) line += ": " + exception_type_name(report.exception) + ": " + exception_message(report.exception);
    std::fprintf(stderr, "%s\n", line.c_str());
}

uint32_t Loop::register_task(TaskBase* t) {
    t->live_prev_ = live_tail_;
    if (live_tail_) live_tail_->live_next_ = t;
    else live_head_ = t;
    live_tail_ = t;
    ++live_count_;
    return next_task_id_++;
}

void Loop::unregister_task(TaskBase* t) {
    if (t->live_prev_) t->live_prev_->live_next_ = t->live_next_;
    else live_head_ = t->live_next_;
    if (t->live_next_) t->live_next_->live_prev_ = t->live_prev_;
    else live_tail_ = t->live_prev_;
    t->live_prev_ = t->live_next_ = nullptr;
    --live_count_;
}

}  // namespace aio
