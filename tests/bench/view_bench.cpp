// view_bench: where a frame of a moving run spends its CPU, without the GPU. Runs the queue demo
// with n/2 producers and n/2 consumers on a virtual clock with a Trace attached; after every loop
// iteration builds the PlaygroundState as the page's session does, then draws the busy views
// (task table, timeline, await tree, event loop, and the console that shows beside each) in a
// headless Dear ImGui context at 1280x800 (layout and draw lists, no rendering). Prints the median
// µs per iteration of each part, one line per task count, so a profile of the page's frame
// (frame_bench.mjs) can be split into the state and each view.
// The loop iteration itself (step_us) includes telling it in words; --no-narration runs without
// the Narrator, to see what narration costs.
//   view_bench [--tasks N ...] [--iterations K] [--view tasks|timeline|tree|loop|console|explain|none] [--no-narration]
#include "playground/views/views.hpp"
#include "tests/playground/state/demo_recording.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
double us_since(Clock::time_point t0) { return std::chrono::duration<double, std::micro>(Clock::now() - t0).count(); }

struct Figures {
    std::vector<double> step_us, state_us, view_us;   // per iteration
    int iterations = 0;
};

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
}

// What the views keep from frame to frame.
struct Kept {
    aio::views::TimelineView timeline;
    aio::views::ConsoleView console;
    aio::views::ExplainView explain;
};

void draw(const std::string& view, const aio::page::PlaygroundState& state, Kept& kept) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("view", nullptr, ImGuiWindowFlags_NoDecoration);
    if (view == "tasks") aio::views::draw_task_table(state);
    else if (view == "timeline") aio::views::draw_timeline(state, kept.timeline);
    else if (view == "tree") aio::views::draw_await_tree(state);
    else if (view == "loop") aio::views::draw_loop(state);
    else if (view == "console") aio::views::draw_console(state, kept.console);   // on screen beside every view
    else if (view == "explain") aio::views::draw_explain(state, kept.explain);   // so is this
    ImGui::End();
    ImGui::Render();
}

Figures measure(int tasks, int iterations, const std::string& view, bool narration) {
    const aio::demos::Demo* demo = aio::demos::find_demo("queue");
    const auto recording = aio::testing::DemoRecording::with(
        *demo, {.params = {{"producers", int64_t{tasks / 2}}, {"consumers", int64_t{tasks / 2}}}, .narrate = narration});
    aio::testing::DemoRecording& run = *recording;
    for (int i = 0; i < 3; ++i) run.step();   // every task started
    Kept kept;
    for (int i = 0; i < 3; ++i) draw(view, run.look(), kept);   // layout settles, columns sized

    Figures f;
    for (; f.iterations < iterations; ++f.iterations) {
        auto t0 = Clock::now();
        if (!run.step()) break;
        f.step_us.push_back(us_since(t0));
        t0 = Clock::now();
        const aio::page::PlaygroundState& state = run.look();
        f.state_us.push_back(us_since(t0));
        t0 = Clock::now();
        draw(view, state, kept);
        f.view_us.push_back(us_since(t0));
    }
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes;
    int iterations = 60;
    std::vector<std::string> views;
    bool narration = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--tasks" && i + 1 < argc) sizes.push_back(std::atoi(argv[++i]));
        else if (arg == "--iterations" && i + 1 < argc) iterations = std::atoi(argv[++i]);
        else if (arg == "--view" && i + 1 < argc) views.push_back(argv[++i]);
        else if (arg == "--no-narration") narration = false;
        else {
            std::fprintf(stderr, "usage: view_bench [--tasks N ...] [--iterations K] [--view tasks|timeline|tree|loop|console|explain|none ...] [--no-narration]\n");
            return 2;
        }
    }
    if (sizes.empty()) sizes = {10, 1000, 10000};
    if (views.empty()) views = {"tasks", "timeline", "tree", "loop", "console", "explain"};

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

    for (const std::string& view : views)
        for (int n : sizes) {
            const Figures f = measure(n, iterations, view, narration);
            std::printf("view=%s tasks=%d iterations=%d step_us=%.1f state_us=%.1f view_us=%.1f\n", view.c_str(), n, f.iterations,
                        median(f.step_us), median(f.state_us), median(f.view_us));
        }
    ImGui::DestroyContext();
    return 0;
}
