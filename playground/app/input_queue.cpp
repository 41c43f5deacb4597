#include "playground/app/input_queue.hpp"

#include "playground/app/imgui_backend.hpp"

#include <imgui_internal.h>

#include <bitset>
#include <cfloat>

namespace aio::page {

#if IMGUI_VERSION_NUM >= 18700
// 1.87 maps Space to activation itself: there Space both presses the focused item and pauses.
void enable_keyboard_navigation() { ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard; }

// ImGui's own queue (io.AddMouseButtonEvent and friends, fed by the backend) trickles fast input.
void InputQueue::push(const SDL_Event& event) {
    if (ImGui_ImplSDL2_ProcessEvent(&event)) events_.push_back(event);
}

// ImGui has had the keys already: shortcuts are only offered them.
bool InputQueue::feed(const std::function<bool(const SDL_KeyboardEvent&)>& take) {
    const bool fed = !events_.empty();
    for (const SDL_Event& e : events_)
        if (e.type == SDL_KEYDOWN && take) take(e.key);
    events_.clear();
    return fed;
}

bool InputQueue::pending() const { return !events_.empty() || GImGui->InputEventsQueue.Size > 0; }
#else
namespace {
int button_index(Uint8 button) {
    switch (button) {
        case SDL_BUTTON_LEFT: return 0;
        case SDL_BUTTON_RIGHT: return 1;
        case SDL_BUTTON_MIDDLE: return 2;
        default: return -1;
    }
}

bool is_input(Uint32 type) {
    switch (type) {
        case SDL_MOUSEMOTION: case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEBUTTONUP: case SDL_MOUSEWHEEL:
        case SDL_KEYDOWN: case SDL_KEYUP: case SDL_TEXTINPUT: return true;
        default: return false;
    }
}
}  // namespace

void enable_keyboard_navigation() {
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.KeyMap[ImGuiKey_Space] = -1;   // unmapped: feed() maps Enter to activation instead
}

void InputQueue::push(const SDL_Event& event) {
    if (is_input(event.type)) events_.push_back(event);
    else ImGui_ImplSDL2_ProcessEvent(&event);   // focus and other window events apply at once
}

// ImGui 1.87's trickling rules: a second change of the same button or key, a move after a button
// change, and keys or text after a click wait for the next frame. And one more: a button change
// waits for a frame in which the pointer did not move.
bool InputQueue::feed(const std::function<bool(const SDL_KeyboardEvent&)>& take) {
    ImGuiIO& io = ImGui::GetIO();
    bool fed = false, moved = false, clicked = false, wheeled = false, typed = false;
    std::bitset<sizeof(ImGuiIO::KeysDown) / sizeof(bool)> keys_changed;
    for (; !events_.empty(); events_.pop_front(), fed = true) {
        const SDL_Event& e = events_.front();
        if (e.type == SDL_MOUSEMOTION) {
            if (clicked) break;
            x_ = static_cast<float>(e.motion.x), y_ = static_cast<float>(e.motion.y), known_ = true;
            moved = true;
        } else if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) {
            const int i = button_index(e.button.button);
            if (i < 0) continue;
            // A press lands a frame after the pointer arrived: ImGui hit-tests overlapping items
            // (tabs, selectables) against the item hovered in the previous frame.
            if (clicked || wheeled || moved) break;
            const float bx = static_cast<float>(e.button.x), by = static_cast<float>(e.button.y);
            if (!known_ || bx != x_ || by != y_) {
                x_ = bx, y_ = by, known_ = true, fed = true;
                break;
            }
            buttons_[i] = e.type == SDL_MOUSEBUTTONDOWN;
            clicked = true;
        } else if (e.type == SDL_MOUSEWHEEL) {
            if (clicked) break;
            io.MouseWheelH += e.wheel.x > 0 ? 1.0f : e.wheel.x < 0 ? -1.0f : 0.0f;
            io.MouseWheel += e.wheel.y > 0 ? 1.0f : e.wheel.y < 0 ? -1.0f : 0.0f;
            wheeled = true;
        } else if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) {
            const int key = e.key.keysym.scancode;
            if (key < 0 || key >= static_cast<int>(keys_changed.size())) continue;
            if (keys_changed[static_cast<size_t>(key)] || typed || clicked) break;
            if (e.type == SDL_KEYDOWN && take && take(e.key)) continue;   // a shortcut ImGui must not see
            io.KeysDown[key] = e.type == SDL_KEYDOWN;
            keys_changed.set(static_cast<size_t>(key));
            // The modifiers as they were at this key, not as they are now.
            const Uint16 mod = e.key.keysym.mod;
            io.KeyShift = (mod & KMOD_SHIFT) != 0;
            io.KeyCtrl = (mod & KMOD_CTRL) != 0;
            io.KeyAlt = (mod & KMOD_ALT) != 0;
            io.KeySuper = (mod & KMOD_GUI) != 0;
        } else if (e.type == SDL_TEXTINPUT) {
            if (clicked) break;
            io.AddInputCharactersUTF8(e.text.text);
            typed = true;
        }
    }
    // The backend read the newest state from SDL; ImGui gets the state as of the events fed so far.
    // On Emscripten the backend reads the pointer only while the page has keyboard focus, so in an
    // iframe a click on the lesson page would end hovering: the pointer over the canvas counts too.
    const bool over = SDL_GetMouseFocus() != nullptr || io.MousePos.x != -FLT_MAX;
    if (known_ && over) io.MousePos = ImVec2(x_, y_);
    for (int i = 0; i < 3; ++i) io.MouseDown[i] = buttons_[i];
    // Enter presses the focused button, checkbox, list or tab (ImGui's own Enter only edits a
    // field, which activation does too). The backend's NewFrame cleared NavInputs before this.
    if (io.KeysDown[SDL_SCANCODE_RETURN] || io.KeysDown[SDL_SCANCODE_KP_ENTER]) io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
    return fed;
}

bool InputQueue::pending() const { return !events_.empty(); }
#endif

}  // namespace aio::page
