// The queue panel (queue demo): the items waiting, maxsize, unfinished items, who is blocked in
// put() and get(), and the depth over loop time.
#include "playground/views/views.hpp"

#include <imgui.h>

#include <algorithm>

namespace aio::views {

void draw_queue(const page::Session& session, const Snapshot& snap) {
    const auto q = session.queue();
    if (!q) {
        ImGui::TextDisabled("Nothing to show until a demo with an asyncio.Queue runs.");
        return;
    }
    ImGui::Text("items %zu   maxsize %s   unfinished %d", q->size,
                q->maxsize > 0 ? std::to_string(q->maxsize).c_str() : "0 (unbounded)", q->unfinished);
    std::string putters, getters;
    for (const TaskView& t : snap.tasks) {
        if (t.state != TaskState::Waiting) continue;
        if (t.wait == WaitKind::QueuePut) putters += (putters.empty() ? "" : ", ") + t.name;
        if (t.wait == WaitKind::QueueGet) getters += (getters.empty() ? "" : ", ") + t.name;
    }
    ImGui::TextWrapped("blocked in put(): %s", putters.empty() ? "none" : putters.c_str());
    ImGui::TextWrapped("blocked in get(): %s", getters.empty() ? "none" : getters.c_str());

    // Depth over loop time, as steps.
    const auto& h = session.queue_history();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, std::max(80.0f, ImGui::GetContentRegionAvail().y - 4));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("depth", size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), ImGui::GetColorU32(ImGuiCol_Border));
    if (h.empty()) return;
    size_t most = 1;
    for (const auto& s : h) most = std::max(most, s.second);
    const double t_end = std::max(snap.time, h.back().first) + 1e-9;
    auto x = [&](Time t) { return p.x + static_cast<float>(t / t_end) * size.x; };
    auto y = [&](size_t n) { return p.y + size.y - 4 - static_cast<float>(n) / static_cast<float>(most) * (size.y - 8); };
    const ImU32 colour = IM_COL32(230, 159, 0, 255);
    for (size_t i = 0; i < h.size(); ++i) {
        const Time next = i + 1 < h.size() ? h[i + 1].first : t_end;
        dl->AddLine(ImVec2(x(h[i].first), y(h[i].second)), ImVec2(x(next), y(h[i].second)), colour, 2.0f);
        if (i + 1 < h.size()) dl->AddLine(ImVec2(x(next), y(h[i].second)), ImVec2(x(next), y(h[i + 1].second)), colour, 2.0f);
    }
    dl->AddText(ImVec2(p.x + 4, p.y + 2), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                ("depth (max " + std::to_string(most) + ") over " + std::to_string(t_end).substr(0, 5) + " s").c_str());
}

}  // namespace aio::views
