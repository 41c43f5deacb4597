// The console: what the demo printed, line for line what CPython prints for its script.
#include "playground/views/views.hpp"

#include <imgui.h>

namespace aio::views {

void draw_console(const page::Session& session) {
    const auto& lines = session.output();
    if (lines.empty() && session.status() == page::Status::Idle) {
        ImGui::TextDisabled("What the demo prints appears here, line for line what CPython prints.");
        return;
    }
    const CodeFont code;
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(lines.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) ImGui::TextUnformatted(lines[static_cast<size_t>(i)].c_str());
    // Follow new lines while the view is scrolled to the bottom. ImGui clamps the target to the
    // scroll range next frame, which by then includes this frame's lines (FLT_MAX means "none",
    // and the target must fit an int).
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1) ImGui::SetScrollY(1e9f);
}

}  // namespace aio::views
