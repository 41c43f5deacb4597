#include "playground/app/touch_scroll.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

namespace aio::page {

namespace {
constexpr float kSlop = 8.0f;   // CSS pixels a finger may wander before a tap becomes a scroll

// The window a press on empty space landed in, or null if the press hit a widget. Such a press
// makes the window's move handle active (even for windows that cannot move).
ImGuiWindow* pressed_window() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    return g.ActiveIdWindow && g.ActiveId == g.ActiveIdWindow->MoveId ? g.ActiveIdWindow : nullptr;
}

// Scrolls the innermost window at or around `w` that can scroll along the axis.
void scroll_by(ImGuiWindow* w, float dx, float dy) {
    for (ImGuiWindow* x = w; dx != 0 && x; x = x->ParentWindow)
        if (x->ScrollMax.x > 0) { ImGui::SetScrollX(x, x->Scroll.x - dx); break; }
    for (ImGuiWindow* y = w; dy != 0 && y; y = y->ParentWindow)
        if (y->ScrollMax.y > 0) { ImGui::SetScrollY(y, y->Scroll.y - dy); break; }
}
}  // namespace

void TouchScroll::on_event(const SDL_Event& e, float css_w, float css_h) {
    switch (e.type) {
        case SDL_FINGERDOWN:
            if (down_) return;   // a second finger does not restart the gesture
            finger_ = e.tfinger.fingerId;
            down_ = true;
            target_ = nullptr;
            start_x_ = e.tfinger.x * css_w;
            start_y_ = e.tfinger.y * css_h;
            break;
        case SDL_FINGERMOTION:
            if (!down_ || e.tfinger.fingerId != finger_) return;
            if (!target_) {
                const float tx = e.tfinger.x * css_w - start_x_, ty = e.tfinger.y * css_h - start_y_;
                // Last frame's active item says whether the press hit a widget or empty space;
                // the gesture then stays with that window, wherever the finger goes.
                if (std::hypot(tx, ty) <= kSlop || !(target_ = pressed_window())) return;
                dx_ += tx;
                dy_ += ty;
            } else {
                dx_ += e.tfinger.dx * css_w;
                dy_ += e.tfinger.dy * css_h;
            }
            break;
        case SDL_FINGERUP:
            if (e.tfinger.fingerId == finger_) {
                down_ = false;
                target_ = nullptr;
            }
            break;
        default:
            break;
    }
}

void TouchScroll::apply() {
    if (target_ && (dx_ != 0 || dy_ != 0)) scroll_by(target_, dx_, dy_);   // content follows the finger
    dx_ = dy_ = 0;
}

}  // namespace aio::page
