// The views' one palette: task states, what tasks wait on, the console's 16 ANSI colours and the
// colour of a problem, for the dark and the light theme. Every view takes its colours from here,
// so a state or a wait looks the same in the task table, the timeline, the tree and the summary.
// Task and wait colours are Okabe-Ito (safe for common colour-vision deficiencies).
#pragma once
#include "runtime/task_state.hpp"
#include "runtime/wait_kind.hpp"

#include <cstdint>

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

// A square of `colour` a text line high, then the next item on the same line (a state's swatch).
void swatch(Colour colour);

}  // namespace aio::views
