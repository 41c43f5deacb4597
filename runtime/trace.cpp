// Recording task state changes as spans, and exporting them as a Chrome trace.
#include "runtime/trace.hpp"

#include "runtime/repr.hpp"
#include "runtime/task.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace aio {

namespace {
size_t checked_budget(size_t span_budget) {
    if (span_budget == 0) throw std::invalid_argument("Trace: span_budget must be at least 1, got 0");
    return span_budget;
}

uint64_t new_epoch() {
    static uint64_t epochs = 0;   // unique over every trace, so a mark never fits another's log
    return ++epochs;
}
}  // namespace

Trace::Trace(size_t span_budget, size_t samples_per_resource)
    : samples_per_resource_(samples_per_resource), log_epoch_(new_epoch()), spans_(checked_budget(span_budget)) {}

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
    forget_resources();
}

void Trace::forget_resources() {
    for (ResourceRecord& r : resources_)
        if (r.resource) {
            const_cast<detail::Resource*>(r.resource)->recorder_ = nullptr;
            r.resource = nullptr;
        }
}

TraceMark Trace::mark() const {
    logging_ = true;
    log_read_ = log_base_ + static_cast<uint32_t>(changed_.size());
    return {log_epoch_, log_read_};
}

const std::vector<uint32_t>* Trace::changed_since(TraceMark m, size_t& from) const {
    const uint32_t end = log_base_ + static_cast<uint32_t>(changed_.size());
    if (m.epoch != log_epoch_ || m.at < log_base_ || m.at > end) return nullptr;
    from = m.at - log_base_;
    return &changed_;
}

void Trace::restart_log() {
    changed_.clear();
    log_epoch_ = new_epoch();
    log_base_ = log_read_ = 0;
    for (TaskRecord& t : tasks_) t.logged = 0;
}

// Each record enters the log once between two marks; a reader that marked earlier than its entry
// finds it there, one that marked later finds the entry appended after its mark.
void Trace::log_change(TaskRecord& r) {
    if (!logging_ || r.logged > log_read_) return;
    if (changed_.size() >= 4096 + 2 * tasks_.size()) {
        const size_t half = changed_.size() / 2;
        changed_.erase(changed_.begin(), changed_.begin() + static_cast<long>(half));
        log_base_ += static_cast<uint32_t>(half);
    }
    if (log_base_ + changed_.size() >= UINT32_MAX - 1) restart_log();   // places would wrap
    changed_.push_back(r.id);
    r.logged = log_base_ + static_cast<uint32_t>(changed_.size());
}

void Trace::clear() {
    forget_resources();
    resources_.clear();
    resource_index_.clear();
    tasks_.clear();
    spans_.clear();
    restart_log();
}

void Trace::on_task_created(const TaskBase& t) {
    if (tasks_.size() < t.id()) tasks_.resize(t.id());
    TaskRecord& r = tasks_[t.id() - 1];
    if (!r.spans.empty()) spans_.release(r.spans);   // a record made anew (recording another loop)
    r = TaskRecord{};
    r.id = t.id();
    r.parent = t.parent_id();
    if (t.has_custom_name()) r.name = t.name();   // else "Task-N", made when a view asks
    r.default_name = t.default_name_number();
    r.task = &t;
    r.created = r.since = t.loop().time();
    spans_.append(r.spans, r.created, TaskState::Pending, WaitKind::None);   // a new id: snapshots build its view anew
    log_change(r);
}

void Trace::on_task_renamed(const TaskBase& t) {
    if (t.id() == 0 || t.id() > tasks_.size()) return;
    ++tasks_[t.id() - 1].changes;
    log_change(tasks_[t.id() - 1]);
}

void Trace::on_task_state(const TaskBase& t, TaskState from) {
    if (t.id() == 0 || t.id() > tasks_.size()) return;   // created before recording began
    TaskRecord& r = tasks_[t.id() - 1];
    const Time now = t.loop().time();
    r.time_in[static_cast<int>(from)] += static_cast<float>(now - r.since);
    if (from == TaskState::Waiting) r.wait_in[static_cast<int>(r.wait)] += static_cast<float>(now - r.since);
    r.since = now;
    const TaskState state = t.state();
    const WaitKind wait = state == TaskState::Waiting && t.waiting_on() ? t.waiting_on()->kind() : WaitKind::None;
    r.state = state;
    r.wait = wait;
    ++r.changes;
    if (state >= TaskState::Done) {
        r.task = nullptr;   // it may go away now
        r.finished = now;
        r.result = t.result_repr();
        if (t.has_custom_name()) r.name = t.name();
    }
    // The state just entered, as values: loading back the two bytes just stored one by one would
    // wait for the stores. It comes with ++changes above, so a snapshot rebuilds the task's view
    // and its span count (TaskView::spans) with it.
    spans_.append(r.spans, now, state, wait);
    log_change(r);
}

void Trace::on_resource_changed(const detail::Resource& res) {
    const uint32_t id = res.resource_id();
    if (resource_index_.size() <= id) resource_index_.resize(id + 1, 0);
    if (!resource_index_[id]) {
        resources_.push_back({id, res.resource_kind(), {}, {}, loop_ ? loop_->time() : 0, 0, nullptr,
                              ResourceHistory(samples_per_resource_)});
        resource_index_[id] = static_cast<uint32_t>(resources_.size());
    }
    ResourceRecord& r = resources_[resource_index_[id] - 1];
    r.resource = &res;
    if (r.name != res.name()) r.name = res.name();
    r.now = res.level();
    ++r.changes;   // before any sample: a snapshot rebuilds the view, and its sample count, on a change
    const ResourceSample s{loop_ ? loop_->time() : 0, r.now.level, r.now.waiters};
    // A change of name or unfinished count alone adds nothing to the plot of level and waiters.
    if (r.history.empty() || r.history.back().level != s.level || r.history.back().waiters != s.waiters)
        r.history.push(s);
}

void Trace::on_resource_destroyed(const detail::Resource& res) {
    const uint32_t id = res.resource_id();
    if (id < resource_index_.size() && resource_index_[id]) resources_[resource_index_[id] - 1].resource = nullptr;
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
    for (const TaskRecord& r : trace.tasks()) {
        const TaskSpanView spans = trace.spans(r);
        for (size_t i = 0; i < spans.size(); ++i) {
            const TaskSpan s = spans[i];
            if (s.state >= TaskState::Done) break;
            const Time end = i + 1 == spans.size() ? std::max(now, s.start) : s.end;   // the open one reaches now
            if (end <= s.start && s.state != TaskState::Running) continue;          // a task that ran shows, however briefly
            std::string name = to_string(s.state);
            if (s.state == TaskState::Waiting && s.wait != WaitKind::None) name += std::string(" ") + to_string(s.wait);
            char ts[64];
            std::snprintf(ts, sizeof ts, "\"ts\":%.3f,\"dur\":%.3f", s.start * 1e6, (end - s.start) * 1e6);
            add("{\"ph\":\"X\",\"pid\":1,\"tid\":" + std::to_string(r.id) + ",\"name\":" + json_string(name) + "," + ts + "}");
        }
    }
    return out + "]}";
}

}  // namespace aio
