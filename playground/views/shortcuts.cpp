// Keys chosen not to clash with the browser's (Ctrl+1..9 switch its tabs, Ctrl+Tab its windows)
// or with typing: plain letters and digits act only while no text field is edited.
#include "playground/views/shortcuts.hpp"

#include <nlohmann/json.hpp>

namespace aio::views {

const std::vector<Shortcut>& shortcuts() {
    static const std::vector<Shortcut> table = {
        {Action::Run, "R", "Run, or restart with the parameters shown"},
        {Action::PauseResume, "Space", "Pause or resume the run"},
        {Action::Step, "S", "Step: run exactly one loop iteration (going back: show the next one again)"},
        {Action::StepBack, "Shift+S", "Step back: show the state one loop iteration earlier, as it was"},
        {Action::Live, "End", "Going back: return to the live run"},
        {Action::Scrub, "\u2190 / \u2192", "History scrubber, with the focus on it: show the iteration before / after"},
        {Action::ShowView, "1 to 8", "Show the first to eighth view (Tasks, Timeline, Await tree, Source, ...) and put the keyboard focus in it"},
        {Action::Help, "?", "Open this help"},
        {Action::Legend, "L", "Open the legend: what each state's letter and colour means"},
        {Action::ZoomIn, "+", "Timeline: zoom in around the middle"},
        {Action::ZoomOut, "-", "Timeline: zoom out around the middle"},
        {Action::Pan, "\u2190 / \u2192", "Timeline, with the focus on a row: show earlier / later"},
        {Action::Follow, "Home", "Timeline: follow the run again (the whole run so far)"},
        {Action::Move, "\u2191 \u2193 \u2190 \u2192", "Move the keyboard focus between buttons, fields, tabs, rows and panels"},
        {Action::Press, "Enter", "Press the focused button, tick the checkbox, open the list, pick the item or tab, edit the field, enter the panel; in a field, keep what was typed"},
        {Action::NextField, "Tab / Shift+Tab", "In a field: keep the edit and edit the next / previous field; elsewhere: leave the playground for the page around it"},
        {Action::Fold, "\u2190 / \u2192", "Await tree: fold / unfold the focused task"},
        {Action::Close, "Esc", "Close the tooltip, list or popup; give up an edit in a field; leave a panel"},
    };
    return table;
}

std::string shortcuts_json() {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();   // "keys" before "action", as written
    for (const Shortcut& s : shortcuts()) out.push_back({{"keys", s.keys}, {"action", s.does}});
    return out.dump();
}

}  // namespace aio::views
