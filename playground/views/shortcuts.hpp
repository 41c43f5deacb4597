// The page's keyboard routes in one table: the help popup lists it, the page gets it as JSON
// (aio_shortcuts_json, for its text mirror), and the app acts on each row's Action. Shortcuts act
// only outside text fields; the rest is Dear ImGui's keyboard navigation.
#pragma once
#include <string>
#include <vector>

namespace aio::views {

enum class Action {
    Run, PauseResume, Step, StepBack, Live, ShowView, Help, Legend,   // shortcuts, anywhere outside a text field
    ZoomIn, ZoomOut, Pan, Follow,                         // shortcuts while the Timeline is shown
    Scrub,                                                // while the history scrubber has the focus
    Move, Press, NextField, Fold, Close,                  // navigation
};

struct Shortcut {
    Action action;
    const char* keys;     // as the help shows them: "Space", "1 to 8", "Shift+Tab"
    const char* does;     // what happens, a sentence without its full stop
};

const std::vector<Shortcut>& shortcuts();

// [{"keys": "Space", "action": "Pause or resume the run"}, ...], in the table's order.
std::string shortcuts_json();

}  // namespace aio::views
