// A headless Dear ImGui context for the view tests: no backend, a font atlas, a display size and
// NewFrame/Render. What a view drew is read back as the text it rendered (ImGui's logging) and the
// colours in its draw lists.
#pragma once
#include "playground/views/palette.hpp"
#include "playground/views/views.hpp"
#include "tests/playground/state/demo_recording.hpp"

#include <imgui.h>

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace aio::testing {

namespace views = aio::views;

// An ImGui context with no backend: frames are laid out and their draw lists built, not shown.
class HeadlessViews : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 20000);   // tall: every row of every demo's lists is on screen
        io.DeltaTime = 1.0f / 60;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;   // more than 64k vertices per list
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ImGui::StyleColorsLight();
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // Draws `view` in a window filling the display for two frames (the first lays out tables and
    // clippers) and returns the text the second one rendered.
    std::string draw(const std::function<void()>& view) {
        for (int frame = 0; frame < 2; ++frame) {
            ImGui::NewFrame();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("view", nullptr, ImGuiWindowFlags_NoDecoration);
            if (frame == 1) ImGui::LogToClipboard();
            view();
            if (frame == 1) ImGui::LogFinish();
            ImGui::End();
            ImGui::Render();
        }
        return ImGui::GetClipboardText();
    }

    // Commands that fail the test if a view calls one while only being drawn.
    views::Commands untouchable() {
        auto never = [](const char* what) { return [what] { ADD_FAILURE() << "a view called " << what; }; };
        return {.run = [](const std::string&, const aio::demos::Params&, bool) -> uint64_t { ADD_FAILURE() << "a view called run"; return 0; },
                .pause = never("pause"), .resume = never("resume"), .step = never("step"), .stop = never("stop"),
                .step_back = never("step_back"), .live = never("live"),
                .seek = [](uint64_t) { ADD_FAILURE() << "a view called seek"; },
                .seek_task_change = [](uint32_t, int) { ADD_FAILURE() << "a view called seek_task_change"; },
                .save_run = never("save_run"), .save_trace = never("save_trace"), .open_run = never("open_run"),
                .set_speed = [](double) { ADD_FAILURE() << "a view called set_speed"; },
                .download = [](const std::string&, const std::string&) { ADD_FAILURE() << "a view called download"; },
                .show_view = [](const std::string&) { ADD_FAILURE() << "a view called show_view"; }};
    }
};

inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Quads of exactly `colour` in the draw list of the window whose name contains `window`.
inline size_t quads_of(aio::views::Colour colour, const std::string& window) {
    size_t vertices = 0;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        if (!list->_OwnerName || !has(list->_OwnerName, window)) continue;
        for (const ImDrawVert& v : list->VtxBuffer) vertices += v.col == colour;
    }
    return vertices / 4;
}

// Everything the last frame drew, as one value to compare: each draw list's window, its
// commands' clip rectangles and counts, and its vertices (position, texture, colour) and indices.
inline std::string drawn() {
    std::string out;
    const auto bytes = [&out](const auto& buffer) {
        out.append(reinterpret_cast<const char*>(buffer.Data), sizeof(buffer.Data[0]) * static_cast<size_t>(buffer.Size));
    };
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        out += list->_OwnerName ? list->_OwnerName : "";
        out += '\n';
        for (const ImDrawCmd& c : list->CmdBuffer) {
            out.append(reinterpret_cast<const char*>(&c.ClipRect), sizeof c.ClipRect);
            out.append(reinterpret_cast<const char*>(&c.ElemCount), sizeof c.ElemCount);
        }
        bytes(list->VtxBuffer);
        bytes(list->IdxBuffer);
    }
    return out;
}

// The views over a run of count with three tasks asleep: rows to focus, spans to zoom.
class CountAsleep : public HeadlessViews {
protected:
    DemoRecording count{*aio::demos::find_demo("count"), {{"n", int64_t{3}}}};
    const page::PlaygroundState& asleep() {
        for (int i = 0; i < 4; ++i) count.step();
        return count.look();
    }
};

}  // namespace aio::testing
