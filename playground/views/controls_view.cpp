// The demo picker, its parameters (each with its range and help) and the run controls.
#include "playground/views/controls_form.hpp"
#include "playground/views/palette.hpp"
#include "playground/views/shortcuts.hpp"
#include "playground/views/views.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <climits>
#include <cfloat>
#include <cstdio>
#include <map>
#include <string>
#include <utility>

namespace aio::views {

namespace {

// A number field with ImGui's step buttons: the field, then "-" and "+", each a landmark. Returns
// whether the value changed, in `stepped` whether a step button changed it, and in `empty` whether
// its text is being edited and is empty.
bool step_field(const std::string& name, ImGuiDataType type, void* value, const void* step, const void* step_fast,
                const char* format, const char* inputmode, bool& stepped, bool& empty, std::string& typed) {
    const float button = ImGui::GetFrameHeight(), gap = ImGui::GetStyle().ItemInnerSpacing.x;
    const float field = std::max(1.0f, ImGui::CalcItemWidth() - (button + gap) * 2);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    // ImGui filters keys by these flags; the page's mirrored <input> is filtered the same way.
    const ImGuiInputTextFlags chars = type == ImGuiDataType_Double ? ImGuiInputTextFlags_CharsScientific : ImGuiInputTextFlags_CharsDecimal;
    const bool changed = ImGui::InputScalar(name.c_str(), type, value, step, step_fast, format, chars);
    // Emptied while edited, the field keeps its last number (ImGui applies only text that parses).
    const ImGuiInputTextState* edit = ImGui::IsItemActive() ? ImGui::GetInputTextState(ImGui::GetItemID()) : nullptr;
    empty = edit && edit->CurLenA == 0;
    typed = edit ? std::string(edit->TextA.Data, static_cast<size_t>(edit->CurLenA)) : std::string();
    note_text_field(inputmode);
    const ImVec2 buttons(at.x + field + gap, at.y);
    stepped = changed && ImGui::IsMouseHoveringRect(buttons, ImVec2(buttons.x + button * 2 + gap, at.y + button));
    note_landmark("param:" + name, Rect{at.x, at.y, field, button});
    note_landmark("param:" + name + ":-", Rect{buttons.x, at.y, button, button});
    note_landmark("param:" + name + ":+", Rect{buttons.x + button + gap, at.y, button, button});
    return changed;
}

// The help line under a field, or its problem in its place while the value is invalid. It keeps
// the tallest height it has needed, so a problem appearing or going never moves the rows below.
void draw_note(const demos::Param& p, const std::string& problem, float& height) {
    const float top = ImGui::GetCursorPosY();
    if (problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", field_note(p).c_str());
        ImGui::PopStyleColor();
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, problem_colour(current_theme()));
        ImGui::TextWrapped("%s", problem.c_str());
        ImGui::PopStyleColor();
        note_landmark("problem:" + p.name);
    }
    const float used = ImGui::GetCursorPosY() - top;
    height = std::max(height, used);
    if (height > used) ImGui::Dummy(ImVec2(0, height - used - ImGui::GetStyle().ItemSpacing.y));
}

// One parameter's widget; list values are typed as whole numbers, kept as typed in `typed` so a
// bad token stays on screen with its problem. Returns the problem with the text being typed (a
// list's bad token, a number field emptied), if any: it stands before the value's own.
std::string edit_param(const demos::Param& p, demos::Value& v, std::string& typed, bool& changed) {
    const std::string& label = p.name;
    std::string problem;
    switch (p.kind) {
        case demos::Param::Kind::Bool:
            changed = ImGui::Checkbox(label.c_str(), &std::get<bool>(v));
            note_landmark("param:" + label);
            break;
        case demos::Param::Kind::Int: {
            const int64_t one = 1, ten = 10;
            bool stepped = false, empty = false;
            std::string now;
            changed = step_field(label, ImGuiDataType_S64, &std::get<int64_t>(v), &one, &ten, nullptr, "numeric", stepped, empty, now);
            // ImGui would take "3.5" as 3 without a word, as the page API refuses it.
            if (empty || now.find_first_of(".eE") != std::string::npos) problem = typed_problem(p, now);
            // -/+ bring an out-of-range value back into range rather than step away from it.
            if (stepped) std::get<int64_t>(v) = std::clamp(std::get<int64_t>(v), static_cast<int64_t>(p.min), static_cast<int64_t>(p.max));
            break;
        }
        case demos::Param::Kind::Float: {
            const double tenth = 0.1, one = 1.0;
            bool stepped = false, empty = false;
            std::string now;
            changed = step_field(label, ImGuiDataType_Double, &std::get<double>(v), &tenth, &one, "%.3g", "decimal", stepped, empty, now);
            if (empty) problem = typed_problem(p, now);
            if (stepped) std::get<double>(v) = std::clamp(std::get<double>(v), p.min, p.max);
            break;
        }
        case demos::Param::Kind::IntList: {
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float width = ImGui::CalcItemWidth();
            if (ImGui::InputText(label.c_str(), &typed)) {
                v = demos::parse_int_list(p, typed).values;
                changed = true;
            }
            problem = demos::parse_int_list(p, typed).problem;
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
    return problem;
}

// The demo picker ("demo", each item "demo:<name>"): a pick shows that demo's values as last
// edited on this visit, or its defaults.
void draw_picker(ControlsView& ui) {
    const auto& all = demos::all_demos();
    const demos::Demo& shown = *all[static_cast<size_t>(ui.demo)];
    // The whole title says what the demo is; where it would be clipped, the short name says more.
    const float room = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x * 2;
    const std::string& preview = ImGui::CalcTextSize(shown.title.c_str()).x <= room ? shown.title : shown.name;
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool open = ImGui::BeginCombo("##demo", preview.c_str());
    note_landmark("demo");
    if (!open) return;
    for (size_t i = 0; i < all.size(); ++i) {
        if (ImGui::Selectable(all[i]->title.c_str(), static_cast<int>(i) == ui.demo)) pick_demo(ui, i);
        note_landmark("demo:" + all[i]->name);
    }
    ImGui::EndCombo();
}

// The keyboard help ("help" while open): every keyboard route from the shortcuts table, and the
// legend; centred and inside the display every frame, scrolling when taller than it. Esc closes
// it, as it closes any popup.
void draw_help(bool open) {
    if (!begin_display_popup("Help", open, "help")) return;
    const float width = popup_text_width(32);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted("Keyboard (letters and digits outside text fields)");
    ImGui::Separator();
    // As wide as the text: the popup sizes itself to what it holds, so a table must not follow it.
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_None, ImVec2(width, 0))) {
        ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
        for (const Shortcut& s : shortcuts()) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.keys);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", s.does);
        }
        ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextUnformatted("Timeline: Ctrl+wheel zooms, drag pans, hover a span for details.");
    ImGui::TextUnformatted("Source: each waiting task is marked on the line of its await.");
    ImGui::Separator();
    ImGui::TextUnformatted("Legend: what the letters and colours mean");
    draw_legend();
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
}

// The buttons' labels; "###id" keeps each button's ID as its label changes.
struct Labels {
    const char *run, *restart, *pause, *resume, *step, *step_back, *live;
};
constexpr Labels kFull{"Run (R)###run", "Restart (R)###run", "Pause (Space)###pause", "Resume (Space)###pause", "Step (S)",
                       "Step back (Shift+S)###step-back", "Live (End)###live"};
constexpr Labels kCompact{"Run###run", "Restart###run", "Pause###pause", "Resume###pause", "Step", "Back###step-back", "Live###live"};

// The parameters' values on one line, "producers=3  consumers=2  maxsize=2" (wrapped at the spaces), a list's as typed; a
// text parameter (the crawler's URLs) by its count of lines.
std::string values_line(const ControlsView& ui, const demos::Demo& d) {
    std::string line;
    for (const demos::Param& p : d.params) {
        std::string text = field_text(ui, p);
        if (p.kind == demos::Param::Kind::Text) {
            const auto lines = std::count(text.begin(), text.end(), '\n') + (text.empty() || text.back() == '\n' ? 0 : 1);
            text = std::to_string(lines) + (lines == 1 ? " line" : " lines");
        }
        line += (line.empty() ? "" : "  ") + p.name + "=" + text;
    }
    return line;
}

}  // namespace

void draw_controls(const page::PlaygroundState& state, ControlsView& ui, const Commands& commands) {
    sync_form(ui, state);
    if (ui.picker) draw_picker(ui);
    // Read after the picker: a pick this frame shows the new demo at once, never the old one's fields.
    const demos::Demo& d = form_demo(ui);
    // Every field's problem at once, so each shows under its field as soon as it is entered.
    for (const demos::Param& p : d.params)
        if (p.kind == demos::Param::Kind::IntList && !ui.typed.count(d.name + "/" + p.name))
            ui.typed[d.name + "/" + p.name] = field_text(ui, p);
    const std::map<std::string, std::string> problems = form_problems(ui);
    if (!ui.compact) {
        ImGui::TextWrapped("%s", d.summary.c_str());
        ImGui::Separator();
    } else if (!ui.picker) {
        ImGui::TextWrapped("%s", d.title.c_str());   // the demo shown, without a picker to name it
        note_landmark("demo-title");
    }
    // Fields leave room for the longest label to their right, so no label is clipped in a narrow panel.
    float label = ImGui::CalcTextSize("speed").x;
    for (const demos::Param& p : d.params) label = std::max(label, ImGui::CalcTextSize(p.name.c_str()).x);
    ImGui::PushItemWidth(-(label + ImGui::GetStyle().ItemInnerSpacing.x));

    const page::Status st = state.status;
    const bool live = st == page::Status::Running || st == page::Status::Paused;
    // Going back, the buttons move through the recorded iterations whatever became of the live run.
    const page::Recording& rec = state.recording;
    const bool past = !rec.live;
    // Before anything runs, Run is the one thing to press: it stands out until then.
    const bool invite = st == page::Status::Idle;
    if (invite) {
        const InviteInks inks = invite_inks();
        ImGui::PushStyleColor(ImGuiCol_Button, inks.button);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, inks.hovered);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, inks.active);
        ImGui::PushStyleColor(ImGuiCol_Text, inks.text);
    }
    // Fixed IDs: a press that spans the run's end (Restart turning into Run) still counts.
    // Fixed widths too: each button keeps its longer label's width, so Step and Stop stay where
    // they were when Run turns into Restart or Pause into Resume.
    // Compact controls leave out the keys, which the help lists: the buttons then fit a 320 px frame.
    const Labels& l = ui.compact ? kCompact : kFull;
    const float run_w = std::max(button_width(l.run), button_width(l.restart));
    const float pause_w = std::max(button_width(l.pause), button_width(l.resume));
    const bool run_pressed = ImGui::Button(live ? l.restart : l.run, ImVec2(run_w, 0));
    note_landmark("run");
    if (invite) ImGui::PopStyleColor(4);
    // Restarted while paused (or going back), the new run waits too, at iteration 0.
    if (run_pressed || ui.key_run) run_form(ui, commands, st == page::Status::Paused || past);
    const bool moves = live || past;
    const bool paused = past ? !rec.replaying : st == page::Status::Paused;
    same_line_if_fits(pause_w);
    ImGui::BeginDisabled(!moves);
    if (ImGui::Button(paused ? l.resume : l.pause, ImVec2(pause_w, 0)) || (moves && ui.key_pause)) paused ? commands.resume() : commands.pause();
    note_landmark("pause");
    ImGui::EndDisabled();
    // With nothing to step, Step starts the run shown, paused at iteration 0: a learner can begin there.
    same_line_if_fits(button_width(l.step));
    if (ImGui::Button(l.step) || ui.key_step) step_form(ui, commands, state);
    note_landmark("step");
    // Back from the live run to its last iteration but one, or from one shown again to the one before.
    const bool back = st != page::Status::Idle && (past ? state.iteration > rec.first : rec.last > rec.first);
    same_line_if_fits(button_width(l.step_back));
    ImGui::BeginDisabled(!back);
    if (ImGui::Button(l.step_back) || (back && ui.key_step_back)) commands.step_back();
    note_landmark("step-back");
    ImGui::EndDisabled();
    same_line_if_fits(button_width("Stop"));
    ImGui::BeginDisabled(!live);
    if (ImGui::Button("Stop")) commands.stop();
    note_landmark("stop");
    ImGui::EndDisabled();
    same_line_if_fits(button_width("?"));
    const bool help = ImGui::Button("?");
    note_landmark("help-button");
    draw_help(help || ui.key_help);
    legend_popup(ui.key_legend);

    // The run's speed is the truth: window.aio.setSpeed changes it too.
    ui.instant = state.instant();
    if (!ui.instant) ui.speed = static_cast<float>(state.speed);
    bool speed_changed = ImGui::Checkbox("instant", &ui.instant);
    note_landmark("instant");
    // On the instant line, which has room: a row of its own would push the fields down. An
    // embedded playground opens the full one instead: its link is the share.
    if (ui.compact) {
        same_line_if_fits(button_width("Open full playground"));
        if (ImGui::Button("Open full playground")) commands.open_full();
        note_landmark("open-full");
    } else {
        same_line_if_fits(button_width("Share"));
        if (ImGui::Button("Share")) commands.share();
        note_landmark("share");
    }
    if (!ui.instant) {
        speed_changed |= ImGui::SliderFloat("speed", &ui.speed, 0.1f, 10.0f, "%.1fx", ImGuiSliderFlags_Logarithmic);
        note_landmark("speed");
    }
    if (speed_changed) commands.set_speed(ui.instant ? 0 : ui.speed);
    if (past) {
        // What shows is a moment gone by: said first, with the way back to the live run beside it.
        ImGui::TextWrapped("going back: iteration %llu of %llu  t=%.2f s%s", static_cast<unsigned long long>(state.iteration),
                           static_cast<unsigned long long>(rec.last), state.time, rec.replaying ? "  replaying" : "");
        note_landmark("going-back");
        same_line_if_fits(button_width(l.live));
        if (ImGui::Button(l.live) || ui.key_live) commands.live();
        note_landmark("live");
    } else if (st == page::Status::Paused && state.iteration == 0) {
        // A run restarted while paused waits here: said, so Run seeming to do nothing is explained.
        ImGui::TextWrapped("paused before the first iteration  t=%.2f s: Resume (Space) runs it, Step (S) one iteration at a time", state.time);
    } else {
        ImGui::TextWrapped("%s  t=%.2f s  iteration %llu", page::to_string(st), state.time,
                           static_cast<unsigned long long>(state.iteration));
    }
    // The scrubber: any recorded iteration, by pointer, touch or the arrow keys.
    const int key_scrub = std::exchange(ui.key_scrub, 0);
    ui.scrubber_focused = false;
    if (st != page::Status::Idle && rec.last > rec.first) {
        const int first = static_cast<int>(std::min<uint64_t>(rec.first, INT_MAX));
        const int last = static_cast<int>(std::min<uint64_t>(rec.last, INT_MAX));
        int shown = static_cast<int>(std::clamp<uint64_t>(state.iteration, rec.first, rec.last));
        const auto go = [&](int k) { scrub_to(commands, rec, static_cast<uint64_t>(k)); };
        if (ImGui::SliderInt("history", &shown, first, last, "iteration %d", ImGuiSliderFlags_AlwaysClamp) &&
            static_cast<uint64_t>(shown) != state.iteration)
            go(shown);
        else if (key_scrub != 0 && (shown + key_scrub >= first && shown + key_scrub <= last))
            go(shown + key_scrub);
        ui.scrubber_focused = keyboard_focused();
        note_landmark("history");
    }
    // The run to keep or to pass on, and one kept before (the compact controls leave these to the full playground).
    if (!ui.compact) {
        if (st != page::Status::Idle) {
            if (ImGui::SmallButton("Save run")) commands.save_run();
            note_landmark("save-run");
            same_line_if_fits(button_width("Chrome trace"));
            if (ImGui::SmallButton("Chrome trace")) commands.save_trace();
            note_landmark("save-trace");
            ImGui::SameLine();
        }
        if (ImGui::SmallButton("Open run\u2026")) commands.open_run();
        note_landmark("open-run");
    }
    // A line kept for the last refusal, empty without one, so its coming and going never moves the
    // fields under the pointer; a long message is cut there and shows whole on hover.
    if (ui.error.empty()) {
        ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, problem_colour(current_theme()));
        clipped_text(ui.error);
        ImGui::PopStyleColor();
        note_landmark("error");
    }
    ImGui::Separator();

    // Heights measured at another width mean nothing here: a page first laid out in a hidden
    // iframe (0 px wide) wrapped each note a letter a line and kept that tall gap below `n`.
    if (const float width = ImGui::GetContentRegionAvail().x; width != ui.note_width) {
        ui.note_height.clear();
        ui.note_width = width;
    }
    // Compact: the fields fold under one header, and a line says their values while it is closed.
    if (ui.compact) {
        ImGui::SetNextItemOpen(ui.params_open);
        ui.params_open = ImGui::CollapsingHeader("Parameters");
        note_landmark("params");
        if (!ui.params_open) {
            hint(values_line(ui, d));
            ImGui::PopItemWidth();
            return;
        }
    }
    for (const demos::Param& p : d.params) {
        const std::string key = d.name + "/" + p.name;
        ImGui::PushID(p.name.c_str());
        bool changed = false;
        std::string parse = edit_param(p, ui.edited.find(p.name)->second, ui.typed[key], changed);
        if (changed) {
            ui.error.clear();   // the complaint was about the old value
            ui.unread.erase(key);   // the field's own number now stands
        }
        const auto problem = problems.find(p.name);
        draw_note(p, !parse.empty() ? parse : problem != problems.end() ? problem->second : "", ui.note_height[key]);
        ImGui::PopID();
    }
    if (ImGui::SmallButton("Reset to defaults")) reset_form(ui);
    note_landmark("reset");
    ImGui::PopItemWidth();
}

}  // namespace aio::views
