#include "playground/views/mirror_views.hpp"

#include "playground/demos/run_compare.hpp"

#include "playground/views/source_lines.hpp"
#include "runtime/record_as_of.hpp"

#include <algorithm>
#include <map>
#include <cstdio>

namespace aio::views {

using nlohmann::json;

namespace {

std::string seconds(double t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", t);
    return buf;
}

// 9981 as "9,981", as the mirror's caption writes counts.
std::string grouped(size_t n) {
    std::string digits = std::to_string(n);
    for (size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
    return digits;
}

std::string plural(size_t n, const std::string& one, const std::string& many) {
    return grouped(n) + " " + (n == 1 ? one : many);
}

json leaf(std::string text) { return {{"text", std::move(text)}}; }
json more(size_t n, const std::string& one, const std::string& many) { return leaf("and " + plural(n, one, many) + " more"); }

std::string name_of(const Snapshot& snap, uint32_t id) {
    const TaskView* t = snap.task(id);
    return t ? t->name : "task " + std::to_string(id);
}

// "consumer-1, consumer-2 and 3 more", or "none".
std::string names(const Snapshot& snap, const std::vector<uint32_t>& ids) {
    if (ids.empty()) return "none";
    std::string out;
    for (size_t i = 0; i < std::min(ids.size(), kWordsNames); ++i) out += (i ? ", " : "") + name_of(snap, ids[i]);
    if (ids.size() > kWordsNames) out += " and " + grouped(ids.size() - kWordsNames) + " more";
    return out;
}

// "queue 'items': 3 items, maxsize 5, 3 unfinished", "semaphore: value 1 of 3", "lock: locked".
std::string level_words(const ResourceView& r) {
    std::string out = std::string(to_string(r.kind)) + (r.name.empty() ? " " + std::to_string(r.id) : " '" + r.name + "'") + ": ";
    switch (r.kind) {
    case ResourceKind::Queue:
        return out + plural(static_cast<size_t>(r.level), "item", "items") + ", maxsize " +
               (r.capacity == 0 ? std::string("0 (unbounded)") : std::to_string(r.capacity)) + ", " + std::to_string(r.unfinished) + " unfinished" +
               (r.alive ? "" : " (gone, last values)");
    case ResourceKind::Semaphore: return out + "value " + std::to_string(r.level) + " of " + std::to_string(r.capacity) + (r.alive ? "" : " (gone, last values)");
    case ResourceKind::Lock: return out + (r.level ? "locked" : "unlocked") + (r.alive ? "" : " (gone, last values)");
    case ResourceKind::Event: return out + (r.level ? "set" : "not set") + (r.alive ? "" : " (gone, last values)");
    }
    return out;
}

json resources(const page::PlaygroundState& s) {
    const Snapshot& snap = s.snapshot;
    json out = json::array();
    if (snap.resources.empty()) return json::array({leaf("The run uses no queue, semaphore, lock or event.")});
    for (size_t i = 0; i < std::min(snap.resources.size(), kWordsItems); ++i) {
        const ResourceView& r = snap.resources[i];
        json waiters = json::array();
        const auto kinds = waiter_kinds(r.kind);
        for (size_t k = 0; k < kinds.size(); ++k)
            waiters.push_back(leaf(std::string(waiter_role(kinds[k])) + " (" + grouped(r.waiting[k].size()) + "): " + names(snap, r.waiting[k])));
        out.push_back({{"text", level_words(r)}, {"items", waiters}});
    }
    if (snap.resources.size() > kWordsItems) out.push_back(more(snap.resources.size() - kWordsItems, "resource", "resources"));
    return out;
}

json tree_node(const Snapshot& snap, const TaskView& t, std::vector<uint32_t>& path, size_t& budget) {
    std::string text = t.name + ", " + to_string(t.state);
    if (!t.waiting_on.empty()) text += ", awaiting " + t.waiting_on;
    json node = leaf(text);
    if (t.awaits.empty()) return node;
    path.push_back(t.id);
    json items = json::array();
    size_t shown = 0;
    for (uint32_t id : t.awaits) {
        const TaskView* c = snap.task(id);
        if (!c || std::find(path.begin(), path.end(), id) != path.end()) continue;   // a cycle
        if (budget == 0 || shown == kWordsItems) {
            items.push_back(more(t.awaits.size() - shown, "awaited task", "awaited tasks"));
            break;
        }
        --budget, ++shown;
        items.push_back(tree_node(snap, *c, path, budget));
    }
    path.pop_back();
    node["items"] = std::move(items);
    return node;
}

// Roots as the Await tree view has them: the live tasks nobody awaits; under each, what it awaits.
json tree(const page::PlaygroundState& s) {
    const Snapshot& snap = s.snapshot;
    json out = json::array();
    size_t budget = 4 * kWordsItems, roots = 0, shown = 0;   // nodes in all: a listener reads them one by one
    std::vector<uint32_t> path;
    for (const TaskView& t : snap.tasks) {
        if (t.state >= TaskState::Done || !t.awaited_by.empty()) continue;
        ++roots;
        if (budget == 0 || shown == kWordsItems) continue;
        --budget, ++shown;
        out.push_back(tree_node(snap, t, path, budget));
    }
    if (roots > shown) out.push_back(more(roots - shown, "task nobody awaits", "tasks nobody awaits"));
    if (roots == 0) out.push_back(leaf("No live task."));
    return out;
}

json loop(const page::PlaygroundState& s) {
    const Snapshot& snap = s.snapshot;
    json ready = json::array();
    for (size_t i = 0; i < std::min(snap.ready.size(), kWordsItems); ++i) ready.push_back(leaf(name_of(snap, snap.ready[i])));
    if (snap.ready.size() > kWordsItems) ready.push_back(more(snap.ready.size() - kWordsItems, "task step", "task steps"));
    json timers = json::array();
    for (size_t i = 0; i < std::min(snap.timers.size(), kWordsItems); ++i) {
        const TimerView& t = snap.timers[i];
        std::string text = t.what + (t.task ? " for " + name_of(snap, t.task) : "") + ", at " + seconds(t.when) + " s (" +
                           seconds(std::max(0.0, t.when - s.time)) + " s left)";
        timers.push_back(leaf(std::move(text)));
    }
    if (snap.timer_count > timers.size()) timers.push_back(more(snap.timer_count - timers.size(), "timer", "timers"));
    json fetches = json::array();
    for (size_t i = 0; i < std::min(snap.fetches.size(), kWordsItems); ++i) {
        const FetchInFlight& f = snap.fetches[i];
        fetches.push_back(leaf(f.url + " for " + name_of(snap, f.task) + ", since " + seconds(f.started) + " s"));
    }
    if (snap.fetches.size() > kWordsItems) fetches.push_back(more(snap.fetches.size() - kWordsItems, "request", "requests"));
    return json::array({
        leaf("Loop time " + seconds(s.time) + " s, iteration " + grouped(snap.iteration) + ", " + plural(snap.live_tasks, "live task", "live tasks") + "."),
        {{"text", "Ready queue: " + plural(snap.ready_callbacks, "callback", "callbacks") + " (" + plural(snap.ready.size(), "task step", "task steps") + "), in run order"},
         {"items", ready}},
        {{"text", "Timers: " + grouped(snap.timer_count) + ", earliest first"}, {"items", timers}},
        {{"text", "Requests in flight: " + grouped(snap.fetches.size())}, {"items", fetches}},
    });
}

// "ran", "waited on sleep", "ready", ... for a span of that state.
std::string span_words(const TaskSpan& span) {
    switch (span.state) {
    case TaskState::Running: return "ran";
    case TaskState::Waiting: return std::string("waited on ") + to_string(span.wait);
    default: return to_string(span.state);
    }
}

// Each task's intervals up to the time shown, the latest kWordsIntervals of them; those too short
// for the printed precision are said at their time, those in a row at one time as one.
json timeline(const page::PlaygroundState& s) {
    json out = json::array();
    const Trace* trace = s.history;
    const std::vector<TaskView>& tasks = s.snapshot.tasks;
    for (size_t i = 0; i < std::min(tasks.size(), kWordsItems); ++i) {
        const TaskView& t = tasks[i];
        const TaskRecord* r = trace ? trace->task(t.id) : nullptr;
        if (!r) { out.push_back(leaf(t.name + ": " + to_string(t.state))); continue; }
        std::vector<std::string> said;
        const TaskSpanView spans = spans_as_of(*trace, *r, t);   // those recorded by the snapshot, not since
        size_t count = 0;
        std::string instant;   // the time of the last interval said, when it was too short to print ("ran at 10.00 s")
        for (size_t k = 0; k < spans.size() && spans[k].start <= s.time; ++k) {
            const TaskSpan span = spans[k];
            // The open span (the last) lasts until the time shown; a closed one is cut there too.
            const double end = k + 1 == spans.size() ? s.time : std::min<double>(span.end, s.time);
            const std::string from = seconds(span.start), to = seconds(end);
            const bool brief = span.state < TaskState::Done && from == to;
            // Intervals shorter than the printed precision, one after another at the same time, are
            // one: "ran at 10.00 s" when the task ran among them.
            if (brief && instant == from) {
                if (span.state == TaskState::Running) said.back() = "ran at " + from + " s";
                continue;
            }
            instant = brief ? from : "";
            ++count;
            if (said.size() == kWordsIntervals) said.erase(said.begin());
            if (span.state >= TaskState::Done || brief) said.push_back(span_words(span) + " at " + from + " s");
            else said.push_back(span_words(span) + " " + from + "\u2013" + to + " s");
        }
        std::string text = t.name + ": ";
        if (count > said.size()) text += plural(count - said.size(), "earlier interval", "earlier intervals") + " not listed, then ";
        for (size_t k = 0; k < said.size(); ++k) text += (k ? ", " : "") + said[k];
        out.push_back(leaf(said.empty() ? t.name + ": not started by " + seconds(s.time) + " s" : text));
    }
    if (tasks.size() > kWordsItems) out.push_back(more(tasks.size() - kWordsItems, "task", "tasks"));
    if (tasks.empty()) out.push_back(leaf("No task yet."));
    return out;
}

// Each page the run fetched, as the Pages view's row: URL, state, HTTP status, bytes, links, error.
json pages(const page::PlaygroundState& s) {
    json out = json::array();
    for (size_t i = 0; i < std::min(s.pages.size(), kWordsItems); ++i) {
        const demos::PageReport& p = s.pages[i];
        std::string text = p.url + ": " + p.state;
        if (p.status) text += ", HTTP " + std::to_string(p.status) + ", " + plural(p.bytes, "byte", "bytes") + (p.truncated ? " (body cut there)" : "");
        if (p.state == "done") text += ", " + plural(p.links, "link", "links");
        if (!p.error.empty()) text += ", error: " + p.error;
        out.push_back(leaf(std::move(text)));
    }
    if (s.pages.size() > kWordsItems) out.push_back(more(s.pages.size() - kWordsItems, "page", "pages"));
    if (s.pages.empty()) out.push_back(leaf("No page fetched yet."));
    return out;
}

// The script's lines that tasks wait at, as the Source view marks them: "line 31: await q.put(i)
// \u2014 waiting here: Task-2 (queue.put)".
json source(const page::PlaygroundState& s) {
    std::map<int, std::vector<const TaskView*>> at;
    for (const TaskView& t : s.snapshot.tasks)
        if (const int line = source_line(s, *s.demo, t)) at[line].push_back(&t);
    json out = json::array();
    std::vector<std::string> script;
    for (size_t from = 0, to; from <= s.demo->python.size(); from = to + 1) {
        to = std::min(s.demo->python.find('\n', from), s.demo->python.size());
        script.push_back(s.demo->python.substr(from, to - from));
    }
    for (const auto& [line, tasks] : at) {
        if (out.size() == kWordsItems) break;
        std::string code = line <= static_cast<int>(script.size()) ? script[static_cast<size_t>(line - 1)] : "";
        code.erase(0, code.find_first_not_of(' '));
        std::string text = "line " + std::to_string(line) + ": " + code + " \u2014 waiting here: ";
        for (size_t i = 0; i < std::min(tasks.size(), kWordsNames); ++i)
            text += (i ? ", " : "") + tasks[i]->name + (tasks[i]->waiting_on.empty() ? "" : " (" + tasks[i]->waiting_on + ")");
        if (tasks.size() > kWordsNames) text += " and " + grouped(tasks.size() - kWordsNames) + " more";
        out.push_back(leaf(std::move(text)));
    }
    if (at.size() > out.size()) out.push_back(more(at.size() - out.size(), "line", "lines"));
    if (at.empty()) out.push_back(leaf("No task waits at a line of the script."));
    return out;
}

}  // namespace

json view_words(const page::PlaygroundState& s, std::string_view view) {
    if (!s.demo) return json::array();
    if (view == "resources") return resources(s);
    if (view == "tree") return tree(s);
    if (view == "loop") return loop(s);
    if (view == "timeline") return timeline(s);
    if (view == "pages") return pages(s);
    if (view == "source") return source(s);
    return json::array();
}

std::vector<std::string> comparison_words(const page::PlaygroundState& s) {
    if (!s.demo || !s.demo->comparison) return {};
    const demos::Demo& demo = *s.demo;
    const std::vector<std::string>& compared = demo.comparison->compared;
    std::vector<std::string> out = {demo.comparison->lesson};
    const auto& runs = s.finished_runs;
    const auto async_run = runs.find(demos::run_key(demo, false)), blocking_run = runs.find(demos::run_key(demo, true));
    if (async_run != runs.end() && blocking_run != runs.end()) {
        const std::string note = demos::comparability_note(async_run->second.params, blocking_run->second.params, compared);
        if (!note.empty()) out.push_back(note);
    }
    for (const auto& [it, twin] : {std::pair{async_run, false}, std::pair{blocking_run, true}}) {
        const std::string title = demos::run_title(demo, twin);
        if (it == runs.end()) { out.push_back(title + ": not run yet."); continue; }
        std::string text = title + ", " + demos::params_label(it->second.params, compared) + ":";
        for (const std::string& line : demos::describe(it->second.summary)) text += " " + line + ";";
        text.back() = '.';
        out.push_back(std::move(text));
    }
    return out;
}

}  // namespace aio::views
