// Names of the state's enums, as the page API spells them, and what views work out alike.
#include "playground/state/playground_state.hpp"

namespace aio::page {

const char* to_string(Status s) {
    switch (s) {
        case Status::Idle: return "idle";
        case Status::Running: return "running";
        case Status::Paused: return "paused";
        case Status::Finished: return "finished";
        case Status::Stopped: return "stopped";
    }
    return "?";
}

double seconds_in(const TaskView& task, TaskState state, Time time) {
    const bool counting = state == task.state && task.state < TaskState::Done;
    return task.time_in[static_cast<int>(state)] + (counting && time > task.since ? time - task.since : 0);
}

}  // namespace aio::page
