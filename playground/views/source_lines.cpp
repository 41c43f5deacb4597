#include "playground/views/source_lines.hpp"

namespace aio::views {

namespace {
// "part1(1)" -> "part1": the frame's function name, as a demo's await_lines keys it.
std::string function_of(const std::string& frame) { return frame.substr(0, frame.find('(')); }
}  // namespace

int source_line(const page::PlaygroundState& state, const demos::Demo& demo, const TaskView& t) {
    if (state.demo != &demo) return 0;
    // A task holding the loop in a blocking call is at that call, one waiting at its await.
    const bool blocking = state.blocking && state.blocking->task == t.id && t.state == TaskState::Running;
    if (!blocking && (t.state != TaskState::Waiting || t.stack.size() < 2)) return 0;
    const std::vector<std::string>& frames = blocking ? state.blocking->stack : t.stack;
    if (frames.empty()) return 0;
    const auto it = demo.await_lines.find(blocking ? std::pair{function_of(frames.back()), std::string(demos::kBlockingCall)}
                                                   : std::pair{function_of(frames[frames.size() - 2]), std::string(to_string(t.wait))});
    return it == demo.await_lines.end() ? 0 : it->second;
}

}  // namespace aio::views
