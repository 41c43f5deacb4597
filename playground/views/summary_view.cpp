// The summary: how long the run took in loop time against the time its tasks waited on sleeps and
// requests, that is, what running them concurrently saved. For count, the async and blocking runs
// side by side.
#include "playground/views/views.hpp"

#include <imgui.h>

namespace aio::views {

namespace {
void show(const char* title, const page::RunSummary& s) {
    ImGui::TextUnformatted(title);
    for (const std::string& line : demos::describe(s)) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", line.c_str());
    }
}
}  // namespace

void draw_summary(const page::Session& session, const Snapshot&) {
    if (!session.demo()) {
        ImGui::TextDisabled("Run a demo to see what concurrency saved.");
        return;
    }
    show(page::to_string(session.status()), session.summary());
    if (session.demo()->name != "count") return;
    ImGui::Separator();
    ImGui::TextWrapped("count's lesson: run it with and without blocking, and compare.");
    if (ImGui::BeginTable("compare", 2, ImGuiTableFlags_Borders)) {
        for (const char* key : {"count", "count/blocking"}) {
            ImGui::TableNextColumn();
            auto it = session.finished_runs().find(key);
            if (it == session.finished_runs().end()) ImGui::TextDisabled("%s: not run yet", key);
            else show(key == std::string("count") ? "async (countasync.py)" : "blocking (countsync.py)", it->second);
        }
        ImGui::EndTable();
    }
}

}  // namespace aio::views
