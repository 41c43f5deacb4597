// The state as it was at a display time behind the loop's clock. A blocking call (time.sleep)
// runs inside one iteration, so the loop is ahead of what the viewer has seen until the display
// catches up; the tasks are shown as they were then, from the trace's spans.
#pragma once
#include "playground/state/playground_state.hpp"

#include <deque>
#include <string>
#include <vector>

namespace aio::page {

// The blocking call on screen at display time `t` (loop seconds) among one iteration's `calls`,
// in the order made: the first not ended by t, else the last. nullptr when there are none.
const demos::BlockingCall* call_shown_at(const std::vector<demos::BlockingCall>& calls, Time t);

// While `call` holds the loop: the state's tasks as they were when it began (its task running,
// with the call's await stack; tasks that block after it not run yet), counting on from there,
// and `call` as the state's `blocking`. The state's snapshot must be the loop's, just taken.
void show_blocking_call(PlaygroundState& state, const Trace& trace, const demos::BlockingCall& call);

// A run stopped at display time `t` behind the loop's clock (it had run a blocking call's
// iteration ahead of the display): the tasks as they were at t, then every one unfinished there
// cancelled at t, as Stop cancels at the time shown. What the loop did after t is not shown.
void stop_as_of(PlaygroundState& state, const Trace& trace, Time t);

// The tasks a run stopped at `t` behind the loop's clock shows cancelled though the loop, ahead
// of t, had finished them (the loop reports only its own cancellations): their names, oldest first.
std::vector<std::string> finished_after(const Trace& trace, Time t);

// Makes `shown` the run's items (printed lines, accounts) up to loop time `t`, oldest first, by
// moving items between it and `pending`, the run's later ones, oldest first (an earlier `t` moves
// items back). Items move, never copy: a busy run prints hundreds of lines each iteration.
template <class Shown, class Item> void show_until(Shown& shown, std::deque<Item>& pending, Time t) {
    for (; !shown.empty() && shown.back().time > t; shown.pop_back()) pending.push_front(std::move(shown.back()));
    for (; !pending.empty() && pending.front().time <= t; pending.pop_front()) shown.push_back(std::move(pending.front()));
}

}  // namespace aio::page
