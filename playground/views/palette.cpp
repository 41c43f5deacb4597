// The colours, picked per theme so swatches and text keep their contrast on the background.
#include "playground/views/palette.hpp"

#include <imgui.h>

namespace aio::views {

namespace {

constexpr Colour rgb(int r, int g, int b) { return IM_COL32(r, g, b, 255); }

// Okabe-Ito on the dark theme. On the light one each hue is darker (yellow turns olive, blue
// navy, so sky and blue stay apart), for 3:1 against the background and a table's striped rows.
struct Inks {
    Colour grey, yellow, green, sky, blue, vermillion, purple, orange;
};
constexpr Inks kDarkInks{rgb(150, 150, 150), rgb(240, 228, 66), rgb(0, 158, 115), rgb(86, 180, 233),
                         rgb(0, 114, 178),   rgb(213, 94, 0),   rgb(204, 121, 167), rgb(230, 159, 0)};
constexpr Inks kLightInks{rgb(120, 120, 120), rgb(125, 125, 0), rgb(0, 140, 100), rgb(20, 125, 195),
                          rgb(0, 75, 140),    rgb(205, 60, 20), rgb(170, 80, 140), rgb(185, 105, 0)};
const Inks& inks(Theme t) { return t == Theme::Dark ? kDarkInks : kLightInks; }

// The 16 ANSI colours, picked to read on each theme's background (at least 4.5:1, bright ones
// too: on the light theme they can only be a little brighter) and to keep red, green, yellow,
// blue, magenta and cyan apart.
constexpr Colour kAnsiOnDark[16] = {
    rgb(125, 125, 125), rgb(235, 90, 80),   rgb(70, 190, 110),  rgb(225, 200, 60),
    rgb(100, 150, 245), rgb(210, 120, 210), rgb(60, 195, 215),  rgb(205, 205, 205),
    rgb(150, 150, 150), rgb(255, 120, 110), rgb(110, 225, 140), rgb(245, 230, 110),
    rgb(140, 180, 255), rgb(240, 150, 240), rgb(110, 230, 245), rgb(245, 245, 245)};
constexpr Colour kAnsiOnLight[16] = {
    rgb(0, 0, 0),       rgb(180, 30, 30),   rgb(0, 120, 40),    rgb(135, 105, 0),
    rgb(25, 70, 200),   rgb(150, 40, 150),  rgb(0, 115, 135),   rgb(105, 105, 105),
    rgb(85, 85, 85),    rgb(210, 35, 35),   rgb(0, 125, 50),    rgb(130, 100, 0),
    rgb(45, 95, 230),   rgb(180, 50, 180),  rgb(0, 115, 140),   rgb(100, 100, 100)};

}  // namespace

Theme current_theme() {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    return 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z < 0.5f ? Theme::Dark : Theme::Light;
}

Colour state_colour(TaskState s, Theme theme) {
    const Inks& k = inks(theme);
    switch (s) {
        case TaskState::Pending: return k.grey;
        case TaskState::Ready: return k.yellow;
        case TaskState::Running: return k.green;
        case TaskState::Waiting: return k.sky;
        case TaskState::Done: return k.blue;
        case TaskState::Failed: return k.vermillion;
        case TaskState::Cancelled: return k.purple;
    }
    return k.grey;
}

Colour wait_colour(WaitKind w, Theme theme) {
    const Inks& k = inks(theme);
    switch (w) {
        case WaitKind::None: case WaitKind::Sleep: case WaitKind::Yield: return k.sky;
        case WaitKind::QueueGet: case WaitKind::QueuePut: case WaitKind::QueueJoin: return k.orange;
        case WaitKind::Fetch: return k.purple;
        case WaitKind::Task: case WaitKind::Gather: case WaitKind::TaskGroup: case WaitKind::AsCompleted:
        case WaitKind::Shield: case WaitKind::WaitFor: return k.blue;
        case WaitKind::Future: case WaitKind::Event: case WaitKind::Lock: case WaitKind::Semaphore: return k.vermillion;
    }
    return k.vermillion;
}

Colour span_colour(TaskState s, WaitKind w, Theme theme) {
    return s == TaskState::Waiting ? wait_colour(w, theme) : state_colour(s, theme);
}

Colour ansi_colour(int index, Theme theme) {
    const Colour* table = theme == Theme::Dark ? kAnsiOnDark : kAnsiOnLight;
    return index >= 0 && index < 16 ? table[index] : table[7];
}

InviteInks invite_inks() { return {rgb(0, 115, 179), rgb(0, 100, 160), rgb(0, 85, 140), rgb(255, 255, 255)}; }

const char* state_letter(TaskState s) {
    switch (s) {
        case TaskState::Pending: return "P";
        case TaskState::Ready: return "R";
        case TaskState::Running: return ">";
        case TaskState::Waiting: return "W";
        case TaskState::Done: return "D";
        case TaskState::Failed: return "F";
        case TaskState::Cancelled: return "C";
    }
    return "?";
}

std::vector<LegendRow> legend_rows(Theme theme) {
    struct Words { const char* name; const char* meaning; };
    const auto state = [&](TaskState s, const char* meaning) {
        return LegendRow{s, WaitKind::None, state_colour(s, theme), state_letter(s), to_string(s), meaning};
    };
    const auto family = [&](WaitKind k, Words w) {
        return LegendRow{TaskState::Waiting, k, wait_colour(k, theme), "", w.name, w.meaning};
    };
    return {state(TaskState::Pending, "created, its coroutine not started yet"),
            state(TaskState::Ready, "scheduled: runs in this or the next loop iteration"),
            state(TaskState::Running, "holds the loop: nothing else runs meanwhile"),
            state(TaskState::Waiting, "suspended at an await; the timeline colours it by what it waits on:"),
            family(WaitKind::Sleep, {"sleep", "asyncio.sleep, sleep(0) included"}),
            family(WaitKind::QueueGet, {"queue", "a queue's get, put or join"}),
            family(WaitKind::Fetch, {"fetch", "a request on the network"}),
            family(WaitKind::Task, {"task/gather", "another task: await task, gather, TaskGroup, as_completed, wait_for, shield"}),
            family(WaitKind::Event, {"other wait", "a lock, semaphore, event or future"}),
            state(TaskState::Done, "returned a result"),
            state(TaskState::Failed, "raised an exception"),
            state(TaskState::Cancelled, "cancelled before it finished")};
}

Colour problem_colour(Theme theme) { return theme == Theme::Dark ? rgb(242, 115, 77) : rgb(175, 50, 15); }
Colour dropped_colour(Theme theme) { return theme == Theme::Dark ? rgb(150, 150, 160) : rgb(120, 120, 130); }

void swatch(Colour colour) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + h * 0.6f, at.y + h), colour);
    ImGui::Dummy(ImVec2(h * 0.6f, h));
    ImGui::SameLine();
}

}  // namespace aio::views
