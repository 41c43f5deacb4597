// Whether a wheel turn over the canvas scrolls anything in it: when nothing does, the page lets the
// browser have it, so a course page scrolls past an embedded playground as it would past an image.

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

namespace {

// The window under (x, y) as of the last frame, as ImGui's FindHoveredWindow finds it: the
// front-most one shown whose clipped rectangle holds the point.
ImGuiWindow* window_at(ImVec2 at) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int i = g.Windows.Size - 1; i >= 0; --i) {
        ImGuiWindow* w = g.Windows[i];
        if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
        if (w->OuterRectClipped.Contains(at)) return w;
    }
    return nullptr;
}

// Whether ImGui's wheel over `w` moves a scroll position along `axis` (0: x, 1: y) in the wheel's
// direction (`delta` > 0: down or right). As UpdateMouseWheel: the wheel goes to the nearest window,
// `w` or a parent, that can scroll that way at all; it does nothing more when that one is at its end.
bool scrolls(ImGuiWindow* w, int axis, double delta) {
    const auto wheel_skips = [axis](const ImGuiWindow* v) {
        return v->ScrollMax[axis] == 0.0f || ((v->Flags & ImGuiWindowFlags_NoScrollWithMouse) && !(v->Flags & ImGuiWindowFlags_NoMouseInputs));
    };
    while ((w->Flags & ImGuiWindowFlags_ChildWindow) && wheel_skips(w)) w = w->ParentWindow;
    if (w->Flags & (ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMouseInputs)) return false;
    return delta > 0 ? w->Scroll[axis] < w->ScrollMax[axis] : w->Scroll[axis] > 0.0f;
}

}  // namespace

extern "C" {

// Whether the wheel at (x, y), CSS px from the canvas's top left, turned by (dx, dy) (a DOM wheel
// event's deltas: > 0 scrolls right or down; Shift's sideways turn already moved to dx) would
// scroll a list, a view or a popup in the last frame drawn: 1 or 0. A popup open anywhere keeps
// the wheel (ImGui gives it to the popup's window). web/js/wheel.js asks before the app sees the event.
EMSCRIPTEN_KEEPALIVE int aio_wheel_scrolls(double x, double y, double dx, double dy) {
    if (!ImGui::GetCurrentContext()) return 0;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!g.OpenPopupStack.empty()) return 1;
    ImGuiWindow* w = window_at(ImVec2(static_cast<float>(x), static_cast<float>(y)));
    if (!w) return 0;
    return (dy != 0 && scrolls(w, 1, dy)) || (dx != 0 && scrolls(w, 0, dx)) ? 1 : 0;
}

}  // extern "C"
