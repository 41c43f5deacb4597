#include "playground/app/key_shortcuts.hpp"

namespace aio::page {

using views::Action;

std::optional<KeyPress> shortcut_for(const SDL_Keysym& key, bool timeline_shown, bool timeline_focused, bool scrubber_focused) {
    if (key.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) return std::nullopt;
    const bool shift = key.mod & KMOD_SHIFT;
    const SDL_Keycode k = key.sym;
    if (k >= SDLK_1 && k <= SDLK_8 && !shift) return KeyPress{Action::ShowView, k - SDLK_1};
    // "+" is Shift+= on many layouts, its own key on others.
    if (k == SDLK_QUESTION || (k == SDLK_SLASH && shift)) return KeyPress{Action::Help};
    if (timeline_shown && (k == SDLK_PLUS || k == SDLK_KP_PLUS || k == SDLK_EQUALS)) return KeyPress{Action::ZoomIn, 1};
    if (timeline_shown && (k == SDLK_MINUS || k == SDLK_KP_MINUS)) return KeyPress{Action::ZoomOut, -1};
    if (timeline_shown && k == SDLK_HOME) return KeyPress{Action::Follow};
    if (timeline_focused && (k == SDLK_LEFT || k == SDLK_RIGHT)) return KeyPress{Action::Pan, k == SDLK_LEFT ? -1 : 1};
    if (scrubber_focused && (k == SDLK_LEFT || k == SDLK_RIGHT)) return KeyPress{Action::Scrub, k == SDLK_LEFT ? -1 : 1};
    if (k == SDLK_s && shift) return KeyPress{Action::StepBack};
    if (k == SDLK_END) return KeyPress{Action::Live};
    if (shift) return std::nullopt;
    switch (k) {
        case SDLK_r: return KeyPress{Action::Run};
        case SDLK_SPACE: return KeyPress{Action::PauseResume};
        case SDLK_s: return KeyPress{Action::Step};
        case SDLK_l: return KeyPress{Action::Legend};
        default: return std::nullopt;
    }
}

}  // namespace aio::page
