// Keeping a run's states iteration by iteration, and giving one back.
#include "playground/state/history.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <tuple>

namespace aio::page {

namespace {

// A view is kept again when what a snapshot rebuilds it for moves: its record's changes (state,
// wait, name, time per state), or its await edges, which a snapshot edits on views it keeps.
bool differs(const TaskView& a, const TaskView& b) {
    return a.changes != b.changes || a.awaited_by != b.awaited_by || a.awaits != b.awaits;
}

bool same_timers(const std::vector<TimerView>& a, const std::vector<TimerView>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const TimerView& x, const TimerView& y) {
        return x.when == y.when && x.task == y.task && x.what == y.what;
    });
}

bool same_fetches(const std::vector<FetchInFlight>& a, const std::vector<FetchInFlight>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const FetchInFlight& x, const FetchInFlight& y) {
        return x.id == y.id && x.url == y.url && x.started == y.started && x.task == y.task;
    });
}

bool same_resources(const std::vector<ResourceView>& a, const std::vector<ResourceView>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const ResourceView& x, const ResourceView& y) {
        return x.id == y.id && x.changes == y.changes && x.alive == y.alive;
    });
}

bool same_pages(const std::vector<demos::PageReport>& a, const std::vector<demos::PageReport>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const demos::PageReport& x, const demos::PageReport& y) {
        return std::tie(x.url, x.state, x.status, x.bytes, x.truncated, x.links, x.error) ==
               std::tie(y.url, y.state, y.status, y.bytes, y.truncated, y.links, y.error);
    });
}

size_t string_bytes(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

size_t loop_bytes(const auto& l) {
    size_t n = sizeof(l) + l.timers.capacity() * sizeof(TimerView) + l.ready.capacity() * sizeof(uint32_t) +
               l.fetches.capacity() * sizeof(FetchInFlight) + l.resources.capacity() * sizeof(ResourceView);
    for (const TimerView& t : l.timers) n += string_bytes(t.what);
    for (const FetchInFlight& f : l.fetches) n += string_bytes(f.url);
    for (const ResourceView& r : l.resources) {
        n += string_bytes(r.name);
        for (const auto& w : r.waiting) n += w.capacity() * sizeof(uint32_t);
    }
    return n;
}

// Spans the trace has dropped and resource samples its histories have: a state from before a
// drop could not be shown as it was.
uint64_t dropped(const Trace& trace) {
    uint64_t n = trace.spans_dropped();
    for (const ResourceRecord& r : trace.resources()) n += r.history.dropped();
    return n;
}

}  // namespace

size_t History::bytes_of(const TaskView& v) {
    size_t n = sizeof(Version) + string_bytes(v.name) + string_bytes(v.waiting_on) + string_bytes(v.result) +
               (v.awaited_by.capacity() + v.awaits.capacity()) * sizeof(uint32_t) + v.stack.capacity() * sizeof(std::string);
    for (const std::string& s : v.stack) n += string_bytes(s);
    return n;
}

void History::record(const PlaygroundState& state, const LogMarks& marks, Time cut) {
    const Snapshot& snap = state.snapshot;
    const uint64_t k = state.iteration;
    if (!state.history) throw std::invalid_argument("History::record: the state has no trace");
    if (!rows_.empty() && k != rows_.back().iteration && k != rows_.back().iteration + 1)
        throw std::invalid_argument("History::record: iteration " + std::to_string(k) + " does not follow " +
                                    std::to_string(rows_.back().iteration));
    const bool again = !rows_.empty() && rows_.back().iteration == k;
    const Trace& trace = *state.history;
    for (size_t i = 0; i < snap.tasks.size(); ++i)
        if (snap.tasks[i].id != i + 1) throw std::invalid_argument("History::record: the trace must hold every task of the run");

    // The tasks to look at: those the trace logged as changed since the last state, and the ones
    // they awaited or await now (their awaited_by moved); every task when the log cannot say.
    const size_t before = tasks_.size();
    tasks_.resize(snap.tasks.size());
    const auto keep = [&](uint32_t id) {
        if (!id || id > snap.tasks.size()) return;
        std::vector<Version>& versions = tasks_[id - 1];
        const TaskView& v = snap.tasks[id - 1];
        if (!versions.empty() && !differs(versions.back().view, v)) return;
        if (!versions.empty() && versions.back().iteration == k) {
            bytes_ -= bytes_of(versions.back().view);
            versions.back().view = v;
        } else {
            versions.push_back({k, v});
            ++versions_;
        }
        bytes_ += bytes_of(v);
    };
    size_t from = 0;
    const std::vector<uint32_t>* log = trace_ == &trace ? trace.changed_since(mark_, from) : nullptr;
    if (!log) {
        for (uint32_t id = 1; id <= snap.tasks.size(); ++id) keep(id);
    } else {
        for (uint32_t id = static_cast<uint32_t>(before) + 1; id <= snap.tasks.size(); ++id) keep(id);
        for (size_t i = from; i < log->size(); ++i) {
            const uint32_t id = (*log)[i];
            if (!id || id > snap.tasks.size()) continue;
            // What it awaited before it changed (its latest kept version), and what it awaits now.
            const std::vector<Version>& versions = tasks_[id - 1];
            if (!versions.empty())
                for (uint32_t target : std::vector<uint32_t>(versions.back().view.awaits)) keep(target);
            keep(id);
            for (uint32_t target : snap.tasks[id - 1].awaits) keep(target);
        }
    }
    trace_ = &trace;
    mark_ = snap.mark;

    Row row;
    row.iteration = k;
    row.time = state.time;
    row.snapshot_time = snap.time;
    row.cut = cut;
    row.tasks = static_cast<uint32_t>(snap.tasks.size());
    row.dropped = dropped(trace);
    row.summary = state.summary;
    row.marks = marks;
    const Row* last = rows_.empty() ? nullptr : &rows_.back();
    if (last && last->loop->timer_count == snap.timer_count && last->loop->ready == snap.ready &&
        last->loop->ready_callbacks == snap.ready_callbacks && last->loop->live_tasks == snap.live_tasks &&
        same_timers(last->loop->timers, snap.timers) && same_fetches(last->loop->fetches, snap.fetches) &&
        same_resources(last->loop->resources, snap.resources))
        row.loop = last->loop;
    else {
        row.loop = std::make_shared<const LoopPart>(LoopPart{snap.timers, snap.timer_count, snap.ready, snap.fetches, snap.ready_callbacks,
                                                     snap.live_tasks, snap.resources});
        row.bytes += loop_bytes(*row.loop);
    }
    if (last && *last->files == state.files) row.files = last->files;
    else {
        row.files = std::make_shared<const std::map<std::string, std::string>>(state.files);
        for (const auto& [name, text] : state.files) row.bytes += name.size() + text.size() + 64;
    }
    if (last && same_pages(*last->pages, state.pages)) row.pages = last->pages;
    else {
        row.pages = std::make_shared<const std::vector<demos::PageReport>>(state.pages);
        for (const demos::PageReport& p : state.pages) row.bytes += sizeof(p) + p.url.size() + p.error.size();
    }
    row.bytes += sizeof(Row);
    bytes_ += row.bytes;
    if (again) {
        bytes_ -= rows_.back().bytes;
        rows_.back() = std::move(row);
    } else rows_.push_back(std::move(row));
    trim();
}

void History::clear() {
    rows_.clear();
    tasks_.clear();
    bytes_ = versions_ = 0;
    trace_ = nullptr;
    mark_ = {};
}

// The first row from after the trace's latest drop: rows before it are let go in batches.
uint64_t History::first() const {
    if (rows_.empty()) throw std::out_of_range("History::first: nothing recorded");
    const uint64_t now = rows_.back().dropped;
    return std::partition_point(rows_.begin(), rows_.end(), [now](const Row& r) { return r.dropped != now; })->iteration;
}

uint64_t History::last() const {
    if (rows_.empty()) throw std::out_of_range("History::last: nothing recorded");
    return rows_.back().iteration;
}

const History::Row& History::row(uint64_t k) const {
    if (rows_.empty()) throw std::out_of_range("iteration: nothing has run yet");
    if (k < first() || k > last())
        throw std::out_of_range("iteration must be a whole number " + std::to_string(first()) + ".." + std::to_string(last()) +
                                ", got " + std::to_string(k));
    return rows_[k - rows_.front().iteration];
}

LogMarks History::state_at(uint64_t k, PlaygroundState& out) const {
    const Row& r = row(k);
    Snapshot& snap = out.snapshot;
    snap.tasks.resize(r.tasks);
    for (uint32_t id = 1; id <= r.tasks; ++id) {
        const std::vector<Version>& versions = tasks_[id - 1];
        // The latest version at or before k: every task has one from the iteration it was made in on.
        const auto it = std::upper_bound(versions.begin(), versions.end(), k,
                                         [](uint64_t at, const Version& v) { return at < v.iteration; });
        snap.tasks[id - 1] = std::prev(it)->view;
    }
    snap.time = r.snapshot_time;
    snap.iteration = k;
    snap.timers = r.loop->timers;
    snap.timer_count = r.loop->timer_count;
    snap.ready = r.loop->ready;
    snap.fetches = r.loop->fetches;
    snap.ready_callbacks = r.loop->ready_callbacks;
    snap.live_tasks = r.loop->live_tasks;
    snap.resources = r.loop->resources;
    snap.mark = {};   // a snapshot that lends nothing to the next
    out.iteration = k;
    out.time = r.time;
    out.files = *r.files;
    out.pages = *r.pages;
    out.summary = r.summary;
    out.history = trace_;
    out.blocking.reset();
    return r.marks;
}

std::optional<uint64_t> History::previous_change(uint32_t id, uint64_t k) const {
    if (rows_.empty() || !id || id > tasks_.size()) return std::nullopt;
    const std::vector<Version>& versions = tasks_[id - 1];
    auto it = std::lower_bound(versions.begin(), versions.end(), k, [](const Version& v, uint64_t at) { return v.iteration < at; });
    if (it == versions.begin() || std::prev(it)->iteration < first()) return std::nullopt;
    return std::prev(it)->iteration;
}

std::optional<uint64_t> History::next_change(uint32_t id, uint64_t k) const {
    if (rows_.empty() || !id || id > tasks_.size()) return std::nullopt;
    const std::vector<Version>& versions = tasks_[id - 1];
    auto it = std::upper_bound(versions.begin(), versions.end(), k, [](uint64_t at, const Version& v) { return at < v.iteration; });
    if (it == versions.end() || it->iteration > last()) return std::nullopt;
    return it->iteration;
}

// Lets the oldest iterations go: those from before the trace's latest drop, and past the budget
// an eighth of those kept, always keeping the latest. Each time costs a walk over the tasks, so
// it waits until there is an eighth to let go.
void History::trim() {
    const size_t batch = std::max<size_t>(1, rows_.size() / 8);
    size_t leave = static_cast<size_t>(first() - rows_.front().iteration);
    if (leave < batch) leave = bytes_ > budget_ ? batch : 0;
    if (!leave) return;
    leave = std::min(leave, rows_.size() - 1);
    const uint64_t new_first = rows_[leave].iteration;
    for (size_t i = 0; i < leave; ++i) {
        bytes_ -= rows_.front().bytes;
        rows_.pop_front();
    }
    // Each task keeps its latest version at or before the new first iteration, and those after.
    for (std::vector<Version>& versions : tasks_) {
        const auto it = std::upper_bound(versions.begin(), versions.end(), new_first,
                                         [](uint64_t at, const Version& v) { return at < v.iteration; });
        if (it == versions.begin()) continue;
        const auto gone = std::prev(it) - versions.begin();
        for (auto v = versions.begin(); v != versions.begin() + gone; ++v) bytes_ -= bytes_of(v->view);
        versions.erase(versions.begin(), versions.begin() + gone);
        versions_ -= static_cast<size_t>(gone);
    }
}

}  // namespace aio::page
