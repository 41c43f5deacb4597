#include "playground/views/views.hpp"

#include <imgui.h>

namespace aio::views {
namespace {
ImFont* g_code_font = nullptr;   // owned by ImGui's atlas
}  // namespace

void set_code_font(ImFont* font) { g_code_font = font; }

// PushFont(nullptr) pushes the default font, so the scope is balanced either way.
CodeFont::CodeFont() { ImGui::PushFont(g_code_font); }
CodeFont::~CodeFont() { ImGui::PopFont(); }

}  // namespace aio::views
