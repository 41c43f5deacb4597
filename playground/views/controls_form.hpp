// The canvas's form (ControlsView) without ImGui: the demo picked, each field's text and problem,
// and Run's check. The Controls view draws it; the page's DOM mirror reads and writes the same
// form through the app, so a value typed in either shows in both and Run runs what both show.
#pragma once
#include "playground/views/views.hpp"

#include <map>
#include <string>

namespace aio::views {

const demos::Demo& form_demo(const ControlsView& form);        // the demo picked

// Before the form is read or drawn: once a run has started (from the canvas or the page API)
// the form shows its demo and values, and a demo without values shows its defaults.
void sync_form(ControlsView& form, const page::PlaygroundState& state);

// Picks demos::all_demos()[index]: the old demo's edits are kept for a later visit, the new one
// shows its own as last edited, or its defaults. `index` must be in range.
void pick_demo(ControlsView& form, size_t index);

// A field's text as the form shows it: a list's or an unreadable number's text as typed, a
// number as it reads ("0.5"), a flag "true"/"false".
std::string field_text(const ControlsView& form, const demos::Param& p);

// The help line under p's field: its help, and its range where it has one ("how many producers (0–1000)").
std::string field_note(const demos::Param& p);

// What is wrong with `text` typed into p's field before its range is checked ("n: '3.5' is not a
// whole number (0–10000)", "delay is empty: type a number (0–10)"), or "" when it reads as p's kind.
std::string typed_problem(const demos::Param& p, const std::string& text);

// Puts `text` typed for p (not a flag) into the form, as the canvas's field would take it: a
// number that reads is the value even out of range (its problem shows); one that does not read
// stays as typed, with its problem, and the value is left as it was.
void set_field_text(ControlsView& form, const demos::Param& p, const std::string& text);

// Each field's problem, by parameter name: out of range, min above max, a list's bad item, a
// number typed that does not read. Empty when Run may run.
std::map<std::string, std::string> form_problems(const ControlsView& form);

// Run, as its button does: with a problem, `form.error` names the fields to fix and nothing runs;
// else commands.run with the form's values (a refusal lands in `form.error`). True when it ran.
// `paused`: the run waits before its first iteration.
bool run_form(ControlsView& form, const Commands& commands, bool paused = false);

// Shows demo `d` with `params` (resolved: every parameter, in range), as if typed: nothing
// typed before for `d` stays, the other demos keep their edits. Nothing runs.
// Step, as its button does: one iteration of the run going on (or, going back, of the recording);
// with nothing to step, the form's run starts paused at iteration 0.
void step_form(ControlsView& form, const Commands& commands, const page::PlaygroundState& state);
// The history scrubber set to iteration k of `rec` (rec.first..rec.last): its right end is the live
// run, which may show a later time than its last iteration's end; any other shows k again.
void scrub_to(const Commands& commands, const page::Recording& rec, uint64_t k);

void show_params(ControlsView& form, const demos::Demo& d, const demos::Params& params);

void reset_form(ControlsView& form);   // the picked demo's defaults, nothing typed

// Forgets the typed text of `demo`'s fields, so they show its values again.
void forget_typed(ControlsView& form, const std::string& demo);

}  // namespace aio::views
