// What the page's text mirror of the canvas shows (web/js/mirror*.js), as one small JSON value
// built from the one state: where the run stands, the first rows of the task table, the console
// lines not shown yet. Cheap enough to read a few times a second during a 10,000-task run: it
// copies at most `max_tasks` tasks and `max_output` lines, never the whole snapshot.
#pragma once
#include "playground/state/playground_state.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace aio::views {

struct MirrorQuery {
    size_t max_tasks = 50;        // rows of the task table: the first tasks, by id
    size_t output_from = 0;       // console lines the mirror already holds (of this run)
    size_t max_output = 200;      // most console lines in one answer: the latest of those after output_from
    uint64_t narration_from = 0;  // the number (Account::number) of the last account the mirror has
    std::string view;             // the view whose words to build (view_words): the one the mirror shows
};

// {status, demo, run, iteration, time (loop seconds), speed (number or "instant"), task_count,
//  live_tasks, tasks: [{id, name, state, waiting_on, line, stack, result, time_left}],
//  output_count, output_from, output: [text], files: [name], summary: [sentence],
//  comparison: [sentence], view_words: [node], narration: {latest, after, recent}}.
// `state` is the task's state in words ("waiting"); `waiting_on` null when not waiting; `line`
// the script line the Source view marks for it, or null; `stack` its await stack, outermost frame
// first; `result` the repr of its result or exception once finished, else null; `time_left` the
// loop seconds until its timed wait ends (a sleep, a timeout), else null. `output` holds the lines
// output_from.. (or the latest max_output of them), escape codes removed; output_from says which
// line comes first. `files` names the files the run wrote (foundurls.txt); `summary` is the
// Summary view's sentences up to the time shown (none before a run), `comparison` its comparison
// with the blocking twin (mirror_views.hpp); `view_words` the words of query.view (empty unless
// it is the Resources, Await tree, Event loop, Timeline or Pages view). `narration.latest` is the latest
// account after number narration_from that has sentences ({number, iteration, time, heading,
// sentences, sentence_count, spoken, why}), or null: `sentences` are six of its sentences to
// read aloud, in their short form (printed lines counted, not quoted), those that say why first
// (a wait's cause, a wait that ended, a task cancelled or failed), then the others, each in the
// order told; `sentence_count` counts all its sentences; `spoken` holds the short forms of its
// first 20 sentences in order, and `why` the indices into `spoken` of those that say why.
// `narration.after` counts the accounts after narration_from; `narration.recent` holds the
// latest 100 of them in full ({number, iteration, time, text}).
nlohmann::json mirror_json(const page::PlaygroundState& state, const MirrorQuery& query);

}  // namespace aio::views
