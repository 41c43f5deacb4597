// Recording task state changes, and exporting them as a Chrome trace.
#include "runtime/trace.hpp"

#include "runtime/repr.hpp"
#include "runtime/task.hpp"

#include <cstdio>

namespace aio {

namespace {
size_t power_of_two_at_least(size_t n) {
    size_t p = 1;
    while (p < n) p <<= 1;
    return p;
}
}  // namespace

Trace::Trace(size_t event_capacity) : ring_(power_of_two_at_least(event_capacity)), mask_(ring_.size() - 1) {}

Trace::~Trace() { detach(); }

void Trace::attach(Loop& loop) {
    detach();
    loop_ = &loop;
    first_id_ = loop.tasks_created() + 1;
    loop.set_recorder(this);
}

void Trace::detach() {
    if (loop_ && loop_->recorder() == this) loop_->set_recorder(nullptr);
    loop_ = nullptr;
}

void Trace::clear() {
    tasks_.clear();
    head_ = size_ = 0;
    dropped_ = 0;
}

std::vector<TraceEvent> Trace::events() const {
    std::vector<TraceEvent> out;
    out.reserve(size_);
    for (size_t i = 0; i < size_; ++i) out.push_back(ring_[(head_ + i) & mask_]);
    return out;
}

void Trace::on_task_created(const TaskBase& t) {
    if (tasks_.size() < t.id()) tasks_.resize(t.id());
    TaskRecord& r = tasks_[t.id() - 1];
    r = TaskRecord{};
    r.id = t.id();
    r.parent = t.parent_id();
    if (t.has_custom_name()) r.name = t.name();   // else "Task-N", made when a view asks
    r.default_name = t.default_name_number();
    r.task = &t;
    r.created = r.since = t.loop().time();
    push({r.created, t.loop().iteration(), r.id, TaskState::Pending, TaskState::Pending, WaitKind::None});
}

void Trace::on_task_renamed(const TaskBase& t) {
    if (t.id() == 0 || t.id() > tasks_.size()) return;
    ++tasks_[t.id() - 1].changes;
}

void Trace::on_task_state(const TaskBase& t, TaskState from) {
    if (t.id() == 0 || t.id() > tasks_.size()) return;   // created before recording began
    TaskRecord& r = tasks_[t.id() - 1];
    const Time now = t.loop().time();
    r.time_in[static_cast<int>(from)] += static_cast<float>(now - r.since);
    if (from == TaskState::Waiting) r.wait_in[static_cast<int>(r.wait)] += static_cast<float>(now - r.since);
    r.since = now;
    r.state = t.state();
    ++r.changes;
    r.wait = t.state() == TaskState::Waiting && t.waiting_on() ? t.waiting_on()->kind() : WaitKind::None;
    if (t.state() >= TaskState::Done) {
        r.task = nullptr;   // it may go away now
        r.finished = now;
        r.result = t.result_repr();
        if (t.has_custom_name()) r.name = t.name();
    }
    push({now, t.loop().iteration(), r.id, from, r.state, r.wait});
}

namespace {
std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') { out += '\\'; out += static_cast<char>(c); }
        else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else out += static_cast<char>(c);
    }
    return out + "\"";
}
}  // namespace

std::string to_chrome_trace(const Trace& trace, Time now) {
    std::string out = "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[";
    bool first = true;
    auto add = [&](const std::string& ev) {
        out += first ? "" : ",";
        out += ev;
        first = false;
    };
    for (const TaskRecord& r : trace.tasks()) {
        if (!r.id) continue;
        add("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":" + std::to_string(r.id) +
            ",\"args\":{\"name\":" + json_string(r.display_name()) + "}}");
    }
    // A span per state: from each event to the task's next event (or its current `since`).
    const auto events = trace.events();
    std::vector<const TraceEvent*> last(trace.tasks().size() + 1, nullptr);
    auto span = [&](const TraceEvent& e, Time end) {
        if (end <= e.time && e.to != TaskState::Running) return;
        std::string name = to_string(e.to);
        if (e.to == TaskState::Waiting && e.wait != WaitKind::None) name += std::string(" ") + to_string(e.wait);
        char ts[64];
        std::snprintf(ts, sizeof ts, "\"ts\":%.3f,\"dur\":%.3f", e.time * 1e6, (end - e.time) * 1e6);
        add("{\"ph\":\"X\",\"pid\":1,\"tid\":" + std::to_string(e.task) + ",\"name\":" + json_string(name) + "," + ts +
            ",\"args\":{\"iteration\":" + std::to_string(e.iteration) + "}}");
    };
    for (const TraceEvent& e : events) {
        if (e.task < last.size() && last[e.task]) span(*last[e.task], e.time);
        if (e.task < last.size()) last[e.task] = &e;
    }
    for (const TraceEvent* e : last)
        if (e && e->to < TaskState::Done) span(*e, now > e->time ? now : e->time);
    return out + "]}";
}

}  // namespace aio
