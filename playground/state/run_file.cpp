// Run files written and read with nlohmann-json; reading names the first field that is wrong.
#include "playground/state/run_file.hpp"

#include "playground/demos/utf8.hpp"
#include "playground/state/base64.hpp"
#include "playground/state/params_json.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <initializer_list>
#include <set>

namespace aio::page {

namespace {

using nlohmann::json;

constexpr uint64_t kMaxSeed = (uint64_t{1} << 53) - 1;   // JSON numbers are doubles to JavaScript
constexpr const char* kFormat = "aio-run";
constexpr const char* kBase64 = "_base64";

[[noreturn]] void fail(const std::string& what) { throw RunFileError("run file: " + what); }

const char* kind_name(FetchError::Kind k) {
    switch (k) {
        case FetchError::Kind::InvalidUrl: return "invalid_url";
        case FetchError::Kind::Network: return "network";
        case FetchError::Kind::Timeout: return "timeout";
        case FetchError::Kind::Aborted: return "aborted";
    }
    return "network";
}
constexpr FetchError::Kind kKinds[] = {FetchError::Kind::InvalidUrl, FetchError::Kind::Network, FetchError::Kind::Timeout,
                                       FetchError::Kind::Aborted};
constexpr Status kEnds[] = {Status::Running, Status::Paused, Status::Finished, Status::Stopped};

// Text as itself when it is UTF-8, else its bytes as base64 under key + "_base64".
void put_bytes(json& obj, const std::string& key, const std::string& bytes) {
    if (demos::invalid_utf8_at(bytes) == std::string_view::npos) obj[key] = bytes;
    else obj[key + kBase64] = base64_encode(bytes);
}

json fetch_json(const RecordedFetch& f) {
    json j = {{"request", f.ordinal}};
    put_bytes(j, "url", f.url);
    if (f.due >= 0) j["due"] = f.due;
    if (!f.result) return j;
    j["iteration"] = f.iteration;
    if (f.at >= 0) j["at"] = f.at;
    const FetchResult& r = *f.result;
    if (r.failed) {
        json e = {{"kind", kind_name(r.error)}};
        put_bytes(e, "message", r.message);
        j["error"] = e;
        return j;
    }
    json resp = {{"status", r.response.status}, {"truncated", r.response.truncated}};
    put_bytes(resp, "url", r.response.url);
    put_bytes(resp, "content_type", r.response.content_type);
    put_bytes(resp, "body", r.response.body);
    j["response"] = resp;
    return j;
}

// A JSON value and the path naming it in messages ("inputs.fetches[2].url"); each accessor
// checks the kind and range it reads.
struct Field {
    const json& v;
    std::string path;

    std::string named(const std::string& key) const { return path.empty() ? key : path + "." + key; }
    bool has(const std::string& key) const { return v.contains(key); }
    Field operator[](const std::string& key) const {
        if (!v.contains(key)) fail(named(key) + " is missing");
        return {v[key], named(key)};
    }
    Field at(size_t i) const { return {v[i], path + "[" + std::to_string(i) + "]"}; }
    [[noreturn]] void wrong(const std::string& must) const { fail(path + " must be " + must + ", got " + brief(v)); }

    // An object with no keys but `keys` (a `_base64` twin of one included).
    const Field& object(std::initializer_list<const char*> keys) const {
        if (!v.is_object()) wrong("an object");
        for (const auto& [k, _] : v.items()) {
            bool known = false;
            for (const char* key : keys) known = known || k == key || k == std::string(key) + kBase64;
            if (!known) fail("unknown field " + named(k));
        }
        return *this;
    }
    size_t list() const {
        if (!v.is_array()) wrong("a list");
        return v.size();
    }
    uint64_t whole(uint64_t lo, uint64_t hi) const {
        const std::string range = std::to_string(lo) + ".." + std::to_string(hi);
        if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<int64_t>() >= 0)) wrong("a whole number " + range);
        const uint64_t x = v.get<uint64_t>();
        if (x < lo || x > hi) fail(path + " must be " + range + ", got " + std::to_string(x));
        return x;
    }
    Time seconds() const {
        if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0) wrong("loop seconds, a number >= 0");
        return v.get<double>();
    }
    bool flag() const {
        if (!v.is_boolean()) wrong("true or false");
        return v.get<bool>();
    }
    std::string text() const {
        if (!v.is_string()) wrong("text");
        return v.get<std::string>();
    }
    // Text under `key`, or bytes as base64 under key + "_base64".
    std::string bytes(const std::string& key) const {
        if (has(key)) return (*this)[key].text();
        const Field b = (*this)[key + kBase64];
        std::optional<std::string> decoded = base64_decode(b.text());
        if (!decoded) b.wrong("base64 (RFC 4648)");
        return *decoded;
    }
};

const demos::Demo& demo_named(const Field& f) {
    const std::string name = f.text();
    if (const demos::Demo* d = demos::find_demo(name)) return *d;
    std::string names;
    for (const demos::Demo* d : demos::all_demos()) names += (names.empty() ? "" : ", ") + d->name;
    f.wrong("one of " + names);
}

// resolve_params' and params_from_json's messages start with the demo's name: here the field leads.
demos::Params params_named(const demos::Demo& d, const Field& f) {
    try {
        return demos::resolve_params(d, params_from_json(d, f.v));
    } catch (const demos::ParamError& e) {
        std::string m = e.what();
        if (m.starts_with(d.name + ": ")) m = m.substr(d.name.size() + 2);
        for (const demos::Param& p : d.params)
            if (m.starts_with(p.name + " ") || m.starts_with(p.name + "[")) fail("params." + m);
        fail(m.starts_with("params") ? m : "params: " + m);
    }
}

FetchResult result_named(const Field& f) {
    FetchResult r;
    if (f.has("error")) {
        const Field e = f["error"];
        e.object({"kind", "message"});
        const std::string kind = e["kind"].text();
        bool known = false;
        for (FetchError::Kind k : kKinds)
            if (kind == kind_name(k)) r.error = k, known = true;
        if (!known) e["kind"].wrong("invalid_url, network, timeout or aborted");
        r.failed = true;
        r.message = e.bytes("message");
        return r;
    }
    const Field resp = f["response"];
    resp.object({"status", "url", "content_type", "body", "truncated"});
    r.response.status = static_cast<int>(resp["status"].whole(0, 999));
    r.response.url = resp.bytes("url");
    r.response.content_type = resp.bytes("content_type");
    r.response.body = resp.bytes("body");
    if (r.response.body.size() > demos::kMaxPageBody)
        fail(resp.named("body") + " is " + std::to_string(r.response.body.size()) + " bytes, more than the playground reads of a page (" +
             std::to_string(demos::kMaxPageBody) + ")");
    r.response.truncated = resp["truncated"].flag();
    return r;
}

std::vector<RecordedFetch> fetches_named(const Field& list, uint64_t last_iteration) {
    const size_t n = list.list();
    std::vector<RecordedFetch> out;
    std::set<uint64_t> seen;
    size_t bodies = 0;
    uint64_t outside_iteration = 0;   // answers from outside are listed in the order they came
    for (size_t i = 0; i < n; ++i) {
        const Field f = list.at(i);
        f.object({"request", "url", "due", "iteration", "at", "response", "error"});
        RecordedFetch r;
        r.ordinal = f["request"].whole(1, n);
        if (!seen.insert(r.ordinal).second) fail(f.named("request") + " " + std::to_string(r.ordinal) + " is listed twice");
        r.url = f.bytes("url");
        if (f.has("due")) r.due = f["due"].seconds();
        if (f.has("response") && f.has("error")) fail(f.path + " has both a response and an error");
        const bool answered = f.has("response") || f.has("error");
        if (!answered) {
            if (f.has("iteration")) fail(f.named("iteration") + " is given for a request never answered");
            if (f.has("at")) fail(f.named("at") + " is given for a request never answered");
        } else {
            if (!out.empty() && !out.back().result)
                fail(f.path + " is answered but listed after one never answered (those come last)");
            r.iteration = f["iteration"].whole(1, last_iteration + 1);
            if (f.has("at")) {
                if (r.due >= 0) fail(f.named("at") + " is given for an answer from a timer (it has a due time)");
                r.at = f["at"].seconds();
            }
            if (r.due < 0 && r.iteration < outside_iteration)
                fail(f.named("iteration") + " " + std::to_string(r.iteration) + " comes before an earlier answer's " +
                     std::to_string(outside_iteration) + ": answers are listed in the order they came");
            if (r.due < 0) outside_iteration = r.iteration;
            r.result = result_named(f);
            bodies += r.result->response.body.size();
            if (bodies > kRunFileMaxBodies)
                fail("inputs.fetches: the bodies come to more than " + std::to_string(kRunFileMaxBodies) +
                     " bytes, the most a run file may carry (past it at " + f.path + ")");
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<IterationStart> clock_named(const Field& list, uint64_t last_iteration) {
    std::vector<IterationStart> out;
    for (size_t i = 0, n = list.list(); i < n; ++i) {
        const Field e = list.at(i);
        if (e.list() != 2) e.wrong("[iteration, loop seconds]");
        IterationStart s{e.at(0).whole(1, last_iteration), e.at(1).seconds()};
        if (!out.empty() && s.iteration <= out.back().iteration)
            fail(e.path + " must come after iteration " + std::to_string(out.back().iteration) + ", got " + std::to_string(s.iteration));
        if (!out.empty() && s.time < out.back().time)
            fail(e.path + " goes back in time, to " + brief(e.at(1).v) + " from " + brief(json(out.back().time)));
        out.push_back(s);
    }
    return out;
}

}  // namespace

std::string write_run_file(const RunFile& run) {
    if (!run.demo) fail("cannot write a run without its demo");
    if (run.end_status == Status::Idle) fail("cannot write a run that has not started (status idle)");
    if (run.entropy_seed > kMaxSeed) fail("entropy_seed must be 0.." + std::to_string(kMaxSeed) + ", got " + std::to_string(run.entropy_seed));
    json clock = json::array();
    for (const IterationStart& s : run.inputs.clock) clock.push_back({s.iteration, s.time});
    json fetches = json::array();
    for (const RecordedFetch& f : run.inputs.fetches) fetches.push_back(fetch_json(f));
    json stop = run.inputs.stop ? json{{"after_iteration", run.inputs.stop->after_iteration}, {"time", run.inputs.stop->time}} : json(nullptr);
    json j = {{"format", kFormat},
              {"version", kRunFileVersion},
              {"demo", run.demo->name},
              {"params", params_json(run.params)},
              {"entropy_seed", run.entropy_seed},
              {"base_url", run.base_url},
              {"inputs", {{"clock", clock}, {"fetches", fetches}, {"stop", stop}}},
              {"end", {{"iteration", run.end_iteration}, {"status", to_string(run.end_status)}}}};
    try {
        return j.dump();
    } catch (const json::exception& e) {   // a parameter's text or the address not UTF-8
        fail(std::string("cannot write: ") + e.what());
    }
}

RunFile read_run_file(std::string_view text) {
    if (text.size() > kRunFileMaxBytes)
        fail("it has " + std::to_string(text.size()) + " bytes, more than the " + std::to_string(kRunFileMaxBytes) + " a run file may have");
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) fail("not JSON");
    const Field top{j, ""};
    if (!j.is_object()) top.wrong("an object");
    if (!j.contains("format") || j["format"] != kFormat) fail("format must be \"aio-run\", got " + (j.contains("format") ? brief(j["format"]) : "nothing"));
    const Field version = top["version"];
    if (version.v.is_number_unsigned() && version.v.get<uint64_t>() > kRunFileVersion)
        fail("version " + brief(version.v) + " is newer than this playground reads (" + std::to_string(kRunFileVersion) + ")");
    version.whole(1, kRunFileVersion);
    top.object({"format", "version", "demo", "params", "entropy_seed", "base_url", "inputs", "end"});

    RunFile run;
    run.demo = &demo_named(top["demo"]);
    run.params = params_named(*run.demo, top["params"]);
    run.entropy_seed = top["entropy_seed"].whole(0, kMaxSeed);
    run.base_url = top["base_url"].text();
    const Field end = top["end"];
    end.object({"iteration", "status"});
    run.end_iteration = end["iteration"].whole(0, kMaxSeed);
    const std::string status = end["status"].text();
    bool known = false;
    for (Status s : kEnds)
        if (status == to_string(s)) run.end_status = s, known = true;
    if (!known) end["status"].wrong("running, paused, finished or stopped");

    const Field inputs = top["inputs"];
    inputs.object({"clock", "fetches", "stop"});
    run.inputs.clock = clock_named(inputs["clock"], run.end_iteration);
    run.inputs.fetches = fetches_named(inputs["fetches"], run.end_iteration);
    const Field stop = inputs["stop"];
    const bool ended = run.end_status == Status::Finished || run.end_status == Status::Stopped;
    if (stop.v.is_null()) {
        if (ended) stop.wrong("{after_iteration, time} for a " + status + " run");
    } else {
        if (!ended) stop.wrong("null for a " + status + " run");
        stop.object({"after_iteration", "time"});
        run.inputs.stop = RecordedStop{stop["after_iteration"].whole(0, run.end_iteration), stop["time"].seconds()};
    }
    return run;
}

}  // namespace aio::page
