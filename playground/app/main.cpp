// The page's entry point: SDL2 + WebGL2 + Dear ImGui. The browser drives frames (web/js/frames.js
// calls aio_frame on requestAnimationFrame), so an idle page draws nothing and costs no CPU.
#include "playground/app/embed_mode.hpp"
#include "playground/app/frame_settle.hpp"
#include "playground/app/imgui_backend.hpp"
#include "playground/app/input_queue.hpp"
#include "playground/app/key_shortcuts.hpp"
#include "playground/app/page_api.hpp"
#include "playground/app/page_fonts.hpp"
#include "playground/app/page_ui.hpp"
#include "playground/app/session.hpp"
#include "playground/app/text_field.hpp"
#include "playground/app/touch_scroll.hpp"
#include "playground/views/shortcuts.hpp"
#include "playground/views/theme.hpp"
#include "playground/views/views.hpp"

#include <SDL.h>
#include <imgui_internal.h>
#include <SDL_opengles2.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <functional>
#include <tuple>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

SDL_Window* g_window = nullptr;
SDL_GLContext g_gl = nullptr;
float g_font_dpr = 0.0f;        // devicePixelRatio the fonts were rasterised for
aio::page::PageFonts g_fonts;
double g_css_w = 0, g_css_h = 0;

// Keeps the canvas backing store at CSS size × devicePixelRatio, and fonts rasterised for it,
// so text stays sharp on high-DPI screens and after zoom or a move to another screen.
void sync_canvas_size() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int px_w = (int)std::lround(css_w * dpr), px_h = (int)std::lround(css_h * dpr);
    int cur_w = 0, cur_h = 0;
    emscripten_get_canvas_element_size("#canvas", &cur_w, &cur_h);
    if (css_w != g_css_w || css_h != g_css_h) {
        g_css_w = css_w;
        g_css_h = css_h;
        SDL_SetWindowSize(g_window, (int)css_w, (int)css_h);
    }
    if (cur_w != px_w || cur_h != px_h) emscripten_set_canvas_element_size("#canvas", px_w, px_h);

    if ((float)dpr != g_font_dpr) {
        g_font_dpr = (float)dpr;
        g_fonts = aio::page::load_fonts(g_font_dpr);
        aio::views::set_code_font(g_fonts.code);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
    }
}

// What the page's layout remembers between frames: each view's own state and the view shown.
struct UiState {
    aio::views::ControlsView controls;
    aio::views::TimelineView timeline;
    aio::views::TaskTableView tasks;
    aio::views::ConsoleView console;
    aio::views::ExplainView explain;
    std::string select_view;        // a tab to bring forward next frame ("tasks", "timeline", "source", "loop")
    std::string view = "tasks";     // the view shown, kept across the wide and narrow layouts
    bool narrow = false;            // the layout of the last frame
    int key_view = -1;              // a digit pressed this frame: the place of the view to show, 0..7
    std::string focus_view;         // a view shown from the keyboard, to take the keyboard focus once it draws
    float content_height = 0;       // CSS px the layout needs at the last frame's width (aio_content_height)
    float controls_height = 0;      // CSS px the controls column needed last frame, its padding included
    int embed_version = 0;          // EmbedMode::version the last frame was laid out with
};
UiState g_ui;
aio::page::TouchScroll g_touch;
aio::page::InputQueue g_input;
aio::page::FrameSettle g_settle;

}  // namespace

namespace aio::page {

views::ControlsView& form() { return g_ui.controls; }

const demos::Demo& shown_demo() {
    const demos::Demo* run = session().demo();
    return run ? *run : *demos::all_demos()[static_cast<size_t>(g_ui.controls.demo)];
}

namespace {
// Saves a file, or says in the page's notice why it could not: nothing is lost either way.
void saving(const char* what, const std::function<void()>& save) {
    if (!session().demo()) return;
    try {
        save();
    } catch (const std::exception& e) {
        EM_ASM({ if (window.aioLink) aioLink.notice(['The ' + UTF8ToString($0) + ' could not be saved: ' + UTF8ToString($1)]); }, what, e.what());
    }
}
}  // namespace

// The same calls window.aio makes.
const views::Commands& commands() {
    static const views::Commands c{
        .run = [](const std::string& demo, const demos::Params& p, bool paused) { return session().run(demo, p, paused); },
        .pause = [] { session().pause(); },
        .resume = [] { session().resume(); },
        .step = [] { session().step(); },
        .stop = [] { session().stop(); },
        .step_back = [] { session().step_back(); },
        .live = [] { session().live(); },
        .seek = [](uint64_t k) { session().seek(k); },
        .seek_task_change = [](uint32_t id, int direction) { session().seek_task_change(id, direction); },
        .save_run = [] { saving("run", [] { download(session().demo()->name + ".aio-run.json", write_run_file(session().run_file())); }); },
        .save_trace = [] { saving("trace", [] { download(session().demo()->name + ".trace.json", session().chrome_trace()); }); },
        .open_run = [] { EM_ASM({ if (window.aioRunFile) aioRunFile.open(); }); },
        .set_speed = [](double speed) { session().set_speed(speed); },
        .download = download,
        .show_view = [](const std::string& view) { g_ui.select_view = view; },
        .share = [] { EM_ASM({ if (window.aioLink) aioLink.share(); }); },
        .open_full = [] { EM_ASM({ if (window.aioLink) aioLink.openFull(); }); }};
    return c;
}

namespace {
// The page API's name of each panel a demo can declare.
const char* view_of(demos::Panel p) {
    switch (p) {
        case demos::Panel::Resources: return "resources";
        case demos::Panel::Pages: return "pages";
    }
    return "";
}
}  // namespace

// Every demo's views, with the panels the demo declares after Source.
std::vector<std::string> views_of(const demos::Demo& d) {
    std::vector<std::string> out = {"tasks", "timeline", "tree", "source"};
    for (demos::Panel p : d.panels) out.push_back(view_of(p));
    out.insert(out.end(), {"summary", "loop"});
    return embedded_views(out);
}

std::string front_view() {
    const std::string& view = g_ui.select_view.empty() ? g_ui.view : g_ui.select_view;
    const std::vector<std::string> has = views_of(shown_demo());
    // A phone's picker shows the first view when the one chosen is another demo's panel.
    return std::find(has.begin(), has.end(), view) != has.end() ? view : has.front();
}

std::string show_view(const std::string& name) {
    const demos::Demo& d = shown_demo();
    const std::vector<std::string> has = views_of(d);
    if (std::find(has.begin(), has.end(), name) != has.end()) {
        g_ui.select_view = name;
        return "";
    }
    std::string list;
    for (const std::string& v : has) list += (list.empty() ? "" : ", ") + v;
    if (!embed_mode().views.empty())   // the demo may have it, but the embedding page left it out
        return "this embedded playground shows only the views " + list + " (the views key of its link), not " + name;
    return "the " + d.name + " demo has no " + name + " view; its views are " + list;
}

}  // namespace aio::page

using aio::page::commands;
using aio::page::shown_demo;
using aio::page::views_of;

namespace {

// The controls column's height showing all it holds, its padding included.
float controls_height(const ImGuiWindow* controls) {
    const float content = controls->DC.CursorMaxPos.y - controls->DC.CursorStartPos.y;
    return content + 2 * ImGui::GetStyle().WindowPadding.y;
}

// The height the layout needs at this width: the controls column shows all it holds without
// scrolling (they fill `share` of the height), and the views and console get at least
// kMinContentHeight. What is left to the views and the console scrolls at any height.
constexpr float kMinContentHeight = 480;
float needed_height(const ImGuiWindow* controls, float share) {
    const float column = controls_height(controls);
    const float whole = share < 1.0f ? column / share : column + 2 * ImGui::GetStyle().WindowPadding.y;
    return std::max(kMinContentHeight, std::ceil(whole));
}

// Compact controls on top (embed mode, narrower than 720 px) take what they need, up to half the
// height or all but kCompactViewsHeight, whichever is more: a small frame keeps half for the
// views, a tall one keeps the views that much (a view with its plot, and the console) and gives
// the controls the rest.
constexpr float kCompactViewsHeight = 400;
float compact_room(float height) { return std::max(height * 0.5f, height - kCompactViewsHeight); }
// The height that shows compact controls `column` px tall whole and keeps kCompactViewsHeight for
// the views, and never under kMinContentHeight.
float compact_needed_height(float column) {
    return std::max(kMinContentHeight, std::ceil(column + kCompactViewsHeight));
}

// One window filling the canvas: controls and parameters on the left (on top when narrow),
// the task table and the console beside them.
void draw_ui() {
    const aio::page::PlaygroundState& state = aio::page::session().state();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("aio playground", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                ImGuiWindowFlags_NoBringToFrontOnFocus);
    const bool narrow = vp->WorkSize.x < 720;
    const aio::page::EmbedMode& embed = aio::page::embed_mode();
    g_ui.embed_version = embed.version;
    g_ui.controls.compact = embed.on;
    g_ui.controls.picker = embed.shows_picker();
    const float side = narrow ? vp->WorkSize.x - 16 : std::min(380.0f, vp->WorkSize.x * 0.35f);
    constexpr float narrow_share = 0.45f;   // of the height, for the controls on top of a narrow layout
    float top = vp->WorkSize.y * narrow_share;
    if (embed.on && g_ui.controls_height > 0) top = std::min(std::ceil(g_ui.controls_height), compact_room(vp->WorkSize.y));
    // Compact controls keep their scrollbar's room whether it shows or not: the buttons then wrap the
    // same way in a frame too short for them as in the frame auto-height makes, and that height holds.
    ImGui::BeginChild("controls", ImVec2(side, narrow ? top : 0), true, embed.on ? ImGuiWindowFlags_AlwaysVerticalScrollbar : 0);
    if (!embed.on) ImGui::TextWrapped("Python-style async IO, running for real. Pick a demo and press Run.");
    aio::views::draw_controls(state, g_ui.controls, commands());
    g_ui.controls_height = controls_height(ImGui::GetCurrentWindow());
    g_ui.content_height = narrow && embed.on ? compact_needed_height(g_ui.controls_height)
                                             : needed_height(ImGui::GetCurrentWindow(), narrow ? narrow_share : 1.0f);
    ImGui::EndChild();
    aio::views::note_landmark("controls");
    if (!narrow) ImGui::SameLine();
    ImGui::BeginGroup();
    const float right_h = ImGui::GetContentRegionAvail().y;
    ImGui::BeginChild("views", ImVec2(0, right_h * 0.6f), true);
    // Every view the shown demo has; `scroll` gives a view its own scrolling region.
    struct View {
        std::string label;
        const char* id;
        bool scroll;
        std::function<void()> draw;
    };
    const aio::demos::Demo* picked = aio::demos::all_demos()[static_cast<size_t>(g_ui.controls.demo)];
    const aio::demos::Demo* shown = &shown_demo();
    // Another demo was picked since: say whose run the views still show. It sits under the tabs,
    // inside the view, so its coming and going never moves a tab from under the pointer.
    const auto say_previous = [&] {
        if (shown == picked) return;
        ImGui::TextWrapped("Showing the previous run, of %s (%s). Run starts %s.", shown->name.c_str(),
                           aio::page::to_string(state.status), picked->name.c_str());
        aio::views::note_landmark("views:previous");
    };
    std::vector<View> views = {
        {aio::views::counted_label("Tasks", state.snapshot.tasks.size()) + "###tasks", "tasks", false, [&] { aio::views::draw_task_table(state, &g_ui.tasks, &aio::page::commands()); }},
        {"Timeline", "timeline", false, [&] { aio::views::draw_timeline(state, g_ui.timeline); }},
        {"Await tree", "tree", true, [&] { aio::views::draw_await_tree(state); }},
        {"Source", "source", true, [&] { aio::views::draw_source(state, *shown); }},
        {"Resources", "resources", false, [&] { aio::views::draw_resources(state); }},
        {"Pages", "pages", false, [&] { aio::views::draw_pages(state, commands()); }},
        {"Summary", "summary", true, [&] { aio::views::draw_summary(state); }},
        {"Event loop", "loop", true, [&] { aio::views::draw_loop(state); }}};
    const std::vector<std::string> has = views_of(*shown);
    std::erase_if(views, [&](const View& v) { return std::find(has.begin(), has.end(), v.id) == has.end(); });
    if (g_ui.key_view >= 0 && g_ui.key_view < static_cast<int>(views.size()))
        g_ui.select_view = g_ui.focus_view = views[static_cast<size_t>(g_ui.key_view)].id;
    g_ui.key_view = -1;
    // Where the tabs must shrink to fit anyway, the Tasks tab's room for a longer count would only
    // show as an ellipsis.
    std::vector<std::string> labels;
    for (const View& v : views) labels.push_back(v.label);
    if (aio::views::tabs_width(labels) > ImGui::GetContentRegionAvail().x)
        views.front().label = "Tasks (" + std::to_string(state.snapshot.tasks.size()) + ")###tasks";
    // `anchor`: the view's tab (or the phone's picker), which takes the keyboard focus when the
    // view brought forward by a digit has no row or control that takes it.
    const auto draw_view = [&](const View& v, ImGuiID anchor) {
        const bool focus = g_ui.focus_view == v.id && g_ui.view == v.id;
        if (focus) {
            g_ui.focus_view.clear();
            aio::views::want_view_focus();
        }
        // Where the view in front is drawn: the page's mirror and its tests see which one the canvas shows.
        const ImVec2 at = ImGui::GetCursorScreenPos(), room = ImGui::GetContentRegionAvail();
        aio::views::note_landmark(std::string("shown:") + v.id, {at.x, at.y, room.x, room.y});
        say_previous();
        if (v.scroll) ImGui::BeginChild(v.id);
        v.draw();
        if (v.scroll) ImGui::EndChild();
        if (focus && aio::views::view_focus_here()) {
            ImGui::SetFocusID(anchor, ImGui::GetCurrentWindow());
            ImGui::GetCurrentContext()->NavDisableHighlight = false;
        }
    };
    // One chosen view for both layouts, so crossing 720 px keeps it.
    std::string bring = g_ui.select_view;
    if (narrow != g_ui.narrow && bring.empty()) bring = g_ui.view;
    g_ui.narrow = narrow;
    g_ui.timeline.touch = narrow;
    if (!bring.empty()) g_ui.view = bring;
    if (narrow) {
        // A phone has no room for eight tabs: a picker names the view, whole.
        auto it = std::find_if(views.begin(), views.end(), [](const View& v) { return g_ui.view == v.id; });
        if (it == views.end()) it = views.begin();
        ImGui::SetNextItemWidth(-FLT_MIN);
        const bool open = ImGui::BeginCombo("##view", it->label.c_str());
        const ImGuiID picker = ImGui::GetItemID();
        aio::views::note_landmark("view");
        if (open) {
            for (auto v = views.begin(); v != views.end(); ++v) {
                if (ImGui::Selectable(v->label.c_str(), v == it)) g_ui.view = v->id;
                aio::views::note_landmark(std::string("view:") + v->id);
            }
            ImGui::EndCombo();
        }
        draw_view(*it, picker);
    } else if (ImGui::BeginTabBar("views")) {
        for (const View& v : views) {
            const ImGuiTabItemFlags flags = bring == v.id ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
            const bool open = ImGui::BeginTabItem(v.label.c_str(), nullptr, flags);
            aio::views::note_landmark(std::string("tab:") + v.id);
            if (!open) continue;
            // While a tab is being brought forward, the old one still draws for a frame.
            if (bring.empty()) g_ui.view = v.id;
            draw_view(v, ImGui::GetItemID());
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    g_ui.select_view.clear();
    ImGui::EndChild();
    aio::views::note_landmark("views");
    // The console and the Explain view side by side; a narrow screen shows one at a time, in tabs.
    const std::function<void()> console = [&] { aio::views::draw_console(state, g_ui.console); };
    const std::function<void()> explain = [&] { aio::views::draw_explain(state, g_ui.explain); };
    const auto pane = [](const char* id, float width, const char* title, const std::function<void()>& draw) {
        ImGui::BeginChild(id, ImVec2(width, 0), true);
        if (title) {   // stays put while the text under it scrolls
            ImGui::TextDisabled("%s", title);
            ImGui::BeginChild("text");
        }
        draw();
        if (title) ImGui::EndChild();
        ImGui::EndChild();
        aio::views::note_landmark(id);
    };
    if (!narrow) {
        pane("console", (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f, nullptr, console);
        ImGui::SameLine();
        pane("explain", 0, "Explain: each loop iteration in words", explain);
    } else if (ImGui::BeginTabBar("below")) {
        for (const auto& [id, label, draw] : {std::tuple{"console", "Console", &console}, std::tuple{"explain", "Explain", &explain}}) {
            const bool open = ImGui::BeginTabItem(label);
            aio::views::note_landmark(std::string("tab:") + id);
            if (!open) continue;
            pane(id, 0, nullptr, *draw);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndGroup();
    ImGui::End();
    g_ui.controls.key_run = g_ui.controls.key_pause = g_ui.controls.key_step = g_ui.controls.key_help = false;
    g_ui.controls.key_legend = g_ui.controls.key_step_back = g_ui.controls.key_live = false;
}

// Where the keyboard focus is while its frame shows: landmark "focus", for tests.
void note_keyboard_focus() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!g.NavWindow || g.NavId == 0 || g.NavDisableHighlight || !g.IO.NavVisible) return;
    const ImRect r = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
    aio::views::note_landmark("focus", aio::views::Rect{r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()});
}

// Acts on a key press outside text fields that is a shortcut, or Esc over a tooltip (the input
// queue offers each press in turn, after the clicks before it). Returns true
// when ImGui must not see the key as well: Esc then only hides the tooltip, and the arrows that
// pan the timeline or move the history scrubber do not also move the keyboard focus.
bool take_shortcut(const SDL_KeyboardEvent& key) {
    // A text field is being edited now (WantTextInput lags a frame behind both ways).
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId) return false;
    if (key.keysym.sym == SDLK_ESCAPE && aio::views::tooltip_shown()) {
        aio::views::hide_tooltips();
        return true;
    }
    const auto press = aio::page::shortcut_for(key.keysym, g_ui.view == "timeline", g_ui.view == "timeline" && g_ui.timeline.focused,
                                               g_ui.controls.scrubber_focused);
    if (!press) return false;
    using aio::views::Action;
    // Holding a key repeats a zoom or a pan; a run, a pause or a view is one press.
    const bool moves = press->action == Action::ZoomIn || press->action == Action::ZoomOut || press->action == Action::Pan ||
                       press->action == Action::Scrub;
    if (key.repeat && !moves) return false;
    switch (press->action) {
        case Action::Run: g_ui.controls.key_run = true; break;
        case Action::PauseResume: g_ui.controls.key_pause = true; break;
        case Action::Step: g_ui.controls.key_step = true; break;
        case Action::StepBack: g_ui.controls.key_step_back = true; break;
        case Action::Live: g_ui.controls.key_live = true; break;
        case Action::Help: g_ui.controls.key_help = true; break;
        case Action::Legend: g_ui.controls.key_legend = true; break;
        case Action::ShowView: g_ui.key_view = press->amount; break;
        case Action::ZoomIn: case Action::ZoomOut: g_ui.timeline.key_zoom = press->amount; break;
        case Action::Pan: g_ui.timeline.key_pan += press->amount; return true;
        case Action::Follow: g_ui.timeline.key_follow = true; return true;
        case Action::Scrub: g_ui.controls.key_scrub += press->amount; return true;
        default: break;
    }
    return false;
}

}  // namespace

// Light or dark, following the page's prefers-color-scheme (web/js/boot.js calls this).
extern "C" EMSCRIPTEN_KEEPALIVE void aio_set_theme(int dark) {
    aio::views::apply_theme(dark ? aio::views::Theme::Dark : aio::views::Theme::Light);
}

// The system's "reduce motion" setting, 1 or 0, following prefers-reduced-motion (web/js/boot.js
// calls this); aio_reduced_motion answers what the app last took.
extern "C" EMSCRIPTEN_KEEPALIVE void aio_set_reduced_motion(int reduce) { aio::views::set_reduced_motion(reduce != 0); }
extern "C" EMSCRIPTEN_KEEPALIVE int aio_reduced_motion() { return aio::views::reduced_motion() ? 1 : 0; }

// The keyboard's routes, as the help lists them: [{"keys": "Space", "action": "Pause or resume the run"}, ...].
extern "C" EMSCRIPTEN_KEEPALIVE const char* aio_shortcuts_json() {
    static const std::string json = aio::views::shortcuts_json();
    return json.c_str();
}

// Brings a view's tab forward (window.aio.showView, for tests and course pages' deep links).
// Answers {"ok": null}, or {"error": message} naming the shown demo and its views when it has
// no view of that name.
extern "C" EMSCRIPTEN_KEEPALIVE const char* aio_show_view(const char* name) {
    static std::string reply;
    const std::string error = aio::page::show_view(name);
    const nlohmann::json out = error.empty() ? nlohmann::json{{"ok", nullptr}} : nlohmann::json{{"error", error}};
    reply = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return reply.c_str();
}

// Which fonts the page drew with, at which size (tests check the TTFs arrived and follow the DPR).
extern "C" EMSCRIPTEN_KEEPALIVE const char* aio_fonts_json() {
    static std::string json;
    json = aio::page::fonts_json(g_fonts);
    return json.c_str();
}

// The height in CSS px the layout needs at the canvas's current width, as of the last frame: the
// controls column whole (it wraps, so this follows the width and the demo picked), and never
// under 480; in embed mode under 720 px wide, the compact controls whole and 400 px for the views
// and the console, and never under 480 either. An embedding page that sizes its
// frame to this shows the controls without scrolling.
// 0 until a frame has been laid out with the last embed mode set (the page's link sets it after
// the first frame): a host would otherwise size its frame to the full layout and then shrink it.
extern "C" EMSCRIPTEN_KEEPALIVE double aio_content_height() {
    return g_ui.embed_version == aio::page::embed_mode().version ? g_ui.content_height : 0;
}

// Where the named widgets were drawn last frame: {"run":{"x","y","w","h"},...} in CSS pixels.
extern "C" EMSCRIPTEN_KEEPALIVE const char* aio_landmarks_json() {
    static std::string json;
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [name, r] : aio::views::landmarks()) out[name] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
    json = out.dump();
    return json.c_str();
}

// Draws one frame; returns 1 while the page wants another frame soon: a demo runs, input waits in
// the queue, or the output has not settled yet. `stirred` is 1 when the page asked for this frame
// because something changed (input, a page API call, a resize).
extern "C" EMSCRIPTEN_KEEPALIVE int aio_frame(int stirred) {
    sync_canvas_size();
    aio::page::session().tick(emscripten_get_now());   // a replay moves on with the frames
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        g_input.push(event);
        g_touch.on_event(event, (float)g_css_w, (float)g_css_h);
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    const bool fed = g_input.feed(take_shortcut);
    g_touch.apply();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2((float)g_css_w, (float)g_css_h);
    io.DisplayFramebufferScale = ImVec2(g_font_dpr, g_font_dpr);
    ImGui::NewFrame();
    draw_ui();
    note_keyboard_focus();
    ImGui::Render();

    glViewport(0, 0, (int)std::lround(g_css_w * g_font_dpr), (int)std::lround(g_css_h * g_font_dpr));
    const aio::views::Rgba bg = aio::views::backdrop();
    glClearColor((float)bg.r, (float)bg.g, (float)bg.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    aio::page::after_frame();
    const bool settling = g_settle.wants_more(*ImGui::GetDrawData(), stirred || fed);
    return aio::page::wants_next_frame() || g_input.pending() || settling ? 1 : 0;
}

int main() {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    g_window = SDL_CreateWindow("aio playground", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 720,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE);
    g_gl = g_window ? SDL_GL_CreateContext(g_window) : nullptr;
    if (!g_gl) {
        std::fprintf(stderr, "WebGL2 context could not be created: %s\n", SDL_GetError());
        aio::page::report_fatal("WebGL2 is not available", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(g_window, g_gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is per visit; nothing written to the browser's storage
    io.ConfigInputTextCursorBlink = false;   // the page draws only on demand, so a blink would freeze half-way
    aio::views::apply_theme(aio::views::Theme::Dark);
    ImGui_ImplSDL2_InitForOpenGL(g_window, g_gl);
    aio::page::enable_keyboard_navigation();
    ImGui_ImplOpenGL3_Init("#version 300 es");

    // No emscripten_set_main_loop: frames.js calls aio_frame when something changed, and the
    // runtime stays alive after main returns (EXIT_RUNTIME=0).
    aio::page::started();
    return 0;
}
