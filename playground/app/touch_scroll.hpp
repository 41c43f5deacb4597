// Drag-to-scroll for touch screens. Dear ImGui 1.86 scrolls only with a wheel or a scrollbar, so
// a finger that drags over a list (not on a widget) scrolls the list under it, the way a phone
// scrolls a page. A drag that starts on a widget (a slider, the timeline) stays that widget's.
#pragma once
#include <SDL.h>

struct ImGuiWindow;

namespace aio::page {

class TouchScroll {
public:
    // Call for every SDL event before the frame starts; css_w/css_h is the canvas size.
    void on_event(const SDL_Event& event, float css_w, float css_h);
    // Scrolls by this frame's finger motion (call before ImGui::NewFrame).
    void apply();

private:
    SDL_FingerID finger_ = 0;
    bool down_ = false;
    ImGuiWindow* target_ = nullptr;   // the window being scrolled; null until the finger passes the slop
    float start_x_ = 0, start_y_ = 0, dx_ = 0, dy_ = 0;   // CSS pixels
};

}  // namespace aio::page
