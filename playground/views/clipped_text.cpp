// Text that may be cut off by its table cell or window: hovering it shows the whole text. Text
// wrapped at spaces only, for figures and parameters that must not break.
#include "playground/views/views.hpp"
#include "playground/views/word_wrap.hpp"

#include <imgui.h>

#include <algorithm>

namespace aio::views {

void whole_text_on_hover(std::string_view text, float width) {
    const bool clipped = ImGui::GetItemRectMin().x + width > ImGui::GetWindowDrawList()->GetClipRectMax().x + 0.5f;
    if (!clipped) return;
    note_landmark("clipped");   // the last cut-off text drawn, for tests
    if (!ImGui::IsItemHovered()) return;
    if (!begin_tooltip()) return;
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    end_tooltip();
}

void clipped_text(std::string_view text) {
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    whole_text_on_hover(text, ImGui::GetItemRectSize().x);   // the text's own width: no second measuring
}

void hint(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    text_wrapped_at_spaces(text);
    ImGui::PopStyleColor();
}

void text_wrapped_at_spaces(std::string_view text) {
    const auto measure = [](std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; };
    ImGui::BeginGroup();
    for (std::string_view line : wrap_at_spaces(text, ImGui::GetContentRegionAvail().x, measure)) clipped_text(line);
    ImGui::EndGroup();
}

}  // namespace aio::views
