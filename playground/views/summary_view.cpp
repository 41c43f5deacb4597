// The summary: how long the run took in loop time against the sum of every task's waits, that
// is, what running them concurrently saved. For count, the async and blocking runs side by side.
#include "playground/views/views.hpp"

#include <imgui.h>

namespace aio::views {

namespace {
void show(const char* title, const page::RunSummary& s) {
    ImGui::TextUnformatted(title);
    ImGui::BulletText("took %.2f s of loop time", s.elapsed);
    ImGui::BulletText("%zu tasks waited %.2f s in all", s.tasks, s.waits);
    if (s.waits > s.elapsed + 1e-9) ImGui::BulletText("concurrency saved %.2f s (%.1fx)", s.waits - s.elapsed, s.waits / s.elapsed);
    else if (s.waits < 1e-9) ImGui::BulletText("no task waited: a blocking call held up the loop, so nothing overlapped");
    else ImGui::BulletText("nothing overlapped: the waits took their full time one after another");
}
}  // namespace

void draw_summary(const page::Session& session, const Snapshot& snap) {
    if (!session.demo()) {
        ImGui::TextDisabled("Run a demo to see what concurrency saved.");
        return;
    }
    show(page::to_string(session.status()), page::summarise(snap));
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
