// playground/state/run_file.hpp: a run written and read back is the same run, bytes that are
// not UTF-8 included; a file with a wrong field is refused with a message naming it.
#include "playground/state/run_file.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <functional>

namespace {

using aio::page::RunFile;
using nlohmann::json;

aio::FetchResult response(int status, std::string body, std::string url = "http://h/sample-site/index.html") {
    aio::FetchResult r;
    r.response = {.status = status, .url = std::move(url), .content_type = "text/html; charset=utf-8", .body = std::move(body)};
    return r;
}

// A crawl with one of each kind of input: starts the display moved, answers from outside and from
// a loop timer, an error, a cut body, one that is not UTF-8, one never answered, and a stop.
RunFile crawl() {
    RunFile run;
    run.demo = aio::demos::find_demo("crawler");
    run.params = aio::demos::resolve_params(*run.demo, {{"depth", int64_t{2}}, {"timeout", 2.5}, {"urls", std::string("sample-site/\n")}});
    run.entropy_seed = (uint64_t{1} << 53) - 1;
    run.base_url = "http://127.0.0.1:8000/index.html";
    aio::FetchResult error;
    error.failed = true;
    error.error = aio::FetchError::Kind::Network;
    error.message = "network error or CORS refusal: http://h/x";
    aio::FetchResult cut = response(200, "<a href=\"x\">", "http://h/big");
    cut.response.truncated = true;
    run.inputs.clock = {{2, 0.1}, {5, 0.30000000000000004}, {9, 1.75}};
    run.inputs.fetches = {
        {.ordinal = 2, .url = "http://h/sample-site/", .result = response(200, "<a href=\"a.html\">caf\xc3\xa9</a>"), .iteration = 3},
        {.ordinal = 1, .url = "http://h/x", .result = error, .iteration = 3},
        {.ordinal = 4, .url = "http://h/v", .due = 0.5, .result = response(404, "Not Found"), .iteration = 6},
        {.ordinal = 3, .url = "http://h/bin\xff", .result = response(200, std::string("\x89PNG\r\n\x1a\n\0\xff", 10)), .iteration = 7},
        {.ordinal = 5, .url = "http://h/big", .result = cut, .iteration = 8},
        {.ordinal = 6, .url = "http://h/slow"},
    };
    run.inputs.stop = aio::RecordedStop{9, 1.8};
    run.end_iteration = 12;
    run.end_status = aio::page::Status::Stopped;
    return run;
}

TEST(RunFile, a_run_written_and_read_back_is_the_same_run) {
    const RunFile run = crawl();
    const std::string text = aio::page::write_run_file(run);
    EXPECT_EQ(aio::page::read_run_file(text), run);
    // Bytes that are not UTF-8 go as base64, under the key with _base64 after it.
    const json j = json::parse(text);
    EXPECT_EQ(j["format"], "aio-run");
    EXPECT_EQ(j["version"], 1);
    EXPECT_EQ(j["params"]["depth"], 2);
    EXPECT_EQ(j["inputs"]["clock"][1], json({5, 0.30000000000000004}));
    const json& fetches = j["inputs"]["fetches"];
    EXPECT_EQ(fetches[0]["response"]["body"], "<a href=\"a.html\">caf\xc3\xa9</a>");
    EXPECT_EQ(fetches[3]["url_base64"], "aHR0cDovL2gvYmlu/w==");
    EXPECT_EQ(fetches[3]["response"]["body_base64"], "iVBORw0KGgoA/w==");
    EXPECT_FALSE(fetches[3]["response"].contains("body"));
    EXPECT_EQ(fetches[2]["due"], 0.5);
    EXPECT_FALSE(fetches[0].contains("due"));
    EXPECT_FALSE(fetches[5].contains("iteration"));
    EXPECT_EQ(fetches[1]["error"], json({{"kind", "network"}, {"message", "network error or CORS refusal: http://h/x"}}));
    // A run still going, without a stop, reads back too.
    RunFile paused = crawl();
    paused.inputs.stop.reset();
    paused.end_status = aio::page::Status::Paused;
    EXPECT_EQ(aio::page::read_run_file(aio::page::write_run_file(paused)), paused);
}

// The message of the RunFileError `f` throws, or "(none)".
std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const aio::page::RunFileError& e) {
        return e.what();
    }
    return "(none)";
}

// read_run_file's message for the written crawl() changed by `edit`, or "(none)".
std::string refusal(const std::function<void(json&)>& edit) {
    json j = json::parse(aio::page::write_run_file(crawl()));
    edit(j);
    return error_of([&] { aio::page::read_run_file(j.dump()); });
}

TEST(RunFile, each_bad_field_is_named_with_what_it_must_be) {
    EXPECT_EQ(refusal([](json&) {}), "(none)");
    EXPECT_EQ(refusal([](json& j) { j["version"] = 2; }), "run file: version 2 is newer than this playground reads (1)");
    EXPECT_EQ(refusal([](json& j) { j["version"] = 0; }), "run file: version must be 1..1, got 0");
    EXPECT_EQ(refusal([](json& j) { j["format"] = "zip"; }), "run file: format must be \"aio-run\", got \"zip\"");
    EXPECT_EQ(refusal([](json& j) {
                  j["demo"] = "queue";
                  j["params"] = {{"producers", -5}};
              }),
              "run file: params.producers must be 0..10000, got -5");
    EXPECT_EQ(refusal([](json& j) { j["params"]["colour"] = "red"; }), "run file: params: unknown parameter 'colour'");
    EXPECT_EQ(refusal([](json& j) { j["demo"] = "nope"; }),
              "run file: demo must be one of count, chain, queue, rand, crawler, as_completed, asyncgen, got \"nope\"");
    EXPECT_EQ(refusal([](json& j) { j["entropy_seed"] = -1; }), "run file: entropy_seed must be a whole number 0..9007199254740991, got -1");
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["clock"][1] = {5, "soon"}; }),
              "run file: inputs.clock[1][1] must be loop seconds, a number >= 0, got \"soon\"");
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["clock"][1][0] = 2; }), "run file: inputs.clock[1] must come after iteration 2, got 2");
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["fetches"][2]["response"]["status"] = "ok"; }),
              "run file: inputs.fetches[2].response.status must be a whole number 0..999, got \"ok\"");
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["fetches"][1]["request"] = 2; }), "run file: inputs.fetches[1].request 2 is listed twice");
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["fetches"][0]["response"].erase("truncated"); }),
              "run file: inputs.fetches[0].response.truncated is missing");
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["fetches"][0]["response"]["bodyy"] = ""; }),
              "run file: unknown field inputs.fetches[0].response.bodyy");
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["fetches"][3]["response"]["body_base64"] = "not base64!"; }),
              "run file: inputs.fetches[3].response.body_base64 must be base64 (RFC 4648), got \"not base64!\"");
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["fetches"][1]["error"]["kind"] = "gone"; }),
              "run file: inputs.fetches[1].error.kind must be invalid_url, network, timeout or aborted, got \"gone\"");
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["fetches"][1]["iteration"] = 2; }),
              "run file: inputs.fetches[1].iteration 2 comes before an earlier answer's 3: answers are listed in the order they came");
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["fetches"][1]["at"] = "soon"; }),
              "run file: inputs.fetches[1].at must be loop seconds, a number >= 0, got \"soon\"");
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["fetches"][1]["due"] = 1; j["inputs"]["fetches"][1]["at"] = 1; }),
              "run file: inputs.fetches[1].at is given for an answer from a timer (it has a due time)");
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["stop"] = nullptr; }),
              "run file: inputs.stop must be {after_iteration, time} for a stopped run, got null");
    EXPECT_EQ(refusal([](json& j) { j["end"]["status"] = "idle"; }),
              "run file: end.status must be running, paused, finished or stopped, got \"idle\"");
    EXPECT_EQ(refusal([](json& j) { j.erase("base_url"); }), "run file: base_url is missing");
}

std::string write_refusal(const std::function<void(RunFile&)>& edit) {
    RunFile run = crawl();
    edit(run);
    return error_of([&] { aio::page::write_run_file(run); });
}

TEST(RunFile, a_run_that_could_not_be_read_back_is_not_written) {
    EXPECT_EQ(write_refusal([](RunFile& r) { r.demo = nullptr; }), "run file: cannot write a run without its demo");
    EXPECT_EQ(write_refusal([](RunFile& r) { r.end_status = aio::page::Status::Idle; }),
              "run file: cannot write a run that has not started (status idle)");
    EXPECT_EQ(write_refusal([](RunFile& r) { r.entropy_seed = uint64_t{1} << 53; }),
              "run file: entropy_seed must be 0..9007199254740991, got 9007199254740992");
    EXPECT_TRUE(write_refusal([](RunFile& r) { r.params["urls"] = std::string("http://h/\xff"); }).starts_with("run file: cannot write: "));
}

std::string read_refusal(const std::string& text) {
    return error_of([&] { aio::page::read_run_file(text); });
}

TEST(RunFile, a_body_past_the_crawlers_limit_or_bodies_or_text_past_the_files_are_refused) {
    EXPECT_EQ(refusal([](json& j) { j["inputs"]["fetches"][0]["response"]["body"] = std::string(aio::demos::kMaxPageBody + 1, 'a'); }),
              "run file: inputs.fetches[0].response.body is 2097153 bytes, more than the playground reads of a page (2097152)");
    RunFile big = crawl();
    big.inputs.fetches.pop_back();   // the one never answered, listed last
    for (uint64_t n = 6; n < 6 + 16; ++n)
        big.inputs.fetches.push_back({.ordinal = n, .url = "http://h/" + std::to_string(n),
                                      .result = response(200, std::string(aio::demos::kMaxPageBody, 'a')), .iteration = 9});
    EXPECT_EQ(read_refusal(aio::page::write_run_file(big)),
              "run file: inputs.fetches: the bodies come to more than 33554432 bytes, the most a run file may carry "
              "(past it at inputs.fetches[20])");
    big.inputs.fetches.pop_back();
    EXPECT_EQ(read_refusal(aio::page::write_run_file(big)), "(none)");
    EXPECT_EQ(read_refusal(std::string(aio::page::kRunFileMaxBytes + 1, ' ')),
              "run file: it has 67108865 bytes, more than the 67108864 a run file may have");
    EXPECT_EQ(read_refusal("{\"format\": "), "run file: not JSON");
}

}  // namespace
