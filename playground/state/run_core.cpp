// A run of a demo with its recording: the states it shows, built one way for the page and the tests.
#include "playground/state/run_core.hpp"

#include "playground/demos/run_summary.hpp"
#include "playground/state/as_of.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace aio::page {

void RunCore::IterationEnd::on_iteration_end(const Loop& l) {
    RecorderRelay::on_iteration_end(l);
    core->iteration_ended();
}

void RunCore::IterationEnd::attach(Loop& l) { relay_in(l); }
void RunCore::IterationEnd::detach(Loop&) { relay_out(); }

RunCore::RunCore(const demos::Demo& demo, RunSetup setup)
    : trace(setup.span_budget),
      ctx(demos::virtual_context(loop, [this](const std::string& line) { print(cut_ >= 0 ? cut_ : loop.time(), line); })),
      narrator(demo),
      history(setup.history_budget),
      demo_(demo),
      setup_(std::move(setup)) {
    trace.attach(loop);
    if (setup_.narrate) narrator.attach(ctx);
    ctx.base_url = setup_.base_url;
    ctx.entropy.seed(setup_.entropy_seed);
    recorded_.demo = &demo_;
    recorded_.params = setup_.params;
    tap_.core = this;
}

RunCore::~RunCore() { close(); }

void RunCore::start() {
    if (started_) throw std::logic_error("RunCore::start: the run has started already");
    started_ = true;
    main = create_task(loop, demo_.main(ctx, setup_.params), "main");
    // In front of the narrator, which is in front of the trace: the iteration's reports are all in
    // when the core is told it ended.
    clock_.attach(loop);
    tap_.attach(loop);
    record();
}

void RunCore::close() {
    // Cancelled first, while every listener is in place: a queue or lock its tasks drop reports
    // its end through the whole chain, to the trace, which must not keep a pointer to it.
    closing_ = true;
    cancel_all_tasks(loop);
    tap_.detach(loop);
    clock_.detach();
    narrator.detach();
    trace.detach();
}

void RunCore::print(Time at, const std::string& line) {
    if (lines_.size() < setup_.max_lines) lines_.push_back({at, line});
    else if (lines_.size() == setup_.max_lines) lines_.push_back({at, "(console full: later lines are not shown)"});
}

void RunCore::iteration_ended() {
    if (closing_) return;   // the teardown's iterations are nobody's to look back on
    narrator.flush();
    record();
}

// The accounts told so far join the log; the state keeps the latest of them, as keep_latest does:
// at most kKeptAccounts accounts and kKeptSentences sentences, and always the newest.
void RunCore::take_accounts() {
    const size_t before = accounts_.size();
    narrator.take(accounts_);
    for (size_t i = before; i < accounts_.size(); ++i) kept_sentences_ += accounts_[i].sentences.size();
    const size_t end = accounts_base_ + accounts_.size();
    while (end - kept_first_ > 1 && (end - kept_first_ > kKeptAccounts || kept_sentences_ > kKeptSentences)) {
        kept_sentences_ -= accounts_[kept_first_ - accounts_base_].sentences.size();
        ++kept_first_;
    }
}

// The history's state after this iteration: built as the page builds it at instant speed.
void RunCore::record() {
    take_accounts();
    if (!setup_.keep_history) return;
    const bool lend = recorded_.history != nullptr;
    recorder_.update_loop_state(recorded_, loop, trace, ctx, lend);
    const Time shown = cut_ >= 0 ? cut_ : loop.time();
    recorder_.update_time(recorded_, trace, shown);
    const size_t lines = shown_until(lines_, lines_.size(), shown);
    const size_t accounts = shown_until(accounts_, accounts_.size(), shown);
    history.record(recorded_, {lines, kept_first_, accounts_base_ + accounts}, cut_);
    // Accounts that neither the state nor any iteration kept can show any longer leave.
    const size_t needed = std::min(kept_first_, history.marks_at(history.first()).accounts_first);
    for (; accounts_base_ < needed && !accounts_.empty(); ++accounts_base_) accounts_.pop_front();
}

template <class Log> size_t RunCore::shown_until(const Log& log, size_t end, Time t) {
    end = std::min(end, log.size());
    while (end > 0 && log[end - 1].time > t) --end;
    while (end < log.size() && log[end].time <= t) ++end;
    return end;
}

LogRange<Account> RunCore::kept_accounts(size_t end) const {
    const size_t first = std::min(kept_first_ - accounts_base_, end);
    return {&accounts_, first, end};
}

bool RunCore::update_loop(PlaygroundState& state, const demos::BlockingCall* held, bool lend) {
    builder_.update_loop_state(state, loop, trace, ctx, lend);
    summary_due_ = true;
    state.blocking.reset();
    if (cut_ >= 0) stop_as_of(state, trace, cut_);
    else if (held) show_blocking_call(state, trace, *held);
    return cut_ >= 0 || held;
}

void RunCore::update_time(PlaygroundState& state, Time time) {
    if (std::exchange(summary_due_, false) || state.time != time) builder_.update_time(state, trace, time);
    // Lines and accounts show up to the time shown, as they come in order: those of a blocking
    // call's iteration wait until it has played out to their time.
    const size_t lines = shown_until(lines_, state.output.last(), time);
    state.output = LogRange<PrintedLine>(&lines_, 0, lines);
    take_accounts();
    state.narration = kept_accounts(shown_until(accounts_, state.narration.last(), time));
}

void RunCore::show_iteration(PlaygroundState& state, uint64_t k) const {
    const LogMarks marks = history.state_at(k, state);
    state.demo = &demo_;
    state.params = setup_.params;
    state.entropy_seed = setup_.entropy_seed;
    if (const Time cut = history.cut_at(k); cut >= 0) stop_as_of(state, trace, cut);
    state.output = LogRange<PrintedLine>(&lines_, 0, std::min(marks.lines, lines_.size()));
    const size_t first = std::clamp(marks.accounts_first, accounts_base_, accounts_base_ + accounts_.size()) - accounts_base_;
    const size_t last = std::clamp(marks.accounts_last, accounts_base_ + first, accounts_base_ + accounts_.size()) - accounts_base_;
    state.narration = LogRange<Account>(&accounts_, first, last);
}

void RunCore::stop(Time at) {
    stop_ = RecordedStop{loop.iteration(), at};
    if (loop.time() > at) cut_ = at;
    narrator.stopping(at, cut_ >= 0 ? finished_after(trace, at) : std::vector<std::string>{});
    // Accounts of what the loop did after the time shown were never shown: they go.
    const size_t shown = shown_until(accounts_, accounts_.size(), at);
    accounts_.erase(std::remove_if(accounts_.begin() + static_cast<std::ptrdiff_t>(shown), accounts_.end(),
                                   [at](const Account& a) { return a.time > at; }),
                    accounts_.end());
    kept_first_ = std::min(kept_first_, accounts_base_ + accounts_.size());
    kept_sentences_ = 0;
    for (size_t i = kept_first_ - accounts_base_; i < accounts_.size(); ++i) kept_sentences_ += accounts_[i].sentences.size();
    // Cut, the iteration the display was inside never showed its end: it shows as cut, as what follows.
    if (cut_ >= 0) record();
    demos::stop_run(loop, at);
    record();   // the stop's own accounts, told after its last iteration
}

void RunCore::finish(Time at) {
    stop_ = RecordedStop{loop.iteration(), at};
    demos::stop_run(loop, at);
    if (main.done() && !main.cancelled())
        if (std::exception_ptr e = main.exception())
            print(loop.time(), "Traceback (most recent call last): " + exception_type_name(e) + ": " + exception_message(e));
    record();
}

}  // namespace aio::page
