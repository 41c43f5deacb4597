// The demo picker, its parameters (each with its range and help) and the run controls.
#include "playground/views/views.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <utility>

namespace aio::views {

namespace {

// "0–10000": an en dash, because ImGui's word wrap may break a line between two dots.
std::string range_of(const demos::Param& p) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.10g\u2013%.10g", p.min, p.max);
    return buf;
}

std::string list_text(const std::vector<int64_t>& v) {
    std::string s;
    for (int64_t x : v) s += (s.empty() ? "" : " ") + std::to_string(x);
    return s;
}

// A number field with ImGui's step buttons: the field, then "-" and "+", each a landmark. Returns
// whether the value changed.
bool step_field(const std::string& name, ImGuiDataType type, void* value, const void* step, const void* step_fast,
                const char* format, const char* inputmode) {
    const float button = ImGui::GetFrameHeight(), gap = ImGui::GetStyle().ItemInnerSpacing.x;
    const float field = std::max(1.0f, ImGui::CalcItemWidth() - (button + gap) * 2);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool changed = ImGui::InputScalar(name.c_str(), type, value, step, step_fast, format);
    note_text_field(inputmode);
    note_landmark("param:" + name, Rect{at.x, at.y, field, button});
    note_landmark("param:" + name + ":-", Rect{at.x + field + gap, at.y, button, button});
    note_landmark("param:" + name + ":+", Rect{at.x + field + gap + button + gap, at.y, button, button});
    return changed;
}

// One parameter's widget; list values are typed as space-separated whole numbers. Returns whether
// the value changed.
bool edit_param(const demos::Param& p, demos::Value& v) {
    ImGui::PushID(p.name.c_str());
    const std::string& label = p.name;
    bool changed = false;
    switch (p.kind) {
        case demos::Param::Kind::Bool:
            changed = ImGui::Checkbox(label.c_str(), &std::get<bool>(v));
            note_landmark("param:" + label);
            break;
        case demos::Param::Kind::Int: {
            const int64_t one = 1, ten = 10;
            changed = step_field(label, ImGuiDataType_S64, &std::get<int64_t>(v), &one, &ten, nullptr, "numeric");
            break;
        }
        case demos::Param::Kind::Float: {
            const double tenth = 0.1, one = 1.0;
            changed = step_field(label, ImGuiDataType_Double, &std::get<double>(v), &tenth, &one, "%.3g", "decimal");
            break;
        }
        case demos::Param::Kind::IntList: {
            std::string text = list_text(std::get<std::vector<int64_t>>(v));
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float width = ImGui::CalcItemWidth();
            if (ImGui::InputText(label.c_str(), &text)) {
                std::vector<int64_t> list;
                const char* s = text.c_str();
                char* end = nullptr;
                for (long long x = std::strtoll(s, &end, 10); end != s; x = std::strtoll(s, &end, 10)) {
                    list.push_back(x);
                    s = end;
                }
                v = list;
                changed = true;
            }
            note_text_field("text");
            note_landmark("param:" + label, Rect{at.x, at.y, width, ImGui::GetFrameHeight()});
            break;
        }
        case demos::Param::Kind::Text: {
            ImGui::TextUnformatted(label.c_str());
            const CodeFont code;
            changed = ImGui::InputTextMultiline("##text", &std::get<std::string>(v), ImVec2(-1, ImGui::GetTextLineHeight() * 8));
            note_text_field("text");
            note_landmark("param:" + label);
            break;
        }
    }
    const bool ranged = p.kind == demos::Param::Kind::Int || p.kind == demos::Param::Kind::Float ||
                        p.kind == demos::Param::Kind::IntList;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s%s", p.help.c_str(), ranged ? (" (" + range_of(p) + ")").c_str() : "");
    ImGui::PopStyleColor();
    ImGui::PopID();
    return changed;
}

// The demo picker ("demo", each item "demo:<name>"): a pick resets the parameters to its defaults.
void pick_demo(UiState& ui) {
    const auto& all = demos::all_demos();
    ImGui::SetNextItemWidth(-FLT_MIN);   // the whole title: it says what the demo is
    const bool open = ImGui::BeginCombo("##demo", all[static_cast<size_t>(ui.demo)]->title.c_str());
    note_landmark("demo");
    if (!open) return;
    for (size_t i = 0; i < all.size(); ++i) {
        if (ImGui::Selectable(all[i]->title.c_str(), static_cast<int>(i) == ui.demo)) {
            ui.demo = static_cast<int>(i);
            ui.edited = demos::resolve_params(*all[i], {});
            ui.error.clear();
        }
        note_landmark("demo:" + all[i]->name);
    }
    ImGui::EndCombo();
}

// The keyboard help ("help" while open); Esc closes it, as it closes any popup.
void draw_help(bool open) {
    if (open) {
        ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::OpenPopup("Help");
    }
    if (!ImGui::BeginPopup("Help")) return;
    note_window_landmark("help");
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    ImGui::TextUnformatted("Keyboard (outside text fields)");
    ImGui::Separator();
    if (ImGui::BeginTable("keys", 2)) {
        for (const auto& [key, what] : {std::pair{"R", "run, or restart with the parameters shown"},
                                        std::pair{"Space", "pause / resume"},
                                        std::pair{"S", "step: exactly one loop iteration"},
                                        std::pair{"?", "this help"},
                                        std::pair{"Esc", "close this help"}}) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(key);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(what);
        }
        ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextUnformatted("Timeline: Ctrl+wheel or -/+ zooms, drag pans, hover a span for details.");
    ImGui::TextUnformatted("Source: each waiting task is marked on the line of its await.");
    ImGui::EndPopup();
}

}  // namespace

void draw_controls(page::Session& session, UiState& ui) {
    const auto& all = demos::all_demos();
    if (ui.seen_runs != session.runs()) {   // a run started (here or from the page API): show its demo and values
        ui.seen_runs = session.runs();
        for (size_t i = 0; i < all.size(); ++i)
            if (all[i] == session.demo()) ui.demo = static_cast<int>(i);
        ui.edited = session.params();
        ui.error.clear();
    }
    ui.demo = std::clamp(ui.demo, 0, static_cast<int>(all.size()) - 1);
    pick_demo(ui);
    // Read after the picker: a pick this frame shows the new demo at once, never the old one's fields.
    const demos::Demo& d = *all[static_cast<size_t>(ui.demo)];
    const bool fits = ui.edited.size() == d.params.size() &&
                      std::all_of(d.params.begin(), d.params.end(), [&](const demos::Param& p) { return ui.edited.count(p.name); });
    if (!fits) ui.edited = demos::resolve_params(d, {});
    ImGui::TextWrapped("%s", d.summary.c_str());
    ImGui::Separator();

    const page::Status st = session.status();
    const bool live = st == page::Status::Running || st == page::Status::Paused;
    // Before anything runs, Run is the one thing to press: it stands out until then.
    const bool invite = st == page::Status::Idle;
    if (invite) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.00f, 0.45f, 0.70f, 1));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.00f, 0.53f, 0.82f, 1));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.00f, 0.38f, 0.60f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    // Fixed IDs: a press that spans the run's end (Restart turning into Run) still counts.
    const bool run_pressed = ImGui::Button(live ? "Restart (R)###run" : "Run (R)###run");
    note_landmark("run");
    if (invite) ImGui::PopStyleColor(4);
    if (run_pressed || ui.key_run) {
        try {
            session.run(d.name, ui.edited);
            ui.seen_runs = session.runs();
            ui.error.clear();
        } catch (const std::exception& e) {
            ui.error = e.what();
        }
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!live);
    if (ImGui::Button(st == page::Status::Paused ? "Resume (Space)###pause" : "Pause (Space)###pause") || (live && ui.key_pause))
        st == page::Status::Paused ? session.resume() : session.pause();
    note_landmark("pause");
    ImGui::SameLine();
    if (ImGui::Button("Step (S)") || (live && ui.key_step)) session.step();
    note_landmark("step");
    ImGui::SameLine();
    if (ImGui::Button("Stop")) session.stop();
    note_landmark("stop");
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool help = ImGui::Button("?");
    note_landmark("help-button");
    draw_help(help || ui.key_help);

    // The session's speed is the truth: window.aio.setSpeed changes it too.
    ui.instant = session.instant();
    if (!ui.instant) ui.speed = static_cast<float>(session.speed());
    bool speed_changed = ImGui::Checkbox("instant", &ui.instant);
    note_landmark("instant");
    if (!ui.instant) {
        speed_changed |= ImGui::SliderFloat("speed", &ui.speed, 0.1f, 10.0f, "%.1fx", ImGuiSliderFlags_Logarithmic);
        note_landmark("speed");
    }
    if (speed_changed) session.set_speed(ui.instant ? 0 : ui.speed);
    ImGui::Text("%s  t=%.2f s  iteration %llu", page::to_string(st), session.time(),
                static_cast<unsigned long long>(session.iteration()));
    if (!ui.error.empty()) {
        ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.3f, 1), "%s", ui.error.c_str());
        note_landmark("error");
    }
    ImGui::Separator();

    for (const demos::Param& p : d.params)
        if (edit_param(p, ui.edited.find(p.name)->second)) ui.error.clear();   // the complaint was about the old value
}

}  // namespace aio::views
