// The await tree: who awaits whom, like `python -m asyncio pstree`. Roots are the live tasks
// nobody awaits; under each task, the tasks it waits for (directly or through gather).
// The tree is flattened into rows first, so only the rows on screen are drawn, even with
// thousands of roots.
#include "playground/views/palette.hpp"
#include "playground/views/views.hpp"

#include <imgui.h>

#include <algorithm>
#include <vector>

namespace aio::views {

namespace {

constexpr size_t kMaxChildren = 100;   // awaited tasks listed under one task

struct Row {
    const TaskView* task = nullptr;
    int depth = 0;
    size_t more = 0;   // a "... and N more" row instead of a task
};

const TaskView* find(const Snapshot& snap, uint32_t id) {   // tasks are sorted by id
    auto it = std::lower_bound(snap.tasks.begin(), snap.tasks.end(), id, [](const TaskView& v, uint32_t x) { return v.id < x; });
    return it != snap.tasks.end() && it->id == id ? &*it : nullptr;
}

ImGuiID node_id(const TaskView& t) { return ImGui::GetID(reinterpret_cast<void*>(static_cast<uintptr_t>(t.id))); }

// Depth-first, skipping the children of closed nodes; `path` stops a cycle recursing forever.
void flatten(const Snapshot& snap, const TaskView& t, int depth, std::vector<uint32_t>& path, std::vector<Row>& rows) {
    rows.push_back({&t, depth, 0});
    if (t.awaits.empty() || !ImGui::GetStateStorage()->GetInt(node_id(t), 1)) return;   // open by default
    path.push_back(t.id);
    size_t shown = 0;
    for (uint32_t child : t.awaits) {
        const TaskView* c = find(snap, child);
        if (!c || std::find(path.begin(), path.end(), child) != path.end()) continue;
        if (++shown > kMaxChildren) {   // thousands of rows read as nothing: say how many more
            rows.push_back({nullptr, depth + 1, t.awaits.size() - kMaxChildren});
            break;
        }
        flatten(snap, *c, depth + 1, path, rows);
    }
    path.pop_back();
}

// The rows of the last tree flattened, kept while the snapshot and the open nodes stay as they
// were: a paused page then draws its visible rows without walking every task each frame.
struct Flattened {
    const TaskView* tasks = nullptr;
    size_t count = 0;
    uint64_t run = 0, iteration = 0;
    Time time = -1;
    TraceMark mark;
    bool toggled = true;   // a node was opened or closed since
    std::vector<Row> rows;
    bool fits(const page::PlaygroundState& s) const {
        const Snapshot& snap = s.snapshot;
        return !toggled && tasks == snap.tasks.data() && count == snap.tasks.size() && run == s.run &&
               iteration == snap.iteration && time == snap.time && mark.epoch == snap.mark.epoch && mark.at == snap.mark.at;
    }
};

void draw_row(const Row& row, Theme theme, bool& toggled, bool take_focus) {
    const float indent = static_cast<float>(row.depth) * ImGui::GetStyle().IndentSpacing;
    if (indent > 0) ImGui::Indent(indent);
    if (!row.task) {
        ImGui::BulletText("... and %zu more", row.more);
    } else {
        const TaskView& t = *row.task;
        swatch(state_colour(t.state, theme));
        std::string label = t.name + "  [" + to_string(t.state) + "]";
        if (!t.stack.empty()) {
            label += "  ";
            for (size_t i = 0; i < t.stack.size(); ++i) label += (i ? " -> " : "") + t.stack[i];
        }
        const ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth |
                                         ImGuiTreeNodeFlags_NoTreePushOnOpen | (t.awaits.empty() ? ImGuiTreeNodeFlags_Leaf : 0);
        if (take_focus) ImGui::SetKeyboardFocusHere();
        ImGui::TreeNodeEx(reinterpret_cast<void*>(static_cast<uintptr_t>(t.id)), flags, "%s", label.c_str());
        toggled |= ImGui::IsItemToggledOpen();
        // Focused from the keyboard, a row cut off at the panel's edge shows whole, as on hover.
        const float label_end = ImGui::GetItemRectMin().x + ImGui::GetTreeNodeToLabelSpacing() + ImGui::CalcTextSize(label.c_str()).x;
        if (keyboard_focused() && label_end > ImGui::GetWindowDrawList()->GetClipRectMax().x + 0.5f) {
            note_landmark("tree:focused");
            tooltip("%s", label.c_str());
        }
        note_landmark("tree:" + t.name);   // for tests: where each shown task's row is
    }
    if (indent > 0) ImGui::Unindent(indent);
}

}  // namespace

void draw_await_tree(const page::PlaygroundState& state) {
    const Snapshot& snap = state.snapshot;
    static Flattened last;
    if (!last.fits(state)) {
        last = {snap.tasks.data(), snap.tasks.size(), state.run, snap.iteration, snap.time, snap.mark, false, std::move(last.rows)};
        last.rows.clear();
        std::vector<uint32_t> path;
        for (const TaskView& t : snap.tasks)
            if (t.state < TaskState::Done && t.awaited_by.empty()) flatten(snap, t, 0, path, last.rows);
    }
    const std::vector<Row>& rows = last.rows;
    if (rows.empty()) {
        hint("No live tasks: the await tree shows while a demo runs.");
        return;
    }
    const Theme theme = current_theme();
    bool take_focus = view_focus_here();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(rows.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const Row& row = rows[static_cast<size_t>(i)];
            draw_row(row, theme, last.toggled, take_focus && row.task);
            take_focus &= !row.task;
        }
}

}  // namespace aio::views
