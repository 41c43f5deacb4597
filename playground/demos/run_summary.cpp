// The summary's figures, summed over the trace's task records.
#include "playground/demos/run_summary.hpp"

#include "runtime/record_as_of.hpp"
#include "runtime/run.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>

namespace aio::demos {

bool is_work(WaitKind k) { return k == WaitKind::Sleep || k == WaitKind::Yield || k == WaitKind::Fetch; }   // SummaryTally::part_of lists them too

namespace {
// Times are summed in floats: a difference under 0.1 ms per second of run is rounding, not overlap.
double saved(const RunSummary& s) { return s.work - s.elapsed > 1e-4 * std::max(1.0, s.elapsed) ? s.work - s.elapsed : 0; }
}  // namespace

namespace {
// A task that changed after `now` (a blocking call's iteration not shown yet) counts as it was then.
std::optional<TaskRecord> as_of(const Trace& trace, const TaskRecord& r, Time now) {
    return r.since > now ? record_as_of(trace, r, now) : std::nullopt;
}
}  // namespace

RunSummary summarise(const Trace& trace, Time now) {
    RunSummary s;
    bool first = true;
    Time start = now;
    for (const TaskRecord& recorded : trace.tasks()) {
        if (!recorded.id || recorded.created > now) continue;   // created before recording began, or after `now`
        const std::optional<TaskRecord> then = as_of(trace, recorded, now);
        const TaskRecord& r = then ? *then : recorded;
        if (first || r.created < start) start = r.created;
        first = false;
        ++s.tasks;
        std::array<double, kWaitKindCount> wait{};
        for (int k = 0; k < kWaitKindCount; ++k) wait[k] = r.wait_in[k];
        double running = r.time_in[static_cast<int>(TaskState::Running)];
        const bool live = r.state < TaskState::Done;   // its current span is still open
        const double open = live ? std::max(0.0, now - r.since) : 0;
        if (r.state == TaskState::Waiting) wait[static_cast<int>(r.wait)] += open;
        if (r.state == TaskState::Running) running += open;
        double work = 0;
        for (int k = 0; k < kWaitKindCount; ++k) (is_work(static_cast<WaitKind>(k)) ? work : s.others) += wait[k];
        s.work += work;
        s.working += work > 0;
        s.blocked += running;
    }
    s.elapsed = now - start;
    s.saved = saved(s);
    return s;
}

SummaryTally::Ticks SummaryTally::ticks(double seconds) { return std::llround(seconds * 1e9); }

SummaryTally::Part SummaryTally::part_of(const TaskRecord& r) {
    Part p;
    // The waiting time's share that is work: the few kinds that are, the rest of time_in[Waiting].
    for (WaitKind k : {WaitKind::Sleep, WaitKind::Yield, WaitKind::Fetch}) p.closed[kWork] += ticks(r.wait_in[static_cast<int>(k)]);
    p.closed[kOthers] = ticks(r.time_in[static_cast<int>(TaskState::Waiting)]) - p.closed[kWork];
    p.closed[kRunning] = ticks(r.time_in[static_cast<int>(TaskState::Running)]);
    p.since = ticks(r.since);
    if (r.state == TaskState::Waiting) p.open = is_work(r.wait) ? kWork : kOthers;
    else if (r.state == TaskState::Running) p.open = kRunning;
    p.counted = true;
    return p;
}

// Adds (sign 1) or takes off (sign -1) one task's share.
void SummaryTally::add(const Part& p, int sign) {
    for (int c = 0; c < 3; ++c) closed_[c] += sign * p.closed[c];
    if (p.open != kNone) {
        open_count_[p.open] += sign;
        open_sum_[p.open] += sign * p.since;
    }
    const bool working = p.closed[kWork] > 0;
    working_ += sign * working;
    if (!working && p.open == kWork) {
        fresh_ += sign;
        if (p.since == latest_) fresh_now_ += sign;
    }
    tasks_ += sign;
}

void SummaryTally::reread(const Trace& trace) {
    *this = SummaryTally{};
    for (const TaskRecord& r : trace.tasks()) {
        if (!r.id) continue;
        if (parts_.size() < r.id) parts_.resize(r.id);
        if (!tasks_) start_ = r.created;
        parts_[r.id - 1] = part_of(r);
        add(parts_[r.id - 1], 1);
    }
}

void SummaryTally::update(const Trace& trace, Time loop_time_seconds) {
    const Ticks loop_time = ticks(loop_time_seconds);
    if (loop_time > latest_) {
        latest_ = loop_time;
        fresh_now_ = 0;   // every open span began before now
    }
    size_t from = 0;
    const std::vector<uint32_t>* log = started_ ? trace.changed_since(mark_, from) : nullptr;
    if (!log) {
        reread(trace);
        latest_ = loop_time;
        fresh_now_ = 0;
        for (const Part& p : parts_)
            if (p.counted && p.closed[kWork] <= 0 && p.open == kWork && p.since == latest_) ++fresh_now_;
    } else {
        for (size_t i = from; i < log->size(); ++i) {
            const TaskRecord* r = trace.task((*log)[i]);
            if (!r || !r->id) continue;
            if (parts_.size() < r->id) parts_.resize(r->id);
            Part& p = parts_[r->id - 1];
            if (p.counted) add(p, -1);
            else if (!tasks_) start_ = r->created;
            p = part_of(*r);
            add(p, 1);
        }
    }
    mark_ = trace.mark();
    started_ = true;
}

RunSummary SummaryTally::at(const Trace& trace, Time now_seconds) const {
    const Ticks now = ticks(now_seconds);
    if (now < latest_ || !started_) return summarise(trace, now_seconds);
    RunSummary s;
    auto total = [&](Category c) {
        return static_cast<double>(closed_[c] + static_cast<Ticks>(open_count_[c]) * now - open_sum_[c]) * 1e-9;
    };
    s.work = total(kWork);
    s.others = total(kOthers);
    s.blocked = total(kRunning);
    s.tasks = tasks_;
    s.working = working_ + fresh_ - (now == latest_ ? fresh_now_ : 0);
    s.elapsed = tasks_ ? now_seconds - start_ : 0;
    s.saved = saved(s);
    return s;
}

void stop_run(Loop& loop, Time now) {
    loop.advance_to(now);
    cancel_all_tasks(loop);
}

namespace {
std::string format(const char* fmt, ...) {
    char buf[160];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    return buf;
}
}  // namespace

std::vector<std::string> describe(const RunSummary& s) {
    std::vector<std::string> out{format("took %.2f s of loop time", s.elapsed)};
    if (s.working) out.push_back(format("%zu task%s waited %.2f s in all on sleeps and requests", s.working, s.working == 1 ? "" : "s", s.work));
    else out.push_back("no task waited on a sleep or a request");
    if (s.others > 0) out.push_back(format("tasks also waited %.2f s on each other (tasks, gather, queues, locks): not counted", s.others));
    if (s.blocked > 0) out.push_back(format("a blocking call held up the loop for %.2f s: nothing else could run meanwhile", s.blocked));
    if (s.saved > 0) out.push_back(format("concurrency saved %.2f s: one after another, the waits take %.1fx as long", s.saved, s.work / s.elapsed));
    else if (s.work > 0) out.push_back("nothing overlapped: the waits took their full time one after another");
    return out;
}

}  // namespace aio::demos
