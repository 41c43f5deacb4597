// The await tree: who awaits whom, like `python -m asyncio pstree`. Roots are the live tasks
// nobody awaits; under each task, the tasks it waits for (directly or through gather).
#include "playground/views/views.hpp"

#include <imgui.h>

#include <set>
#include <unordered_map>

namespace aio::views {

namespace {

constexpr size_t kMaxChildren = 100;   // awaited tasks listed under one task

void draw_node(const TaskView& t, const std::unordered_map<uint32_t, const TaskView*>& by_id, std::set<uint32_t>& path) {
    std::string label = t.name + "  [" + to_string(t.state) + "]";
    if (!t.stack.empty()) {
        label += "  ";
        for (size_t i = 0; i < t.stack.size(); ++i) label += (i ? " -> " : "") + t.stack[i];
    }
    const bool leaf = t.awaits.empty();
    const ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth |
                                     (leaf ? ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen : 0);
    const bool open = ImGui::TreeNodeEx(reinterpret_cast<void*>(static_cast<uintptr_t>(t.id)), flags, "%s", label.c_str());
    if (leaf || !open) return;
    path.insert(t.id);
    size_t shown = 0;
    for (uint32_t child : t.awaits) {
        auto it = by_id.find(child);
        if (it == by_id.end() || path.count(child)) continue;   // a cycle cannot recurse forever
        if (++shown > kMaxChildren) {   // thousands of rows read as nothing: say how many more
            ImGui::BulletText("... and %zu more", t.awaits.size() - kMaxChildren);
            break;
        }
        draw_node(*it->second, by_id, path);
    }
    path.erase(t.id);
    ImGui::TreePop();
}

}  // namespace

void draw_await_tree(const Snapshot& snap) {
    std::unordered_map<uint32_t, const TaskView*> by_id;
    for (const TaskView& t : snap.tasks) by_id[t.id] = &t;
    size_t roots = 0;
    std::set<uint32_t> path;
    for (const TaskView& t : snap.tasks) {
        if (t.state >= TaskState::Done || !t.awaited_by.empty()) continue;
        draw_node(t, by_id, path);
        ++roots;
    }
    if (roots == 0) ImGui::TextDisabled("No live tasks: the await tree shows while a demo runs.");
}

}  // namespace aio::views
