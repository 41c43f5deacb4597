// Exports for web/js/aio_api.js. Text arrives as a pointer and a UTF-8 length on the heap, so a
// NUL never cuts it short, and replies cross as UTF-8 JSON owned by this side until the next
// call. Every call answers {"ok": value} or {"error": message}; the JavaScript side turns an
// error into a thrown Error, and nothing has changed when it does. No exception leaves an export.
#include "playground/app/page_api.hpp"

#include "playground/app/page_ui.hpp"
#include "playground/state/state_json.hpp"
#include "playground/views/controls_form.hpp"
#include "runtime/repr.hpp"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>
#include <string_view>
#include <tuple>

#include <cmath>
#include <string>

using nlohmann::json;

namespace aio::page {

namespace {
std::string g_reply;  // the last JSON handed to JavaScript
}  // namespace

const char* reply(const json& j) {
    g_reply = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return g_reply.c_str();
}
const char* ok(const json& value) { return reply({{"ok", value}}); }
const char* error(const std::string& message) { return reply({{"error", message}}); }

const char* kind_name(demos::Param::Kind k) {
    switch (k) {
        case demos::Param::Kind::Bool: return "bool";
        case demos::Param::Kind::Int: return "int";
        case demos::Param::Kind::Float: return "float";
        case demos::Param::Kind::IntList: return "int_list";
        case demos::Param::Kind::Text: return "text";
    }
    return "?";
}

Session& session() {
    static Session s;
    return s;
}

void started() {
    // Module.pageUrl: an http address standing in for a page opened from disk (file:// has no
    // http origin for the crawler's relative URLs), set by the single-file build.
    const int n = EM_ASM_INT({ return lengthBytesUTF8(Module['pageUrl'] || location.href) + 1; });
    std::string href(static_cast<size_t>(n), '\0');
    EM_ASM({ stringToUTF8(Module['pageUrl'] || location.href, $0, $1); }, href.data(), n);
    href.resize(static_cast<size_t>(n - 1));
    session().base_url = href;
    session().on_change = [] {
        // A new run: finished() promises taken during the one it replaced settle now.
        static uint64_t seen = 0;
        if (session().runs() != seen) {
            seen = session().runs();
            EM_ASM({ if (Module.onRunStarted) Module.onRunStarted($0); }, static_cast<double>(seen));
        }
        EM_ASM({ if (window.aioFrames) aioFrames.request(); });
    };
    session().on_end = [] { EM_ASM({ if (Module.onRunEnded) Module.onRunEnded(); }); };
    EM_ASM({ if (Module.onAppStarted) Module.onAppStarted(); });
}

void report_fatal(const char* what, const char* detail) {
    EM_ASM({ if (Module.onFatal) Module.onFatal(UTF8ToString($0), UTF8ToString($1)); }, what, detail);
}

void download(const std::string& name, const std::string& text) {
    EM_ASM({
        const blob = new Blob([UTF8ToString($1, $2)], {type: 'text/plain'});
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = UTF8ToString($0);
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    }, name.c_str(), text.data(), text.size());
}

// Every frame while a demo runs, and one more after anything in the session changed (the frame
// settling in main.cpp then draws until the views stop moving).
bool wants_next_frame() {
    static std::tuple<uint64_t, uint64_t, size_t, Status> last;
    const Session& s = session();   // not its state: that would be built again for nothing
    const auto now = std::make_tuple(s.runs(), s.shown_iteration(), s.output_lines(), s.status());
    const bool changed = now != last;
    last = now;
    return changed || s.status() == Status::Running;
}

}  // namespace aio::page

using aio::page::error;
using aio::page::guarded;
using aio::page::ok;
using aio::page::session;

namespace {


// guarded(body(demo)) for the demo named by (name, bytes), or an "unknown demo" error that lists
// the demos, as showView lists the views.
template <class Body> const char* with_demo(const char* name, size_t bytes, Body&& body) {
    return guarded([&] {
        const std::string_view text(name, bytes);
        const aio::demos::Demo* d = aio::demos::find_demo(std::string(text));
        if (d) return body(*d);
        std::string names;
        for (const aio::demos::Demo* each : aio::demos::all_demos()) names += (names.empty() ? "" : ", ") + each->name;
        return error("unknown demo " + aio::page::quoted(text) + "; the demos are " + names);
    });
}

// The parameters in params_text (JSON), checked against d's kinds; throws demos::ParamError.
aio::demos::Params params_of(const aio::demos::Demo& d, const char* params_text, size_t params_bytes) {
    json given;
    try {
        given = json::parse(std::string_view(params_text, params_bytes));
    } catch (const json::parse_error& e) {
        // The library's own message names no parameter.
        throw aio::demos::ParamError("params must be a JSON object of parameter names to values; it is not well-formed at byte " +
                                     std::to_string(e.byte));
    }
    return aio::page::params_from_json(d, given);
}

}  // namespace

// Each export below takes text as (pointer, UTF-8 byte count); the text may hold any bytes.
extern "C" {

EMSCRIPTEN_KEEPALIVE const char* aio_snapshot_json() {
    return guarded([] { return aio::page::reply(aio::page::state_json(session().state())); });
}

EMSCRIPTEN_KEEPALIVE const char* aio_demos_json() {
    return guarded([] {
        json names = json::array();
        for (const aio::demos::Demo* d : aio::demos::all_demos()) names.push_back(d->name);
        return ok(names);
    });
}

EMSCRIPTEN_KEEPALIVE const char* aio_params_json(const char* demo, size_t demo_bytes) {
    return with_demo(demo, demo_bytes, [](const aio::demos::Demo& d) {
        json out = json::object();
        for (const aio::demos::Param& p : d.params) {
            json j = {{"kind", aio::page::kind_name(p.kind)}, {"default", aio::page::value_json(p.default_value)}, {"help", p.help}};
            if (p.kind == aio::demos::Param::Kind::Int || p.kind == aio::demos::Param::Kind::Float ||
                p.kind == aio::demos::Param::Kind::IntList)
                j["min"] = p.min, j["max"] = p.max;
            if (p.max_items) j["max_items"] = p.max_items;
            if (const aio::demos::Param* hi = aio::demos::upper_bound_of(d, p)) j["at_most"] = hi->name;
            if (const aio::demos::Param* lo = aio::demos::lower_bound_of(d, p)) j["at_least"] = lo->name;
            out[p.name] = j;
        }
        return ok(out);
    });
}

// The demo's Python script, its file name, title, and the command line for the current
// parameters (the defaults when another demo is running).
EMSCRIPTEN_KEEPALIVE const char* aio_source_json(const char* demo, size_t demo_bytes) {
    return with_demo(demo, demo_bytes, [](const aio::demos::Demo& d) {
        const aio::demos::Params params = session().demo() == &d ? session().params() : aio::demos::resolve_params(d, {});
        return ok({{"script", d.script}, {"title", d.title}, {"summary", d.summary}, {"python", d.python},
                   {"command", aio::demos::command_line(d, params)}});
    });
}

// params_text: a JSON object of parameter names to values.
EMSCRIPTEN_KEEPALIVE const char* aio_run_json(const char* demo, size_t demo_bytes, const char* params_text, size_t params_bytes) {
    return with_demo(demo, demo_bytes, [&](const aio::demos::Demo& d) {
        session().run(d.name, params_of(d, params_text, params_bytes));
        return ok();
    });
}

// As aio_run_json, but nothing runs: the controls show `demo` with these parameters (missing
// ones at their defaults), ready to Run. A refused value changes nothing.
EMSCRIPTEN_KEEPALIVE const char* aio_show_json(const char* demo, size_t demo_bytes, const char* params_text, size_t params_bytes) {
    return with_demo(demo, demo_bytes, [&](const aio::demos::Demo& d) {
        const aio::demos::Params params = aio::demos::resolve_params(d, params_of(d, params_text, params_bytes));
        aio::views::ControlsView& form = aio::page::form();
        aio::views::sync_form(form, session().state());
        aio::views::show_params(form, d, params);
        if (session().on_change) session().on_change();   // the canvas draws the change
        return ok();
    });
}

// what: "pause", "resume", "step", "step_back", "live" or "stop".
EMSCRIPTEN_KEEPALIVE const char* aio_control(const char* what, size_t what_bytes) {
    return guarded([&] {
        const std::string_view w(what, what_bytes);
        if (w == "pause") session().pause();
        else if (w == "resume") session().resume();
        else if (w == "step") session().step();
        else if (w == "step_back") session().step_back();
        else if (w == "live") session().live();
        else if (w == "stop") session().stop();
        else return error("unknown control " + aio::page::quoted(w) + " (pause, resume, step, step_back, live or stop)");
        return ok();
    });
}

// {first, last, live}: the iterations aio.seek takes, and whether the views show the live run;
// {first: 0, last: 0, live: true} before any run.
EMSCRIPTEN_KEEPALIVE const char* aio_history_json() {
    return guarded([] {
        const aio::page::Recording r = session().recording();
        return ok({{"first", r.first}, {"last", r.last}, {"live", r.live}});
    });
}

// Shows the state right after iteration k again, and returns it as aio.snapshot() does.
EMSCRIPTEN_KEEPALIVE const char* aio_seek_json(double k) {
    return guarded([&] {
        const aio::page::Recording r = session().recording();
        if (session().runs() == 0) return error("nothing has run yet: start a run with aio.run(demo, params) first");
        if (!(k >= static_cast<double>(r.first) && k <= static_cast<double>(r.last) && k == std::floor(k)))
            return error("iteration must be a whole number " + std::to_string(r.first) + ".." + std::to_string(r.last) + ", got " +
                         aio::repr(k));
        session().seek(static_cast<uint64_t>(k));
        return ok(aio::page::state_json(session().state()));
    });
}

// Opens a run file (text_bytes of UTF-8 JSON, playground/state/run_file.hpp): the run is told
// again at once with nothing from outside. Answers {"ok": {"problems": [...]}}, where the replay
// took another path than the file; a file that does not read is refused, naming what is wrong.
EMSCRIPTEN_KEEPALIVE const char* aio_open_run(const char* text, size_t text_bytes) {
    return guarded([&] {
        const aio::page::RunFile file = aio::page::read_run_file(std::string_view(text, text_bytes));
        session().open(file);
        aio::views::show_params(aio::page::form(), *file.demo, file.params);
        return ok({{"problems", session().replay_problems()}});
    });
}

// speed <= 0: instant.
EMSCRIPTEN_KEEPALIVE const char* aio_set_speed(double speed) {
    return guarded([&] {
        session().set_speed(speed);
        return ok();
    });
}

}  // extern "C"
