// Where in the demo's script a task is: the line of the await it is suspended on, or of the
// blocking call it holds the loop in. The Source view marks these lines; the page's text mirror
// lists them beside each task. No ImGui here.
#pragma once
#include "playground/state/playground_state.hpp"

namespace aio::views {

// The 1-based line of `demo`'s Python script that `task` is at in `state`, or 0 when it is at
// none: not waiting (nor blocking), an await the demo does not map, or `demo` not the run's.
int source_line(const page::PlaygroundState& state, const demos::Demo& demo, const TaskView& task);

}  // namespace aio::views
