// Feeds SDL input to Dear ImGui without losing fast clicks or keys. ImGui before 1.87 samples the
// mouse buttons and keys once per frame, so a press and release in the same frame vanish; this
// queue hands ImGui at most one button transition (with its position) and one change per key a
// frame, and keeps the rest for the next frames. From 1.87 on, ImGui queues input itself and this
// only forwards events to the backend.
#pragma once
#include <SDL.h>

#include <deque>
#include <functional>

namespace aio::page {

// Turns on Dear ImGui's keyboard navigation (arrows move the focus, Esc backs out, Tab edits the
// next field), with Enter pressing the focused item: Space is the page's pause key, so on ImGui
// 1.86 it presses nothing. Call once, after the backend's init.
void enable_keyboard_navigation();

class InputQueue {
public:
    // Takes one SDL event (call for every polled event, in order).
    void push(const SDL_Event& event);
    // Hands this frame's share to ImGui: call after the backend's NewFrame, before ImGui::NewFrame.
    // Each key press on its way is first offered to `take` (the page's shortcuts), in order with
    // the clicks before it: a key typed right after a click on a field reaches the field. When
    // `take` returns true, ImGui does not see the press. Returns true if any input was fed.
    bool feed(const std::function<bool(const SDL_KeyboardEvent&)>& take = {});
    // True while input waits for later frames: the page must draw them.
    bool pending() const;

private:
    std::deque<SDL_Event> events_;
    float x_ = -1, y_ = -1;   // the mouse position and buttons ImGui has been given, CSS pixels
    bool buttons_[3] = {};
    bool known_ = false;      // false until an event has told where the mouse is
};

}  // namespace aio::page
