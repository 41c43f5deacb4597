#include "playground/views/controls_form.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace aio::views {

namespace {

std::string key_of(const demos::Demo& d, const demos::Param& p) { return d.name + "/" + p.name; }

// "0–10000": an en dash, because ImGui's word wrap may break a line between two dots.
std::string range_of(const demos::Param& p) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.10g\u2013%.10g", p.min, p.max);
    return buf;
}

std::string list_text(const std::vector<int64_t>& v) {
    std::string s;
    for (int64_t x : v) s += (s.empty() ? "" : " ") + std::to_string(x);
    return s;
}

// The whole text as a number of p's kind; false when any of it does not read.
bool read_number(const demos::Param& p, const std::string& text, demos::Value& out) {
    if (text.empty() || text.find_first_of(" \t\n") != std::string::npos) return false;
    char* end = nullptr;
    errno = 0;
    if (p.kind == demos::Param::Kind::Int) {
        const long long x = std::strtoll(text.c_str(), &end, 10);
        if (*end || errno == ERANGE) return false;
        out = static_cast<int64_t>(x);
        return true;
    }
    const double x = std::strtod(text.c_str(), &end);
    if (*end || !std::isfinite(x)) return false;
    out = x;
    return true;
}

}  // namespace

const demos::Demo& form_demo(const ControlsView& form) {
    const auto& all = demos::all_demos();
    return *all[static_cast<size_t>(std::clamp(form.demo, 0, static_cast<int>(all.size()) - 1))];
}

void sync_form(ControlsView& form, const page::PlaygroundState& state) {
    const auto& all = demos::all_demos();
    form.demo = std::clamp(form.demo, 0, static_cast<int>(all.size()) - 1);
    if (form.seen_run != state.run) {
        form.seen_run = state.run;
        for (size_t i = 0; i < all.size(); ++i)
            if (all[i] == state.demo && static_cast<int>(i) != form.demo) {
                form.kept[form_demo(form).name] = form.edited;
                form.demo = static_cast<int>(i);
            }
        form.edited = state.params;
        forget_typed(form, form_demo(form).name);
        form.error.clear();
    }
    const demos::Demo& d = form_demo(form);
    const bool fits = form.edited.size() == d.params.size() &&
                      std::all_of(d.params.begin(), d.params.end(), [&](const demos::Param& p) { return form.edited.count(p.name); });
    if (!fits) form.edited = demos::resolve_params(d, {});
}

void pick_demo(ControlsView& form, size_t index) {
    const auto& all = demos::all_demos();
    if (static_cast<int>(index) == form.demo) return;
    form.kept[form_demo(form).name] = form.edited;
    form.demo = static_cast<int>(index);
    const auto kept = form.kept.find(all[index]->name);
    form.edited = kept != form.kept.end() ? kept->second : demos::resolve_params(*all[index], {});
    form.error.clear();
}

std::string field_text(const ControlsView& form, const demos::Param& p) {
    const std::string key = key_of(form_demo(form), p);
    if (const auto it = form.typed.find(key); it != form.typed.end() && p.kind == demos::Param::Kind::IntList) return it->second;
    if (const auto it = form.unread.find(key); it != form.unread.end()) return it->second;
    const auto v = form.edited.find(p.name);
    if (v == form.edited.end()) return "";
    switch (p.kind) {
        case demos::Param::Kind::Bool: return std::get<bool>(v->second) ? "true" : "false";
        case demos::Param::Kind::Int: return std::to_string(std::get<int64_t>(v->second));
        case demos::Param::Kind::Float: {
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.10g", std::get<double>(v->second));
            return buf;
        }
        case demos::Param::Kind::IntList: return list_text(std::get<std::vector<int64_t>>(v->second));
        case demos::Param::Kind::Text: return std::get<std::string>(v->second);
    }
    return "";
}

std::string field_note(const demos::Param& p) {
    const bool ranged = p.kind == demos::Param::Kind::Int || p.kind == demos::Param::Kind::Float ||
                        p.kind == demos::Param::Kind::IntList;
    return ranged ? p.help + " (" + range_of(p) + ")" : p.help;
}

std::string typed_problem(const demos::Param& p, const std::string& text) {
    demos::Value ignored;
    switch (p.kind) {
        case demos::Param::Kind::Int:
            if (text.empty()) return p.name + " is empty: type a whole number (" + range_of(p) + ")";
            if (!read_number(p, text, ignored)) return p.name + ": '" + text + "' is not a whole number (" + range_of(p) + ")";
            return "";
        case demos::Param::Kind::Float:
            if (text.empty()) return p.name + " is empty: type a number (" + range_of(p) + ")";
            if (!read_number(p, text, ignored)) return p.name + ": '" + text + "' is not a number (" + range_of(p) + ")";
            return "";
        case demos::Param::Kind::IntList: return demos::parse_int_list(p, text).problem;
        case demos::Param::Kind::Bool:
        case demos::Param::Kind::Text: return "";
    }
    return "";
}

void set_field_text(ControlsView& form, const demos::Param& p, const std::string& text) {
    const std::string key = key_of(form_demo(form), p);
    form.error.clear();   // the complaint was about the old value
    switch (p.kind) {
        case demos::Param::Kind::Int:
        case demos::Param::Kind::Float: {
            demos::Value v;
            if (read_number(p, text, v)) {
                form.edited[p.name] = v;
                form.unread.erase(key);
            } else {
                form.unread[key] = text;
            }
            return;
        }
        case demos::Param::Kind::IntList:
            form.typed[key] = text;
            form.edited[p.name] = demos::parse_int_list(p, text).values;
            return;
        case demos::Param::Kind::Text: form.edited[p.name] = text; return;
        case demos::Param::Kind::Bool: return;
    }
}

std::map<std::string, std::string> form_problems(const ControlsView& form) {
    const demos::Demo& d = form_demo(form);
    std::map<std::string, std::string> problems;
    for (const auto& [name, message] : demos::param_problems(d, form.edited)) problems.emplace(name, message);
    for (const demos::Param& p : d.params) {
        const std::string key = key_of(d, p);
        const auto typed = p.kind == demos::Param::Kind::IntList ? form.typed.find(key) : form.typed.end();
        const auto unread = form.unread.find(key);
        // The typed text is the truth: its problem stands before the value's.
        std::string problem = typed != form.typed.end() ? typed_problem(p, typed->second)
                              : unread != form.unread.end() ? typed_problem(p, unread->second) : "";
        if (!problem.empty()) problems[p.name] = std::move(problem);
    }
    return problems;
}

bool run_form(ControlsView& form, const Commands& commands, bool paused) {
    const demos::Demo& d = form_demo(form);
    const auto problems = form_problems(form);
    if (!problems.empty()) {
        std::string names;
        for (const demos::Param& p : d.params)
            if (problems.count(p.name)) names += (names.empty() ? "" : ", ") + p.name;
        form.error = "Not run: fix " + names + " first";
        return false;
    }
    try {
        form.seen_run = commands.run(d.name, form.edited, paused);
        form.error.clear();
        return true;
    } catch (const std::exception& e) {
        form.error = e.what();
        return false;
    }
}

void step_form(ControlsView& form, const Commands& commands, const page::PlaygroundState& state) {
    const bool live = state.status == page::Status::Running || state.status == page::Status::Paused;
    if (live || !state.recording.live) commands.step();
    else run_form(form, commands, true);
}

void scrub_to(const Commands& commands, const page::Recording& rec, uint64_t k) {
    if (k == rec.last) commands.live();
    else commands.seek(k);
}

void show_params(ControlsView& form, const demos::Demo& d, const demos::Params& params) {
    const auto& all = demos::all_demos();
    pick_demo(form, static_cast<size_t>(std::find(all.begin(), all.end(), &d) - all.begin()));
    form.edited = params;
    forget_typed(form, d.name);
    form.error.clear();
}

void reset_form(ControlsView& form) {
    const demos::Demo& d = form_demo(form);
    form.edited = demos::resolve_params(d, {});
    forget_typed(form, d.name);
    form.error.clear();
}

void forget_typed(ControlsView& form, const std::string& demo) {
    const std::string prefix = demo + "/";
    for (auto* typed : {&form.typed, &form.unread})
        for (auto it = typed->lower_bound(prefix); it != typed->end() && it->first.compare(0, prefix.size(), prefix) == 0;)
            it = typed->erase(it);
}

}  // namespace aio::views
