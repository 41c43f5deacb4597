// The Dear ImGui views. Each draws from one PlaygroundState (data flows one way: runtime → trace
// → state → views), plus what it remembers itself (its XView), and acts only through Commands,
// which the app makes from the page's Session. No view reaches the session or the runtime.
#pragma once
#include "playground/state/playground_state.hpp"
#include "playground/views/ansi.hpp"

#include <compare>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace aio::views {

// The monospaced face for code, printed output and file text. The page sets it whenever it
// rebuilds its fonts; until then (and in tests) the UI font stands in.
void set_code_font(ImFont* font);

// Draws everything in its scope in the code font.
struct CodeFont {
    CodeFont();
    ~CodeFont();
    CodeFont(const CodeFont&) = delete;
    CodeFont& operator=(const CodeFont&) = delete;
};

// What the views can ask of the run. The app fills every one; a view calls them, never the session.
struct Commands {
    // Starts (or restarts) `demo`; throws demos::ParamError or std::invalid_argument naming a bad
    // parameter, and changes nothing then. Returns the new run's number (PlaygroundState::run).
    // `paused`: the run waits before its first iteration (iteration 0 shows), for Step.
    std::function<uint64_t(const std::string& demo, const demos::Params& params, bool paused)> run;
    std::function<void()> pause, resume, step, stop;   // as window.aio's: nothing happens when they do not apply
    std::function<void()> step_back, live;             // going back: as aio.stepBack and aio.live
    std::function<void(uint64_t iteration)> seek;      // shows iteration k again (PlaygroundState::recording's range)
    // Shows again the nearest iteration before (direction -1) or after (+1) the one shown in which
    // task `id` changed (its state, wait or awaiters); nothing when there is none.
    std::function<void(uint32_t id, int direction)> seek_task_change;
    // The run saved as a run file, its trace saved for Perfetto, and a run file opened (the page's
    // file picker; dropping one on the page opens it too).
    std::function<void()> save_run, save_trace, open_run;
    std::function<void(double speed)> set_speed;       // loop seconds per wall second, 0.1..10, or <= 0: instant
    std::function<void(const std::string& name, const std::string& text)> download;   // saves a file
    std::function<void(const std::string& view)> show_view;   // brings a view forward: "tasks", "loop", ...
    std::function<void()> share;   // opens the page's Share box: a link to what the controls show, and an iframe
    std::function<void()> open_full;   // embed mode: opens what the controls show in the full playground, in a new tab
};

// The timeline's window onto loop time.
struct TimelineView {
    double view_start = 0, view_end = 1;
    bool follow = true;             // keep the run so far and its next timer in view as it grows
    uint64_t run = ~0ull;           // PlaygroundState::run the view is for: a new run follows again
    bool touch = false;             // a phone's layout: the hint names the buttons, not a wheel it lacks
    // Keys pressed this frame (the app reads the keyboard): zoom in (+1) or out (-1) around the
    // middle, pan earlier (-1) or later (+1) by a tenth of the window, follow the run again.
    int key_zoom = 0, key_pan = 0;
    bool key_follow = false;
    bool focused = false;           // a row had the keyboard focus in the last frame: the arrows pan
};

// What the task table remembers: the task selected (0: none), for the run it was selected in.
struct TaskTableView {
    uint32_t selected = 0;
    uint64_t run = 0;
};

// What the console remembers: the style each printed line starts in (a terminal carries colours
// from line to line), for the run it was worked out for.
struct ConsoleView {
    uint64_t run = ~0ull;           // PlaygroundState::run when line_start was built
    std::vector<TextStyle> line_start;   // one per printed line, and one for the next
};

// What the Explain view remembers: each account it has measured, wrapped into lines at the width it
// measured them, for the run it measured them for (a run keeps thousands; a frame measures only
// new ones, and draws only the lines on screen).
struct ExplainView {
    struct Key {
        uint64_t iteration = 0;
        int ordinal = 0;            // which of its iteration's accounts (a stop tells a second one)
        auto operator<=>(const Key&) const = default;
    };
    struct Row {
        Key key;
        float height = 0;           // pixels, heading and wrapped text
        std::vector<uint32_t> lines;   // where each wrapped line starts in the account's paragraph (bytes)
    };
    uint64_t run = ~0ull;
    float width = -1;
    std::deque<Row> rows;           // one per account of the state's narration, in its order
    void follow(const page::LogRange<page::Account>& told, uint64_t run, float wrap);
};

// What the demo picker, the parameters and the run controls remember between frames.
struct ControlsView {
    int demo = 0;                   // index into demos::all_demos()
    demos::Params edited;           // the parameters panel's values for that demo
    std::map<std::string, demos::Params> kept;     // each visited demo's edits, by name, while another is shown
    std::map<std::string, std::string> typed;      // list fields' text as typed, by "demo/param"
    std::map<std::string, std::string> unread;     // number fields' text typed in the page's mirror that does not read, by "demo/param"
    std::map<std::string, float> note_height;      // tallest help/problem line each field has shown, by "demo/param"
    float note_width = -1;          // the panel width those heights were measured at
    std::string error;              // the last rejected input, shown until the next change
    uint64_t seen_run = 0;          // PlaygroundState::run when the panel last followed the run
    float speed = 1.0f;
    bool instant = false;
    // Embed mode's compact controls: shorter labels, the parameters folded under one header (a
    // line says their values while it is closed), and a button to open the full playground for Share.
    bool compact = false;
    bool picker = true;             // the demo picker shows (compact controls name the demo instead)
    bool params_open = false;       // compact: the parameters' header is open
    // Shortcuts pressed this frame, outside text fields (the app reads the keyboard).
    bool key_run = false, key_pause = false, key_step = false, key_help = false, key_legend = false;
    bool key_step_back = false, key_live = false;
    // The history scrubber had the keyboard focus in the last frame: ←/→ move it by key_scrub
    // iterations (ImGui 1.86's slider takes arrows only once activated, and Enter makes it a field).
    bool scrubber_focused = false;
    int key_scrub = 0;
};

// Where named widgets were drawn in the last frame (CSS pixels), so browser tests can tap, drag
// and scroll them without hard-coding a layout. Names: tests/browser/harness.mjs lists them.
struct Rect { float x = 0, y = 0, w = 0, h = 0; };
void note_landmark(const std::string& name);                      // the item just drawn
void note_landmark(const std::string& name, const Rect& rect);    // a part of it (a step button)
void note_window_landmark(const std::string& name);               // the current window (a popup)
const std::map<std::string, Rect>& landmarks();                   // only the last frame's
// When landmark `name` is next drawn, its window scrolls to show it whole (the page's mirror
// asks for this as its keyboard focus moves to the matching control).
void reveal_landmark(const std::string& name);

// Text in a table cell (or a console line) that may be cut off: clipped_text draws it; after
// drawing it another way, whole_text_on_hover(text, its width in pixels) adds the same help.
// While such text is hovered and cut off, a tooltip (landmark "tooltip") shows all of it.
void clipped_text(std::string_view text);
void whole_text_on_hover(std::string_view text, float width);
// Text wrapped to the space left on the line at spaces only (ImGui's TextWrapped also breaks after
// '.' and ','), as one item: "3.0x" and "delay=0.5" stay whole; a word wider than the column is
// cut and shows whole on hover.
void text_wrapped_at_spaces(std::string_view text);
// Greyed text wrapped at spaces: what a view says before it has anything to show, and other
// asides. A phone's narrow view wraps it instead of cutting it off.
void hint(std::string_view text);

// Popups and tooltips kept inside the display every frame, however narrow or short it gets.
// popup_text_width(ems): where a popup's text wraps, `ems` font sizes or less when the display
// is narrower. begin_display_popup(name, open, landmark): BeginPopup for popup `name`, opened
// first when `open`, centred, its size capped at the display's (it scrolls inside when taller),
// noted as `landmark` and closed by Esc; when it returns true, end with ImGui::EndPopup(). The tooltips wrap their text to fit and
// note the landmark "tooltip"; tooltip() is ImGui::SetTooltip, wrapped. A row with the keyboard
// focus shows its tooltip as a hovered one does (keyboard_focused()).
float popup_text_width(float ems);
bool begin_display_popup(const char* name, bool open, const std::string& landmark);
bool begin_tooltip();   // false while tooltips are hidden (Esc): then call nothing else
void end_tooltip();
void tooltip(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
// This frame's tooltip goes above `item` (in display pixels), or at the foot of the list it is in
// (the current window) if there is no room, never over it: focusable_row calls it for the row with the keyboard focus, whose tooltip would
// otherwise cover the rows the focus moves to next.
void next_tooltip_clear_of(const Rect& item);

// The legend of the state letters and colours (the palette's legend_rows): as a table where the
// cursor is; as a popup ("legend" landmark while open), opened when `open`; and as a small
// "Legend" button (noted as `landmark`) that opens that popup.
void draw_legend();
void legend_popup(bool open);
void legend_button(const std::string& landmark);

// Esc hides the tooltip shown (the app calls this and keeps the key from ImGui); it stays hidden
// until the pointer or the keyboard focus moves. tooltip_shown(): a tooltip was shown last frame.
void hide_tooltips();
bool tooltip_shown();

// Motion the page can do without: under the system's "reduce motion" setting the timeline,
// following a run, rescales in steps instead of every frame. Set by the page (aio_set_reduced_motion).
void set_reduced_motion(bool reduce);
bool reduced_motion();

// A view brought forward from the keyboard takes the keyboard focus: want_view_focus() asks for
// it, and view_focus_here() is true once, where the view's first row or control is about to be drawn.
// That row shows its tooltip only once the focus moves on (keyboard_focused() hides it till then).
void want_view_focus();
bool view_focus_here();

// What a phone's on-screen keyboard should offer for the text field just drawn, if it is being
// edited: an HTML inputmode ("numeric", "decimal" or "text"). Read back after the frame.
void note_text_field(const char* inputmode);
const char* edited_text_field_mode();   // this frame's, or nullptr when no noted field is edited

// Whether the item just drawn has the keyboard focus, with its frame shown (keys, not the mouse, moved it there).
bool keyboard_focused();
// In a table row's first cell, before its text: makes the row one item the arrows move to
// (`id`: "##" and something unique). Returns whether it has the keyboard focus, for its tooltip.
// `selected` draws it selected; `clicked`, if given, says whether a click or Enter chose it.
bool focusable_row(const std::string& id, bool selected = false, bool* clicked = nullptr);

// Rows of buttons and legends wrap rather than clip in a narrow panel: before the next item of a
// row, stays on this line when `width` pixels still fit, else starts a new line.
void same_line_if_fits(float width);
float button_width(const char* label);   // what ImGui::Button(label) takes, "###id" not shown
// "Tasks (4)" padded with spaces to the width of "Tasks (00000)", so a tab keeps its width (and the
// tabs after it their places) while the count grows to `digits` digits.
std::string counted_label(const std::string& name, size_t count, int digits = 5);
// The width a tab bar with these labels takes before ImGui shrinks its tabs to fit.
float tabs_width(const std::vector<std::string>& labels);

// ImGuiTableFlags for a list (tasks, pages): on a narrow screen, columns keep their width and the
// table scrolls sideways rather than squeezing every column into a phone's width.
int list_table_flags();

// The views. Those that show time draw at `state.time`, which moves between loop iterations,
// while `state.snapshot` stays the one taken after the last.
void draw_controls(const page::PlaygroundState& state, ControlsView& view, const Commands& commands);
// With `view` and `commands`, a row clicked (or Enter on it) selects its task, and buttons under
// the table show the iteration of the task's previous or next change again.
void draw_task_table(const page::PlaygroundState& state, TaskTableView* view = nullptr, const Commands* commands = nullptr);
void draw_timeline(const page::PlaygroundState& state, TimelineView& view);   // a new run resets zoom and follows
void draw_await_tree(const page::PlaygroundState& state);
// `shown`: the demo whose script to show (the run's, or before any run the one picked); its tasks
// are marked only when it is the run's.
void draw_source(const page::PlaygroundState& state, const demos::Demo& shown);
// Every queue, semaphore, lock and event in the snapshot; their histories from the state's history.
void draw_resources(const page::PlaygroundState& state);
void draw_pages(const page::PlaygroundState& state, const Commands& commands);
void draw_summary(const page::PlaygroundState& state);
void draw_loop(const page::PlaygroundState& state);
void draw_console(const page::PlaygroundState& state, ConsoleView& view);
// The narration up to `state.time`, one account per iteration, following the latest.
void draw_explain(const page::PlaygroundState& state, ExplainView& view);

}  // namespace aio::views
