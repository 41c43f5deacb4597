// Exports for the page's DOM mirror of the canvas (web/js/mirror*.js): the canvas's form, read
// and written as JSON, and a compact picture of the run. Like page_api.cpp's, every call answers
// {"ok": value} or {"error": message}, and nothing has changed when it is an error.
#include "playground/app/page_api.hpp"
#include "playground/app/page_ui.hpp"
#include "playground/app/embed_mode.hpp"
#include "playground/views/controls_form.hpp"
#include "playground/views/mirror_text.hpp"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <string_view>

using nlohmann::json;

namespace {

using aio::page::kind_name;
using aio::page::ok;

template <class Each> std::string listed(const Each& each) {
    std::string out;
    for (const auto& x : each) out += (out.empty() ? "" : ", ") + x;
    return out;
}

// The form as the canvas shows it: the demo picked (and whether the picker shows, and whether in
// embed mode, where Open full playground stands for Share), each field's text (a flag's `checked`), a
// number's min and max, its help line and its problem, the refusal under the status, and the
// views with the one in front.
json form_json() {
    aio::views::ControlsView& f = aio::page::form();
    aio::views::sync_form(f, aio::page::session().state());
    const aio::demos::Demo& d = aio::views::form_demo(f);
    const auto problems = aio::views::form_problems(f);
    json fields = json::array();
    for (const aio::demos::Param& p : d.params) {
        json field = {{"name", p.name}, {"kind", kind_name(p.kind)}, {"note", aio::views::field_note(p)}};
        const std::string text = aio::views::field_text(f, p);
        if (p.kind == aio::demos::Param::Kind::Bool) field["checked"] = text == "true";
        else field["text"] = text;
        if (p.kind == aio::demos::Param::Kind::Int || p.kind == aio::demos::Param::Kind::Float) field["min"] = p.min, field["max"] = p.max;
        const auto problem = problems.find(p.name);
        field["problem"] = problem == problems.end() ? json(nullptr) : json(problem->second);
        fields.push_back(field);
    }
    return {{"demo", d.name}, {"picker", aio::page::embed_mode().shows_picker()}, {"embed", aio::page::embed_mode().on}, {"fields", fields},
            {"error", f.error.empty() ? json(nullptr) : json(f.error)},
            {"view", aio::page::front_view()}, {"views", aio::page::views_of(aio::page::shown_demo())}};
}

// One change to the form; "" when done, else why nothing changed.
std::string change_form(const json& change) {
    aio::views::ControlsView& f = aio::page::form();
    const std::string keys = "demo, param (with value), view, reset, run, step, seek, task_change, reveal or download";
    if (!change.is_object() || change.empty()) return "a change must be an object with one of " + keys;
    const std::string what = change.begin().key();
    const json& v = change.begin().value();
    if (what == "demo") {
        const auto& all = aio::demos::all_demos();
        const auto it = std::find_if(all.begin(), all.end(), [&](const aio::demos::Demo* d) { return v.is_string() && d->name == v; });
        if (it == all.end()) {
            std::vector<std::string> names;
            for (const aio::demos::Demo* d : all) names.push_back(d->name);
            return "unknown demo " + (v.is_string() ? aio::page::quoted(v.get<std::string>()) : v.dump()) + "; the demos are " + listed(names);
        }
        aio::views::pick_demo(f, static_cast<size_t>(it - all.begin()));
        return "";
    }
    if (what == "param") {
        const aio::demos::Demo& d = aio::views::form_demo(f);
        const auto p = std::find_if(d.params.begin(), d.params.end(), [&](const auto& q) { return v.is_string() && q.name == v; });
        if (p == d.params.end()) {
            std::vector<std::string> names;
            for (const auto& q : d.params) names.push_back(q.name);
            return d.name + " has no parameter " + (v.is_string() ? aio::page::quoted(v.get<std::string>()) : v.dump()) + "; its parameters are " +
                   listed(names);
        }
        const auto value = change.find("value");
        const bool flag = p->kind == aio::demos::Param::Kind::Bool;
        if (value == change.end() || (flag ? !value->is_boolean() : !value->is_string()))
            return d.name + ": " + p->name + " takes " + (flag ? "true or false" : "its field's text") + ", got " +
                   (value == change.end() ? std::string("no value") : std::string("a ") + value->type_name());
        if (flag) {
            f.edited[p->name] = value->get<bool>();
            f.error.clear();
        } else {
            aio::views::set_field_text(f, *p, value->get<std::string>());
        }
        return "";
    }
    if (what == "view") return v.is_string() ? aio::page::show_view(v.get<std::string>()) : "view must be a view's name";
    if (what == "reset") aio::views::reset_form(f);
    else if (what == "run") aio::views::run_form(f, aio::page::commands(), v == "paused");   // "paused": at iteration 0, for Step
    else if (what == "step") aio::views::step_form(f, aio::page::commands(), aio::page::session().state());
    else if (what == "seek") {
        // {"seek": k}: as the history scrubber, iteration k shown again. Unlike aio.seek it returns
        // no state: the slider moves often, and a 10,000-task state as JSON takes longer than the seek.
        const aio::page::Recording r = aio::page::session().recording();
        const std::string range = std::to_string(r.first) + ".." + std::to_string(r.last);
        if (aio::page::session().runs() == 0) return "nothing has run yet, so there is no iteration to show";
        if (!v.is_number_unsigned() || v.get<uint64_t>() < r.first || v.get<uint64_t>() > r.last)
            return "seek must be an iteration " + range + ", got " + v.dump();
        aio::views::scrub_to(aio::page::commands(), r, v.get<uint64_t>());
    }
    else if (what == "task_change") {
        // {"task_change": {"id": task id, "direction": -1 or 1}}: as the task table's buttons.
        const json id = v.is_object() && v.contains("id") ? v["id"] : json(), dir = v.is_object() && v.contains("direction") ? v["direction"] : json();
        if (!id.is_number_unsigned() || !(dir == -1 || dir == 1)) return "task_change must be {id: a task id, direction: -1 or 1}";
        aio::page::commands().seek_task_change(id.get<uint32_t>(), dir.get<int>());
    }
    else if (what == "reveal" && v.is_string()) {
        const std::string name = v.get<std::string>();
        // Compact controls fold the fields: one reached from the mirror opens them, to be outlined.
        if (name.starts_with("param:") || name == "reset") f.params_open = true;
        aio::views::reveal_landmark(name);
    }
    else if (what == "download") {
        // As the Pages view's Download button: the file the run wrote, saved by the browser.
        const auto& files = aio::page::session().state().files;
        const auto file = v.is_string() ? files.find(v.get<std::string>()) : files.end();
        if (file == files.end()) return "the run wrote no file " + (v.is_string() ? aio::page::quoted(v.get<std::string>()) : v.dump());
        aio::page::commands().download(file->first, file->second);
    }
    else return "unknown change " + aio::page::quoted(what) + "; a change is one of " + keys;
    return "";
}


}  // namespace

extern "C" {

// {"ok": the form} (see form_json).
EMSCRIPTEN_KEEPALIVE const char* aio_form_json() {
    return aio::page::guarded([] { return ok(form_json()); });
}

// change_text: one change as JSON, (pointer, UTF-8 bytes): {"demo": name}, {"param": name,
// "value": text, or true/false for a flag}, {"view": name}, {"reset": true}, {"run": true} (as
// the Run button: with a problem the form's error names it and nothing runs; "paused": the run
// waits at iteration 0), {"step": true} (as
// the Step button: with nothing to step, the form's run starts paused at iteration 0), {"seek":
// iteration} (as the history scrubber), {"task_change": {id, direction}} (as the task table's
// previous and next change buttons), {"reveal":
// landmark} (the canvas scrolls the widget into view; a field opens compact controls' folded
// parameters), {"download": file name} (a file the run
// wrote, as the Pages view's Download). Answers {"ok": the form after it}.
EMSCRIPTEN_KEEPALIVE const char* aio_form_set(const char* change_text, size_t change_bytes) {
    return aio::page::guarded([&] {
        aio::views::sync_form(aio::page::form(), aio::page::session().state());
        const json change = json::parse(std::string_view(change_text, change_bytes), nullptr, false);
        if (change.is_discarded()) return aio::page::error("a form change must be JSON, such as {\"view\": \"tasks\"}");
        const std::string why = change_form(change);
        if (!why.empty()) return aio::page::error(why);
        if (aio::page::session().on_change) aio::page::session().on_change();   // the canvas draws the change
        return ok(form_json());
    });
}

// {"ok": the run as the mirror shows it} (views/mirror_text.hpp): the first `max_tasks` tasks,
// the console lines from `output_from`, the narration after account number `narration_from`, and with
// `words` non-zero the words of the view in front (its view_words), which cost a walk of their rows.
EMSCRIPTEN_KEEPALIVE const char* aio_mirror_json(int max_tasks, int output_from, double narration_from, int words) {
    return aio::page::guarded([&] {
        aio::views::MirrorQuery q;
        q.max_tasks = static_cast<size_t>(std::max(0, max_tasks));
        q.output_from = static_cast<size_t>(std::max(0, output_from));
        q.narration_from = static_cast<uint64_t>(std::max(0.0, narration_from));
        if (words) q.view = aio::page::front_view();
        return ok(aio::views::mirror_json(aio::page::session().state(), q));
    });
}

}  // extern "C"
