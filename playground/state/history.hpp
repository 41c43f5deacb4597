// History: a run's state after each of its loop iterations, kept as it goes so that any of them
// can be shown again at once (going back, a scrubber, stepping back). Each task's view is kept
// once per change, not once per iteration: the state after iteration k takes, for each task, its
// latest version at or before k (one binary search), so showing an iteration costs per task, not
// per iteration. Everything else of an iteration (timers, ready queue, requests, resources, files,
// pages, summary) is a row, its parts shared with the row before while they do not change.
#pragma once
#include "playground/state/playground_state.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace aio::page {

// Bytes a history keeps by default: past it, its oldest iterations leave.
constexpr size_t kHistoryBudget = size_t{64} << 20;

// Where a state's logs stood (RunCore's printed lines and accounts): what it showed of them.
struct LogMarks {
    size_t lines = 0;                           // lines shown: the first `lines` printed
    size_t accounts_first = 0, accounts_last = 0;   // accounts shown, [first, last) of all told
};

class History {
public:
    // budget: bytes kept (at least one iteration is kept whatever it costs).
    explicit History(size_t budget = kHistoryBudget) : budget_(budget) {}

    // After iteration `state.iteration` (0: before the first): keeps `state` (built as the
    // Session builds it, unaltered) and where it stood in the logs. Iterations come in order; a
    // state whose iteration was already recorded replaces it (a stop's after-work told again).
    // `cut`: the run was cut by a stop at that loop time (-1: not), which state_at() shows over it.
    void record(const PlaygroundState& state, const LogMarks& marks, Time cut = -1);
    void clear();

    bool empty() const { return rows_.empty(); }
    // The iterations that can be shown: first()..last(). The oldest leave past the budget, and
    // those whose spans or resource samples the trace has since dropped (they could not show as
    // they did).
    uint64_t first() const;
    uint64_t last() const;
    // Fills `out`'s snapshot, time, iteration, files, pages, summary and history with those right
    // after iteration k, and returns where its logs stood. std::out_of_range ("iteration must be
    // first..last, got k") outside first()..last().
    LogMarks state_at(uint64_t k, PlaygroundState& out) const;

    // Where iteration k (first()..last()) left the logs, and where a stop cut the run it shows (-1: not cut).
    const LogMarks& marks_at(uint64_t k) const { return row(k).marks; }
    Time time_at(uint64_t k) const { return row(k).time; }   // the time shown after iteration k, loop seconds
    Time cut_at(uint64_t k) const { return row(k).cut; }

    // The nearest iteration before (after) k in first()..last() at which task `id` changed: its
    // state, wait or what awaits it. nullopt: none.
    std::optional<uint64_t> previous_change(uint32_t id, uint64_t k) const;
    std::optional<uint64_t> next_change(uint32_t id, uint64_t k) const;

    size_t bytes() const { return bytes_; }         // kept now, estimated (strings and vectors included)
    size_t budget() const { return budget_; }
    size_t versions() const { return versions_; }   // task views kept

private:
    struct Version {
        uint64_t iteration;
        TaskView view;
    };
    // What a row holds apart from the tasks; shared by consecutive rows while unchanged.
    struct LoopPart {
        std::vector<TimerView> timers;
        size_t timer_count = 0;
        std::vector<uint32_t> ready;
        std::vector<FetchInFlight> fetches;
        size_t ready_callbacks = 0, live_tasks = 0;
        std::vector<ResourceView> resources;
    };
    struct Row {
        uint64_t iteration = 0;
        Time time = 0, snapshot_time = 0, cut = -1;
        uint32_t tasks = 0;                     // tasks made by then: ids 1..tasks
        uint64_t dropped = 0;                   // spans and samples the trace had dropped by then
        std::shared_ptr<const LoopPart> loop;
        std::shared_ptr<const std::map<std::string, std::string>> files;
        std::shared_ptr<const std::vector<demos::PageReport>> pages;
        demos::RunSummary summary;
        LogMarks marks;
        size_t bytes = 0;                       // what it added to the history's bytes (its parts that are not shared)
    };
    const Row& row(uint64_t k) const;
    void trim();
    static size_t bytes_of(const TaskView& v);

    size_t budget_;
    size_t bytes_ = 0, versions_ = 0;
    std::deque<Row> rows_;                       // consecutive iterations, oldest first
    std::vector<std::vector<Version>> tasks_;    // by task id - 1, each oldest first
    TraceMark mark_;                             // how far the recorded states read the trace's change log
    const Trace* trace_ = nullptr;
};

}  // namespace aio::page
