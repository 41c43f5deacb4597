// The Dear ImGui views. Each reads a snapshot of the session (data flows one way: runtime →
// snapshot → views) and acts only through Session's methods, as the page API does.
#pragma once
#include "playground/app/session.hpp"
#include "playground/views/ansi.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>

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

// The timeline's window onto loop time.
struct TimelineState {
    double view_start = 0, view_end = 1;
    bool follow = true;             // keep the run so far and its next timer in view as it grows
    uint64_t run = ~0ull;           // session.runs() the view is for: a new run follows again
    bool touch = false;             // a phone's layout: the hint names the buttons, not a wheel it lacks
};

// What the console remembers: the style each printed line starts in (a terminal carries colours
// from line to line), for the run it was worked out for.
struct ConsoleState {
    uint64_t runs = ~0ull;          // session.runs() when line_start was built
    std::vector<TextStyle> line_start;   // one per printed line, and one for the next
};

// Where named widgets were drawn in the last frame (CSS pixels), so browser tests can tap, drag
// and scroll them without hard-coding a layout. Names: tests/browser/harness.mjs lists them.
struct Rect { float x = 0, y = 0, w = 0, h = 0; };
void note_landmark(const std::string& name);                      // the item just drawn
void note_landmark(const std::string& name, const Rect& rect);    // a part of it (a step button)
void note_window_landmark(const std::string& name);               // the current window (a popup)
const std::map<std::string, Rect>& landmarks();                   // only the last frame's

// Text in a table cell (or a console line) that may be cut off: clipped_text draws it; after
// drawing it another way, whole_text_on_hover(text, its width in pixels) adds the same help.
// While such text is hovered and cut off, a tooltip (landmark "tooltip") shows all of it.
void clipped_text(std::string_view text);
void whole_text_on_hover(std::string_view text, float width);

// What a phone's on-screen keyboard should offer for the text field just drawn, if it is being
// edited: an HTML inputmode ("numeric", "decimal" or "text"). Read back after the frame.
void note_text_field(const char* inputmode);
const char* edited_text_field_mode();   // this frame's, or nullptr when no noted field is edited

// Rows of buttons and legends wrap rather than clip in a narrow panel: before the next item of a
// row, stays on this line when `width` pixels still fit, else starts a new line.
void same_line_if_fits(float width);
float button_width(const char* label);   // what ImGui::Button(label) takes, "###id" not shown

// ImGuiTableFlags for a list (tasks, pages): on a narrow screen, columns keep their width and the
// table scrolls sideways rather than squeezing every column into a phone's width.
int list_table_flags();

// What the views remember between frames (not the run's state: that is the session's).
struct UiState {
    int demo = 0;                   // index into demos::all_demos()
    demos::Params edited;           // the parameters panel's values for that demo
    std::map<std::string, demos::Params> kept;     // each visited demo's edits, by name, while another is shown
    std::map<std::string, std::string> typed;      // list fields' text as typed, by "demo/param"
    std::map<std::string, float> note_height;      // tallest help/problem line each field has shown, by "demo/param"
    std::string error;              // the last rejected input, shown until the next change
    uint64_t seen_runs = 0;         // session.runs() when the panel last followed the session
    float speed = 1.0f;
    bool instant = false;
    // Shortcuts pressed this frame, outside text fields (the app reads the keyboard).
    bool key_run = false, key_pause = false, key_step = false, key_help = false;
    std::string select_view;        // a tab to bring forward next frame ("tasks", "timeline", "source", "loop")
    std::string view = "tasks";     // the view shown, kept across the wide and narrow layouts
    bool narrow = false;            // the layout of the last frame
    TimelineState timeline;
    ConsoleState console;
    std::function<void(const std::string& name, const std::string& text)> download;   // saves a file (the page's)
};

void draw_controls(page::Session& session, UiState& ui);
// Views that show time take `now`, the loop time as it should show now (Session::time()): it
// moves between loop iterations, while the snapshot stays the one taken after the last.
void draw_task_table(const Snapshot& snap, Time now);
void draw_console(const page::Session& session, ConsoleState& console);
void draw_source(const demos::Demo& demo, const Snapshot& snap);
void draw_loop(const Snapshot& snap, Time now);
void draw_await_tree(const Snapshot& snap);
void draw_summary(const page::Session& session, const Snapshot& snap);
// Every queue, semaphore, lock and event in the snapshot; their histories from the trace.
void draw_resources(const Snapshot& snap, const Trace& trace, Time now);
void draw_crawler(const page::Session& session, UiState& ui);
// `run` is session.runs(): a new run (from the page or the API) resets the zoom and follows.
void draw_timeline(const Snapshot& snap, const Trace& trace, Time now, uint64_t run, TimelineState& tl);

}  // namespace aio::views
