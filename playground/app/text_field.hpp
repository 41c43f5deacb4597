// The text field ImGui is editing, mirrored into a real <input> by web/js/text_input.js so that
// phones open their on-screen keyboard and typing there edits the field.
#pragma once
#include <string>

namespace aio::page {

// The edited field, as JSON for the page: {"id", "x", "y", "w", "h" (CSS pixels), "inputmode"
// ("numeric", "decimal" or "text"), "multiline", "text", "selection_start", "selection_end"
// (UTF-16 offsets)}, or "null" when no field is being edited.
std::string text_field_json();

// Replaces the edited field's text and selection (offsets clamped to the text); the widget applies
// it in the next frame. False when no field is being edited.
bool set_text_field(const std::string& text, int selection_start, int selection_end);

// Ends the edit once the next frame has applied what was typed (Enter, or the <input> lost focus).
void end_text_field();

// Call after every frame: carries out an end_text_field request.
void after_frame();

}  // namespace aio::page
