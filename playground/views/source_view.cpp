// The demo's Python script, with each suspended task marked on the line of its await, and a task
// holding the loop in a blocking call on the line of that call.
#include "playground/views/palette.hpp"
#include "playground/views/views.hpp"

#include <imgui.h>

#include <map>
#include <sstream>

namespace aio::views {

namespace {
// "part1(1)" -> "part1": the frame's function name, as a demo's await_lines keys it.
std::string function_of(const std::string& frame) { return frame.substr(0, frame.find('(')); }
}  // namespace

void draw_source(const page::PlaygroundState& state, const demos::Demo& demo) {
    // Which tasks wait on which line: the innermost named frame and what it waits on.
    std::map<int, std::string> marks;
    const std::vector<TaskView> none;
    for (const TaskView& t : state.demo == &demo ? state.snapshot.tasks : none) {
        // A task holding the loop in a blocking call is marked on that call, one waiting on its await.
        const bool blocking = state.blocking && state.blocking->task == t.id && t.state == TaskState::Running;
        if (!blocking && (t.state != TaskState::Waiting || t.stack.size() < 2)) continue;
        const std::vector<std::string>& frames = blocking ? state.blocking->stack : t.stack;
        if (frames.empty()) continue;
        auto it = demo.await_lines.find(blocking ? std::pair{function_of(frames.back()), std::string(demos::kBlockingCall)}
                                                 : std::pair{function_of(frames[frames.size() - 2]), std::string(to_string(t.wait))});
        if (it == demo.await_lines.end()) continue;
        std::string& m = marks[it->second];
        m += (m.empty() ? "" : ", ") + t.name;
    }
    const ImVec4 mark = ImGui::ColorConvertU32ToFloat4(state_colour(TaskState::Waiting, current_theme()));
    ImGui::TextDisabled("%s", demo.script.c_str());
    const CodeFont code;
    std::istringstream in(demo.python);
    int n = 0;
    for (std::string line; std::getline(in, line);) {
        ++n;
        auto it = marks.find(n);
        if (it == marks.end()) {
            ImGui::TextDisabled("%3d", n);
            ImGui::SameLine();
            ImGui::TextUnformatted(line.c_str());
            continue;
        }
        ImGui::TextColored(mark, "%3d", n);
        ImGui::SameLine();
        ImGui::TextUnformatted(line.c_str());
        ImGui::SameLine();
        ImGui::TextColored(mark, "  <- %s", it->second.c_str());
        note_landmark("source:mark:" + std::to_string(n));
    }
}

}  // namespace aio::views
