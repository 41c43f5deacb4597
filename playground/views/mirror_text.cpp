#include "playground/views/mirror_text.hpp"

#include "playground/views/ansi.hpp"
#include "playground/views/mirror_views.hpp"
#include "playground/views/source_lines.hpp"

#include <algorithm>

namespace aio::views {

using nlohmann::json;

namespace {

constexpr size_t kSpokenSentences = 6;   // of one account, sent to be read out: a 10,000-task iteration tells 10,000
constexpr size_t kSpokenInOrder = 20;    // short forms in the account's order, for a mirror that picks its own
constexpr size_t kRecentAccounts = 100;  // accounts in full since the last one read out: the mirror's history holds 100

// The latest account after number `from` with something to tell, for reading aloud (its
// heading, its first sentences and how many it has: the mirror keeps what fits its short form),
// how many accounts came after `from`, and the latest of those in full: {latest, after, recent}.
json narration_json(const page::LogRange<page::Account>& accounts, uint64_t from) {
    size_t after = 0;
    const page::Account* latest = nullptr;
    for (auto it = accounts.rbegin(); it != accounts.rend() && it->number > from; ++it) {
        ++after;
        if (!latest && !it->sentences.empty()) latest = &*it;
    }
    // Every account after `from` in full, the latest kRecentAccounts: the mirror's list of what the
    // loop did, which a listener reads back at leisure (the live region passes over most of them).
    json recent = json::array();
    for (auto it = accounts.end() - static_cast<std::ptrdiff_t>(std::min(after, kRecentAccounts)); it != accounts.end(); ++it)
        recent.push_back({{"number", it->number}, {"iteration", it->iteration}, {"time", it->time}, {"text", page::to_text(*it)}});
    if (!latest) return {{"latest", nullptr}, {"after", after}, {"recent", recent}};
    // The mirror speaks as many of them as fit its short form, and says how many more there are.
    // Read aloud: the short forms, those that say why first, so that what is cut is what happened
    // without a cause; and the first short forms in order, with which of them say why.
    json sentences = json::array(), spoken = json::array(), why = json::array();
    for (const size_t i : page::spoken_order(*latest, kSpokenSentences)) sentences.push_back(latest->spoken[i]);
    for (size_t i = 0; i < std::min(kSpokenInOrder, latest->spoken.size()); ++i) {
        spoken.push_back(latest->spoken[i]);
        if (latest->why[i]) why.push_back(i);
    }
    return {{"latest", {{"number", latest->number}, {"iteration", latest->iteration}, {"time", latest->time}, {"heading", page::heading(*latest)},
                        {"sentences", sentences}, {"sentence_count", latest->sentences.size()}, {"spoken", spoken}, {"why", why}}},
            {"after", after}, {"recent", recent}};
}

}  // namespace

json mirror_json(const page::PlaygroundState& s, const MirrorQuery& q) {
    const std::vector<TaskView>& all = s.snapshot.tasks;
    json tasks = json::array();
    for (size_t i = 0; i < std::min(q.max_tasks, all.size()); ++i) {
        const TaskView& t = all[i];
        const int line = s.demo ? source_line(s, *s.demo, t) : 0;
        tasks.push_back({{"id", t.id}, {"name", t.name}, {"state", to_string(t.state)},
                         {"waiting_on", t.waiting_on.empty() ? json(nullptr) : json(t.waiting_on)},
                         {"line", line ? json(line) : json(nullptr)}, {"stack", t.stack},
                         {"result", t.result.empty() ? json(nullptr) : json(t.result)},
                         {"time_left", t.until >= 0 && t.state == TaskState::Waiting ? json(std::max(0.0, t.until - s.time)) : json(nullptr)}});
    }
    const size_t count = s.output.size();
    const size_t from = std::max(std::min(q.output_from, count), count - std::min(count, q.max_output));
    json files = json::array();
    for (const auto& [name, text] : s.files) files.push_back(name);
    json output = json::array();
    for (size_t i = from; i < count; ++i) output.push_back(strip_sgr(s.output[i].text));
    return {{"status", page::to_string(s.status)},
            {"demo", s.demo ? json(s.demo->name) : json(nullptr)},
            {"run", s.run},
            {"iteration", s.iteration},
            {"recording", {{"first", s.recording.first}, {"last", s.recording.last}, {"live", s.recording.live},
                           {"replaying", s.recording.replaying}}},
            {"time", s.time},
            {"speed", s.instant() ? json("instant") : json(s.speed)},
            {"task_count", all.size()},
            {"live_tasks", s.snapshot.live_tasks},
            {"tasks", tasks},
            {"output_count", count},
            {"output_from", from},
            {"output", output},
            {"files", files},
            {"summary", s.demo ? json(demos::describe(s.summary)) : json::array()},
            {"comparison", comparison_words(s)},
            {"view_words", view_words(s, q.view)},
            {"narration", narration_json(s.narration, q.narration_from)}};
}

}  // namespace aio::views
