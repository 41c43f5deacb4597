// The resources panel: every queue, semaphore, lock and event of the run, its level against its
// capacity, who waits on it in which way, and its level over loop time as a step plot that costs
// one bar per pixel column however many changes it records.
#include "playground/views/palette.hpp"
#include "playground/views/step_plot.hpp"
#include "playground/views/views.hpp"
#include "runtime/record_as_of.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace aio::views {

namespace {

std::string title(const ResourceView& r) {
    return std::string(to_string(r.kind)) + " " + (r.name.empty() ? "#" + std::to_string(r.id) : r.name);
}

std::string describe_level(const ResourceView& r) {
    const std::string n = std::to_string(r.level), cap = std::to_string(r.capacity);
    switch (r.kind) {
        case ResourceKind::Queue:
            return n + " items, maxsize " + (r.capacity > 0 ? cap : "0 (unbounded)") + ", unfinished " + std::to_string(r.unfinished);
        case ResourceKind::Semaphore: return "value " + n + " of " + cap;
        case ResourceKind::Lock: return r.level ? "locked" : "unlocked";
        case ResourceKind::Event: return r.level ? "set" : "not set";
    }
    return n;
}

const char* waiting_call(WaitKind k) {
    switch (k) {
        case WaitKind::QueueGet: return "get()";
        case WaitKind::QueuePut: return "put()";
        case WaitKind::QueueJoin: return "join()";
        case WaitKind::Event: return "wait()";
        default: return "acquire()";
    }
}

// The tasks' names, the first dozen of them: a panel line, not a list.
std::string names(const Snapshot& snap, const std::vector<uint32_t>& ids) {
    if (ids.empty()) return "none";
    std::string out;
    const size_t shown = std::min<size_t>(ids.size(), 12);
    for (size_t i = 0; i < shown; ++i) {
        auto it = std::lower_bound(snap.tasks.begin(), snap.tasks.end(), ids[i],
                                   [](const TaskView& t, uint32_t id) { return t.id < id; });
        out += (i ? ", " : "") + (it != snap.tasks.end() && it->id == ids[i] ? it->name : "#" + std::to_string(ids[i]));
    }
    if (ids.size() > shown) out += " and " + std::to_string(ids.size() - shown) + " more";
    return out;
}

// Level and waiters over [0, now], each as one vertical bar per pixel column, from the samples
// that existed when the view was taken (`history`, none without a recording); the capacity dashed.
void draw_history(const ResourceView& r, const ResourceSampleView& history, Time now, float height) {
    const ImVec2 size(ImGui::GetContentRegionAvail().x, height);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(("history" + std::to_string(r.id)).c_str(), size);
    note_landmark("resources:" + (r.name.empty() ? std::to_string(r.id) : r.name));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), ImGui::GetColorU32(ImGuiCol_Border));
    if (history.empty() || size.x < 2) return;
    const Time end = std::max(now, history.back().time) + 1e-9;
    const size_t n = static_cast<size_t>(size.x);
    const auto level = step_columns(history, 0, end, n, sample_level);
    const auto waiting = step_columns(history, 0, end, n, sample_waiting);
    int64_t most = std::max<int64_t>(1, r.capacity);
    for (const auto* cols : {&level, &waiting})
        for (const StepColumn& c : *cols)
            if (!c.empty()) most = std::max(most, c.hi);
    const float top = p.y + 18, bottom = p.y + size.y - 5;
    auto y = [&](int64_t v) { return bottom - static_cast<float>(v) / static_cast<float>(most) * (bottom - top); };
    if (r.capacity > 0)   // dashed: a limit, not a level
        for (float x = p.x; x < p.x + size.x; x += 8)
            dl->AddLine(ImVec2(x, y(r.capacity)), ImVec2(std::min(x + 3, p.x + size.x), y(r.capacity)), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    // The level in the colour of waiting on this kind of resource, the waiters in the waiting state's.
    const Theme theme = current_theme();
    const ImU32 level_colour = wait_colour(waiter_kinds(r.kind)[0], theme), waiting_colour = state_colour(TaskState::Waiting, theme);
    for (const auto& [cols, colour] : {std::pair{&waiting, waiting_colour}, std::pair{&level, level_colour}})
        for (size_t i = 0; i < cols->size(); ++i) {
            const StepColumn& c = (*cols)[i];
            if (c.empty()) continue;
            const float x = p.x + static_cast<float>(i);
            dl->AddRectFilled(ImVec2(x, y(c.hi) - 1), ImVec2(x + 1, y(c.lo) + 1), colour);
        }
    // The legend names each series after a swatch of its colour (as text, a swatch colour would
    // not reach 4.5:1 on the background).
    ImVec2 at(p.x + 4, p.y + 2);
    const float line = ImGui::GetTextLineHeight();
    auto say = [&](const std::string& text, ImU32 colour) {
        if (colour) {
            dl->AddRectFilled(at, ImVec2(at.x + line * 0.6f, at.y + line), colour);
            at.x += line * 0.6f + 3;
        }
        dl->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
        at.x += ImGui::CalcTextSize(text.c_str()).x;
    };
    char over[48];
    std::snprintf(over, sizeof over, " over %.2f s (scale 0..%lld)", end, static_cast<long long>(most));
    say(r.kind == ResourceKind::Semaphore ? "value" : "level", level_colour);
    say(" and ", 0);
    say("waiting", waiting_colour);
    say(over, 0);
}

}  // namespace

void draw_resources(const page::PlaygroundState& state) {
    const Snapshot& snap = state.snapshot;
    if (snap.resources.empty()) {
        hint("The run's queues, semaphores, locks and events appear here once it uses them.");
        return;
    }
    ImGui::BeginChild("resources");
    // The plots share what the text lines leave (a line per resource and per kind of waiter).
    float text = 0;
    for (const ResourceView& r : snap.resources)
        text += ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(1 + waiter_kinds(r.kind).size()) +
                ImGui::GetStyle().ItemSpacing.y;
    const float plot = std::max(60.0f, (ImGui::GetContentRegionAvail().y - text) / static_cast<float>(snap.resources.size()));
    for (const ResourceView& r : snap.resources) {
        ImGui::PushID(static_cast<int>(r.id));
        ImGui::Text("%s: %s%s", title(r).c_str(), describe_level(r).c_str(), r.alive ? "" : " (gone, last values)");
        const auto kinds = waiter_kinds(r.kind);
        for (size_t i = 0; i < kinds.size(); ++i)
            ImGui::TextWrapped("waiting in %s: %s", waiting_call(kinds[i]), names(snap, r.waiting[i]).c_str());
        const ResourceRecord* rec = state.history ? state.history->resource(r.id) : nullptr;
        draw_history(r, rec ? samples_as_of(*rec, r) : ResourceSampleView(), state.time, plot);
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace aio::views
