// One JSON shape for the page API (and any text mirror) from the one state the views draw.
#include "playground/state/state_json.hpp"

#include "runtime/resource.hpp"

#include <algorithm>

namespace aio::page {

using nlohmann::json;

namespace {

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json or_null(Time t) { return t < 0 ? json(nullptr) : json(t); }

// `ran`: false before any run, whose summary has no sentences ("took 0.00 s" would say a run took none).
json summary_json(const demos::RunSummary& s, bool ran = true) {
    return {{"elapsed", s.elapsed}, {"work", s.work}, {"others", s.others}, {"blocked", s.blocked},
            {"saved", s.saved}, {"tasks", s.tasks}, {"working", s.working},
            {"lines", ran ? json(demos::describe(s)) : json::array()}};
}

json task_json(const TaskView& t, const PlaygroundState& s) {
    json time_in = json::object();
    for (int i = 0; i < kTaskStateCount; ++i) {
        const auto state = static_cast<TaskState>(i);
        time_in[to_string(state)] = seconds_in(t, state, s.time);
    }
    return {{"id", t.id}, {"name", t.name}, {"state", to_string(t.state)},
            {"wait", t.wait == WaitKind::None ? json(nullptr) : json(to_string(t.wait))},
            {"waiting_on", or_null(t.waiting_on)}, {"until", or_null(t.until)},
            {"stack", t.stack}, {"parent", t.parent ? json(t.parent) : json(nullptr)},
            {"awaits", t.awaits}, {"awaited_by", t.awaited_by},
            {"result", or_null(t.result)},
            {"created", t.created}, {"since", t.since}, {"finished", or_null(t.finished)},
            {"time_in", time_in}};
}

}  // namespace

json state_json(const PlaygroundState& s) {
    const Snapshot& snap = s.snapshot;
    json tasks = json::array();
    for (const TaskView& t : snap.tasks) tasks.push_back(task_json(t, s));
    json timers = json::array();
    for (const TimerView& t : snap.timers)
        timers.push_back({{"when", t.when}, {"what", t.what}, {"task", t.task ? json(t.task) : json(nullptr)}});
    json fetches = json::array();
    for (const FetchInFlight& f : snap.fetches) fetches.push_back({{"url", f.url}, {"started", f.started}, {"task", f.task}});
    json resources = json::array();
    for (const ResourceView& r : snap.resources) {
        json waiting = json::object();
        const auto kinds = waiter_kinds(r.kind);
        for (size_t i = 0; i < kinds.size(); ++i) waiting[waiter_role(kinds[i])] = r.waiting[i];
        resources.push_back({{"id", r.id}, {"kind", to_string(r.kind)}, {"name", or_null(r.name)}, {"level", r.level},
                             {"capacity", r.capacity}, {"unfinished", r.unfinished}, {"waiting", waiting}, {"gone", !r.alive}});
    }
    json pages = json::array();
    for (const demos::PageReport& p : s.pages)
        pages.push_back({{"url", p.url}, {"state", p.state}, {"status", p.status}, {"bytes", p.bytes},
                         {"truncated", p.truncated}, {"links", p.links}, {"error", or_null(p.error)}});
    json narration = json::array();
    const size_t told = std::min(s.narration.size(), kNarrationInJson);
    for (auto it = s.narration.end() - static_cast<std::ptrdiff_t>(told); it != s.narration.end(); ++it)
        narration.push_back({{"iteration", it->iteration}, {"time", it->time}, {"text", to_text(*it)}});
    json output = json::array();
    for (const PrintedLine& line : s.output) output.push_back(line.text);
    json finished = json::object();
    for (const auto& [key, r] : s.finished_runs) finished[key] = {{"summary", summary_json(r.summary)}, {"params", params_json(r.params)}};
    return {{"demo", s.demo ? json(s.demo->name) : json(nullptr)},
            {"params", params_json(s.params)},
            {"entropy_seed", s.entropy_seed},
            {"status", to_string(s.status)},
            {"run", s.run},
            {"time", s.time},
            {"loop_time", snap.time},
            {"iteration", s.iteration},
            {"speed", s.instant() ? json("instant") : json(s.speed)},
            {"tasks", tasks},
            {"ready", snap.ready},
            {"ready_callbacks", snap.ready_callbacks},
            {"timers", timers},
            {"timer_count", snap.timer_count},
            {"fetches", fetches},
            {"live_tasks", snap.live_tasks},
            {"output", output},
            {"narration", narration},
            {"files", s.files},
            {"pages", pages},
            {"resources", resources},
            {"summary", summary_json(s.summary, s.demo != nullptr)},
            {"finished_runs", finished}};
}

}  // namespace aio::page
