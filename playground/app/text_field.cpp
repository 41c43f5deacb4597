#include "playground/app/text_field.hpp"

#include "playground/views/views.hpp"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <string_view>

namespace aio::page {

namespace {
bool g_end_requested = false;

// The active text field's state, if ImGui is editing one.
ImGuiInputTextState* edited_state() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!g.IO.WantTextInput || g.ActiveId == 0) return nullptr;
    return ImGui::GetInputTextState(g.ActiveId);
}
}  // namespace

std::string text_field_json() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiInputTextState* state = edited_state();
    // The field's own box is the nav rectangle ImGui keeps for the focused item (SetFocusID on
    // activation; refreshed each frame the item is drawn).
    if (!state || g.NavId != g.ActiveId || !g.NavIdIsAlive || !g.NavWindow) return "null";
    ImGuiWindow* window = g.NavWindow;
    const ImRect r = ImGui::WindowRectRelToAbs(window, window->NavRectRel[g.NavLayer]);
    const char* mode = views::edited_text_field_mode();
    std::string text(static_cast<size_t>(state->CurLenW) * 4 + 1, '\0');
    text.resize(static_cast<size_t>(ImTextStrToUtf8(text.data(), static_cast<int>(text.size()), state->TextW.Data,
                                                     state->TextW.Data + state->CurLenW)));
    const nlohmann::json out = {{"id", g.ActiveId}, {"x", r.Min.x}, {"y", r.Min.y}, {"w", r.GetWidth()}, {"h", r.GetHeight()},
                                {"inputmode", mode ? mode : "text"}, {"multiline", !state->Stb.single_line},
                                {"text", text},
                                {"selection_start", std::min(state->Stb.select_start, state->Stb.select_end)},
                                {"selection_end", std::max(state->Stb.select_start, state->Stb.select_end)}};
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool set_text_field(const std::string& typed, int selection_start, int selection_end) {
    ImGuiInputTextState* state = edited_state();
    if (!state) return false;
    // A number field takes only what ImGui's CharsDecimal (whole numbers) or CharsScientific
    // filters let through from the keyboard, whatever the phone's keyboard or a paste offers.
    // (ImGui clears the state's flags after each frame, so the field's noted inputmode says which.)
    std::string text = typed;
    const char* mode = views::edited_text_field_mode();
    const std::string_view kind = mode ? mode : "text";
    if (kind == "numeric" || kind == "decimal") {
        const std::string allowed = kind == "decimal" ? "0123456789.+-*/eE" : "0123456789.+-*/";
        std::erase_if(text, [&](char c) { return allowed.find(c) == std::string::npos; });
        const int dropped = static_cast<int>(typed.size() - text.size());   // keep the caret after what was kept
        selection_start = std::max(0, selection_start - dropped);
        selection_end = std::max(0, selection_end - dropped);
    }
    const char* end = text.data() + text.size();
    const int n = ImTextCountCharsFromUtf8(text.data(), end);
    state->TextW.resize(std::max(state->TextW.Size, n + 1));
    state->CurLenW = ImTextStrFromUtf8(state->TextW.Data, state->TextW.Size, text.data(), end);
    state->CurLenA = static_cast<int>(text.size());
    state->TextAIsValid = false;   // the widget converts TextW again when it applies the edit
    // The undo history refers to the old text; replaying it on the new one could run off its end.
    state->Stb.undostate = ImStb::StbUndoState();
    state->Stb.undostate.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
    state->Stb.undostate.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
    state->Stb.select_start = std::clamp(selection_start, 0, state->CurLenW);
    state->Stb.select_end = std::clamp(selection_end, state->Stb.select_start, state->CurLenW);
    state->Stb.cursor = state->Stb.select_end;
    state->Stb.has_preferred_x = 0;
    state->CursorFollow = true;
    state->CursorAnimReset();
    return true;
}

void end_text_field() { g_end_requested = true; }

// The frame that just ran applied whatever was typed before the request; now the edit can end.
void after_frame() {
    if (!g_end_requested) return;
    g_end_requested = false;
    if (edited_state()) ImGui::ClearActiveID();
}

}  // namespace aio::page

extern "C" {

// The field being edited, or null (see text_field_json).
EMSCRIPTEN_KEEPALIVE const char* aio_text_field_json() {
    static std::string json;
    json = aio::page::text_field_json();
    return json.c_str();
}

// Returns 1 if a field was being edited and now holds `text`.
EMSCRIPTEN_KEEPALIVE int aio_text_field_set(const char* text, int selection_start, int selection_end) {
    return aio::page::set_text_field(text, selection_start, selection_end) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void aio_text_field_end() { aio::page::end_text_field(); }

}  // extern "C"
