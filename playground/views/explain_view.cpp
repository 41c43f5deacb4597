// The Explain view: the run told iteration by iteration in plain words, up to the moment shown.
// It follows the latest account while scrolled to the bottom, and scrolls back through the kept ones;
// scrolled back, a Latest button brings it to the bottom again.
#include "playground/views/views.hpp"
#include "playground/views/word_wrap.hpp"

#include <imgui.h>

#include <algorithm>

namespace aio::views {

namespace {

std::string paragraph(const page::Account& a) {
    std::string out;
    for (const std::string& s : a.sentences) out += (out.empty() ? "" : " ") + s;
    return out;
}

// An account's place among the state's: its iteration, and which of that iteration's accounts it
// is (a stop tells a second one). Accounts come in this order.
ExplainView::Key key_at(const page::LogRange<page::Account>& told, size_t i, const ExplainView::Key* before) {
    const uint64_t it = told[i].iteration;
    return {it, before && before->iteration == it ? before->ordinal + 1 : 0};
}

}  // namespace

// Keeps one measured height per account of `told`, by key: accounts leave at the front (the oldest
// dropped), come and go at the back (the time shown moves), and only new ones are measured.
void ExplainView::follow(const page::LogRange<page::Account>& told, uint64_t for_run, float wrap) {
    if (run != for_run || wrap != width) {
        run = for_run;
        width = wrap;
        rows.clear();
    }
    const Key first = told.empty() ? Key{} : key_at(told, 0, nullptr);
    while (!rows.empty() && !told.empty() && rows.front().key < first) rows.pop_front();
    if (told.empty()) rows.clear();
    while (rows.size() > told.size()) rows.pop_back();
    // The back may have gone and come again as another account (the time shown went back, a new run).
    while (!rows.empty() && told[rows.size() - 1].iteration != rows.back().key.iteration) rows.pop_back();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    while (rows.size() < told.size()) {
        const size_t i = rows.size();
        Row row{key_at(told, i, rows.empty() ? nullptr : &rows.back().key), 0, {}};
        // Wrapped at spaces only, so "1.00 s" never breaks inside.
        const std::string text = paragraph(told[i]);
        const auto measure = [](std::string_view piece) { return ImGui::CalcTextSize(piece.data(), piece.data() + piece.size()).x; };
        for (const std::string_view l : wrap_at_spaces(text, wrap, measure)) row.lines.push_back(static_cast<uint32_t>(l.data() - text.data()));
        row.height = line * static_cast<float>(1 + row.lines.size()) + ImGui::GetStyle().ItemSpacing.y;
        rows.push_back(std::move(row));
    }
}

void draw_explain(const page::PlaygroundState& state, ExplainView& view) {
    const auto& told = state.narration;
    if (told.empty()) {
        hint(state.status == page::Status::Idle
                 ? "Each loop iteration of a run is told here in plain words: which waits ended, which tasks ran "
                   "from which line to which, what they printed and why they wait."
                 : "Nothing has happened yet.");
        return;
    }
    const float wrap = std::max(ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize, 40.0f);
    view.follow(told, state.run, wrap);
    const float top = ImGui::GetCursorPosY(), scroll = ImGui::GetScrollY(), visible = ImGui::GetWindowHeight();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    float y = top;
    for (size_t i = 0; i < told.size(); ++i) {
        const ExplainView::Row& row = view.rows[i];
        if (y + row.height >= scroll && y <= scroll + visible) {
            const page::Account& a = told[i];
            const bool latest = i + 1 == told.size();   // the moment shown: its heading stands out
            ImGui::SetCursorPosY(y);
            ImGui::PushStyleColor(ImGuiCol_Text, latest ? ImGui::GetColorU32(ImGuiCol_Text) : ImGui::GetColorU32(ImGuiCol_TextDisabled));
            ImGui::TextUnformatted(page::heading(a).c_str());
            ImGui::PopStyleColor();
            if (latest) note_landmark("explain:latest");
            // Only the lines on screen: an account of a busy iteration runs to dozens.
            const std::string text = paragraph(a);
            for (size_t l = 0; l < row.lines.size(); ++l) {
                const float at = y + line * static_cast<float>(1 + l);
                if (at + line < scroll || at > scroll + visible) continue;
                size_t from = row.lines[l], to = l + 1 < row.lines.size() ? row.lines[l + 1] : text.size();
                while (to > from && text[to - 1] == ' ') --to;
                ImGui::SetCursorPosY(at);
                ImGui::TextUnformatted(text.data() + from, text.data() + to);
            }
        }
        y += row.height;
    }
    ImGui::SetCursorPosY(y);
    ImGui::Dummy(ImVec2(0, 0));
    // Follow the latest account while the view is scrolled to the bottom (as the console does).
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1) {
        ImGui::SetScrollY(1e9f);
        return;
    }
    // Scrolled back in a long run: one press back to the moment shown, not many turns of the wheel.
    const char* label = "Latest \u2193";
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::SetCursorPos(ImVec2(std::max(0.0f, ImGui::GetWindowWidth() - button_width(label) - style.ScrollbarSize - style.WindowPadding.x),
                               scroll + visible - ImGui::GetFrameHeight() - style.WindowPadding.y));
    if (ImGui::Button(label)) ImGui::SetScrollY(1e9f);
    note_landmark("explain:to-latest");
}

}  // namespace aio::views
