// ImGui's styles as they ship, then the few colours that fell short of 4.5:1 (text) or 3:1
// (indicators) in tests/playground/views/contrast_test.cpp, changed.
#include "playground/views/theme.hpp"

#include <imgui.h>

#include <string>

namespace aio::views {

namespace {
Rgba rgba(const ImVec4& c) { return {c.x, c.y, c.z, c.w}; }
Rgba style(ImGuiCol c) { return rgba(ImGui::GetStyle().Colors[c]); }
}  // namespace

void apply_theme(Theme theme) {
    ImVec4* c = ImGui::GetStyle().Colors;
    if (theme == Theme::Dark) {
        ImGui::StyleColorsDark();
        // White text on ImGui's bright hover blue was 3:1: the blues under text are darker.
        c[ImGuiCol_ButtonHovered] = c[ImGuiCol_HeaderActive] = ImVec4(0.20f, 0.45f, 0.80f, 1.00f);
        c[ImGuiCol_ButtonActive] = ImVec4(0.15f, 0.38f, 0.70f, 1.00f);
        c[ImGuiCol_HeaderHovered] = c[ImGuiCol_TabHovered] = ImVec4(0.20f, 0.45f, 0.80f, 0.80f);
        c[ImGuiCol_TextDisabled] = ImVec4(0.55f, 0.55f, 0.55f, 1.00f);   // 0.50 was 4.2:1 on a striped row
    } else {
        ImGui::StyleColorsLight();
        c[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.38f, 0.38f, 1.00f);   // 0.60 was 2.2:1 on a striped row
        // The focus frame (the hover blue it shared was 2.2:1) and the tick (3.0:1 on a white field).
        c[ImGuiCol_NavHighlight] = c[ImGuiCol_CheckMark] = ImVec4(0.10f, 0.40f, 0.80f, 1.00f);
    }
}

Rgba backdrop() {
    const Rgba w = style(ImGuiCol_WindowBg);
    return {w.r * 0.6, w.g * 0.6, w.b * 0.6, 1};
}

std::vector<ContrastPair> contrast_pairs() {
    const Rgba window = over(style(ImGuiCol_WindowBg), backdrop());
    const Rgba popup = over(style(ImGuiCol_PopupBg), window);
    const Rgba striped = over(style(ImGuiCol_TableRowBgAlt), window);
    const Rgba frame = over(style(ImGuiCol_FrameBg), window);
    struct Ground { const char* name; Rgba colour; };
    std::vector<Ground> grounds = {{"window", window}, {"striped row", striped}, {"popup", popup}};
    const std::pair<const char*, ImGuiCol> widgets[] = {
        {"field", ImGuiCol_FrameBg},          {"field hovered", ImGuiCol_FrameBgHovered},
        {"field active", ImGuiCol_FrameBgActive}, {"button", ImGuiCol_Button},
        {"button hovered", ImGuiCol_ButtonHovered}, {"button pressed", ImGuiCol_ButtonActive},
        {"header", ImGuiCol_Header},          {"header hovered", ImGuiCol_HeaderHovered},
        {"header active", ImGuiCol_HeaderActive}, {"table header", ImGuiCol_TableHeaderBg},
        {"tab", ImGuiCol_Tab},                {"tab hovered", ImGuiCol_TabHovered},
        {"tab selected", ImGuiCol_TabActive}, {"tab unfocused", ImGuiCol_TabUnfocused},
        {"tab unfocused selected", ImGuiCol_TabUnfocusedActive}};
    for (const auto& [name, col] : widgets) grounds.push_back({name, over(style(col), window)});
    // A list's items (a combo's, the phone's view picker) highlight on the popup's background.
    for (const auto& [name, col] : {std::pair{"header hovered on popup", ImGuiCol_HeaderHovered},
                                    std::pair{"header active on popup", ImGuiCol_HeaderActive}})
        grounds.push_back({name, over(style(col), popup)});
    grounds.push_back({"selected text in a field", over(style(ImGuiCol_TextSelectedBg), frame)});

    std::vector<ContrastPair> out;
    const auto pair = [&](std::string fg_name, Rgba fg, const Ground& g, double minimum) {
        out.push_back({std::move(fg_name), g.name, over(fg, g.colour), g.colour, minimum});
    };
    for (const Ground& g : grounds) pair("text", style(ImGuiCol_Text), g, 4.5);
    // Help lines, hints, axis labels and line numbers: on windows, rows and popups.
    for (size_t i = 0; i < 3; ++i) pair("disabled text", style(ImGuiCol_TextDisabled), grounds[i], 4.5);
    const Theme theme = current_theme();
    for (size_t i = 0; i < 3; ++i) pair("problem", unpack(problem_colour(theme)), grounds[i], 4.5);
    for (int i = 0; i < 16; ++i) pair("ANSI " + std::to_string(i), unpack(ansi_colour(i, theme)), grounds[0], 4.5);
    const InviteInks invite = invite_inks();
    for (const auto& [name, fill] : {std::pair{"Run button", invite.button}, std::pair{"Run button hovered", invite.hovered},
                                     std::pair{"Run button pressed", invite.active}})
        pair("Run label", unpack(invite.text), Ground{name, over(unpack(fill), window)}, 4.5);
    for (const LegendRow& row : legend_rows(theme))
        for (size_t i = 0; i < 2; ++i) pair(std::string("swatch: ") + row.name, unpack(row.colour), grounds[i], 3);
    pair("keyboard focus frame", style(ImGuiCol_NavHighlight), grounds[0], 3);
    pair("checkbox tick", style(ImGuiCol_CheckMark), Ground{"field", frame}, 3);
    return out;
}

}  // namespace aio::views
