// The text equivalents of the canvas's views for the page's mirror (web/js/mirror_run.js): the
// Resources, Await tree, Event loop, Timeline and Pages views as nested lists of sentences, and the
// Summary's comparison of a run with its blocking twin. Built from the one state, capped so that a
// 10,000-task run costs what its first rows cost; each cap is said in words ("and 9,980 more tasks").
#pragma once
#include "playground/state/playground_state.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace aio::views {

constexpr size_t kWordsItems = 20;      // entries of one list (tasks, resources, timers, children) in full
constexpr size_t kWordsIntervals = 8;   // a task's latest intervals in the Timeline's words
constexpr size_t kWordsNames = 10;      // tasks named in one "getters: ..." line

// The view's words as a list of nodes, each {"text": sentence} or {"text", "items": [node]} (a
// nested list: the await tree's children, a resource's waiters). `view` is a view's name
// ("resources", "tree", "loop", "timeline", "pages"); any other view, or no run yet, gives an empty list.
// Times are loop seconds with two decimals, up to the time shown.
nlohmann::json view_words(const page::PlaygroundState& state, std::string_view view);

// The Summary view's comparison in sentences, as it shows them: the lesson, a note when the two
// runs' parameters differ, and each run (the async one, then its blocking twin) titled with its
// parameters and followed by its figures, or "not run yet". Empty for a demo without a comparison.
std::vector<std::string> comparison_words(const page::PlaygroundState& state);

}  // namespace aio::views
