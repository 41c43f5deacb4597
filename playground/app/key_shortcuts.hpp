// The shortcuts table's keys (playground/views/shortcuts.hpp) as SDL reports them, for key presses
// outside text fields.
#pragma once
#include "playground/views/shortcuts.hpp"

#include <SDL.h>

#include <optional>

namespace aio::page {

struct KeyPress {
    views::Action action;
    int amount = 0;   // ShowView: the view's place, 0..7; ZoomIn/ZoomOut, Pan, Scrub: -1 or +1
};

// The shortcut `key` presses, if any. `timeline_shown`: the Timeline is the view shown (+, -,
// Home act); `timeline_focused`: a timeline row has the keyboard focus (the arrows pan);
// `scrubber_focused`: the history scrubber has it (the arrows show the iteration before or after).
// Letters and digits with Ctrl, Alt or the system key are the browser's, never a shortcut.
std::optional<KeyPress> shortcut_for(const SDL_Keysym& key, bool timeline_shown, bool timeline_focused, bool scrubber_focused);

}  // namespace aio::page
