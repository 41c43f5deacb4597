// The views' one palette: task states, what tasks wait on, the console's 16 ANSI colours and the
// colour of a problem, for the dark and the light theme. Every view takes its colours from here,
// so a state or a wait looks the same in the task table, the timeline, the tree and the summary.
// Task and wait colours are Okabe-Ito (safe for common colour-vision deficiencies). The legend's
// words are here too, so what a colour means is said where the colour is chosen.
#pragma once
#include "runtime/task_state.hpp"
#include "runtime/wait_kind.hpp"

#include <cstdint>
#include <vector>

namespace aio::views {

using Colour = uint32_t;   // ImU32: 0xAABBGGRR, as IM_COL32 packs it

enum class Theme { Dark, Light };
Theme current_theme();     // from ImGui's window background: dark below half luminance

Colour state_colour(TaskState s, Theme theme);   // each state its own colour
// Waits of one family share a colour: sleeps (and sleep(0)), queues, requests, other tasks
// (a task, gather, TaskGroup, as_completed, wait_for, shield), and the rest (locks, events, ...).
// WaitKind::None has the Waiting state's colour.
Colour wait_colour(WaitKind w, Theme theme);
// A timeline span: a Waiting span by what it waits on, else by its state. A resource (a queue, a
// semaphore, ...) has the colour of waiting on it: wait_colour of its first waiter kind.
Colour span_colour(TaskState s, WaitKind w, Theme theme);
Colour ansi_colour(int index, Theme theme);      // index 0..15: SGR 30-37, then 90-97 (bright)
Colour problem_colour(Theme theme);              // a rejected input, a warning
Colour dropped_colour(Theme theme);              // history the recording no longer holds (hatching)

// The button that invites the first Run, the same in both themes: its fill (normal, hovered,
// pressed) and its label's colour.
struct InviteInks {
    Colour button, hovered, active, text;
};
InviteInks invite_inks();

// Each state's letter in the task table ("P", "R", ">", "W", "D", "F", "C"), so it reads without colour.
const char* state_letter(TaskState s);

// One line of the legend: a state (its letter, name and colour), or under "waiting" a family of
// waits (the colour a waiting span takes on the timeline, in the tree's and the loop's swatches).
struct LegendRow {
    TaskState state;
    WaitKind wait;           // WaitKind::None for a state's own row; a family's first kind otherwise
    Colour colour;           // span_colour(state, wait, theme)
    const char* letter;      // state_letter(state) for a state's row, "" for a wait family's
    const char* name;        // "pending", ..., "sleep", "queue", ...
    const char* meaning;     // what it means, in a few words
};
// Every state once, in the order a task passes through them, each family of waits after
// "waiting"; together the rows carry every colour state_colour and wait_colour give.
std::vector<LegendRow> legend_rows(Theme theme);

// A square of `colour` a text line high, then the next item on the same line (a state's swatch).
void swatch(Colour colour);

}  // namespace aio::views
