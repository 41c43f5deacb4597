// Text that may be cut off by its table cell or window: hovering it shows the whole text.
#include "playground/views/views.hpp"

#include <imgui.h>

#include <algorithm>

namespace aio::views {

void whole_text_on_hover(std::string_view text, float width) {
    const bool clipped = ImGui::GetItemRectMin().x + width > ImGui::GetWindowDrawList()->GetClipRectMax().x + 0.5f;
    if (!clipped) return;
    note_landmark("clipped");   // the last cut-off text drawn, for tests
    if (!ImGui::IsItemHovered()) return;
    begin_tooltip();
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    end_tooltip();
}

void clipped_text(std::string_view text) {
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    whole_text_on_hover(text, ImGui::CalcTextSize(text.data(), text.data() + text.size()).x);
}

}  // namespace aio::views
