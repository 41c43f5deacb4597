// Replay (runtime/hosts/replay.hpp): a run recorded through RecordingNetwork and ClockRecorder,
// told again through ReplayNetwork and ReplayHost with no network, does the same things at the
// same loop times in the same iterations; where it takes another path, it says so and goes on.
#include "runtime/hosts/replay.hpp"

#include "runtime/aio.hpp"
#include "runtime/hosts/virtual_host.hpp"
#include "runtime/hosts/virtual_network.hpp"
#include "runtime/trace.hpp"
#include "tests/runtime/hosts/outside_network.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

using Lines = std::vector<std::string>;

// Lines stamped with the loop time in full and the task's name: equal logs mean equal times.
struct Log {
    Lines lines;
    void operator()(const std::string& what) {
        char t[40];
        std::snprintf(t, sizeof t, "%.17g", aio::get_running_loop().time());
        lines.push_back(std::string(t) + " " + aio::current_task()->name() + ": " + what);
    }
    bool operator==(const Log&) const = default;
};

const char* const kSite = "http://site.test/";
constexpr int kPages = 12;

// Page i's latency: drawn once per test run, several alike, so answers tie and interleave with sleeps.
std::vector<double> latencies() {
    std::mt19937 draw(2024);
    std::vector<double> out;
    for (int i = 0; i < kPages; ++i) out.push_back(std::uniform_int_distribution<int>(1, 8)(draw) * 0.05);
    return out;
}

void route(aio::VirtualNetwork& site) {
    const std::vector<double> l = latencies();
    for (int i = 0; i < kPages; ++i)
        site.route(kSite + std::to_string(i), {.latency = l[i], .body = "page " + std::to_string(i)});
    site.route(std::string(kSite) + "missing", {.latency = 0.1, .status = 404, .body = "Not Found"});
    site.route(std::string(kSite) + "down", {.latency = 0.15, .network_error = true});
    site.route(std::string(kSite) + "slow", {.latency = 5, .body = "late"});
}

aio::Coro<void> get(Log& log, std::string url, double nap, double timeout) {
    co_await aio::sleep(nap);
    try {
        aio::Response r = co_await aio::fetch(url, {.timeout = timeout});
        log("got " + std::to_string(r.status) + " " + r.body);
    } catch (const aio::FetchError& e) {
        log(std::string("failed: ") + e.what());
    }
    co_await aio::sleep(0);
    log("done");
}

// Every page, a 404, a refused connection, one slower than its timeout, and one cancelled while
// its request is in flight (which aborts it). `urls` may change what the run asks for.
aio::Coro<void> program(Log& log, std::vector<std::string> urls) {
    std::vector<aio::Task<void>> tasks;
    for (size_t i = 0; i < urls.size(); ++i)
        tasks.push_back(aio::create_task(get(log, urls[i], (i % 3) * 0.05, 1.0), "get-" + std::to_string(i)));
    aio::Task<void> victim = aio::create_task(get(log, std::string(kSite) + "slow", 0, 30), "victim");
    co_await aio::sleep(0.3);
    victim.cancel();
    for (aio::Task<void>& t : tasks) co_await t;
    log("all done");
}

std::vector<std::string> urls() {
    std::vector<std::string> out;
    for (int i = 0; i < kPages; ++i) out.push_back(kSite + std::to_string(i));
    for (const char* u : {"missing", "down", "slow"}) out.push_back(kSite + std::string(u));
    return out;
}

struct Told {
    Log log;
    uint64_t iterations = 0;
    aio::Time end = 0;
    bool operator==(const Told&) const = default;
};

void PrintTo(const Told& t, std::ostream* os) {
    *os << t.iterations << " iterations to " << t.end << " s:";
    for (const std::string& l : t.log.lines) *os << "\n  " << l;
}

// Records the program on `loop` as `drive` runs it, the loop's network being `net`. After
// `stop_after` iterations (0: never), stops it as the page's Stop does: every task cancelled at the
// time shown, a little past the loop's clock.
template <class Drive> Told record(aio::Loop& loop, aio::Network& net, aio::RunInputs& inputs, Drive drive,
                                   std::vector<std::string> asked = urls(), uint64_t stop_after = 0) {
    aio::RecordingNetwork recording(loop, net);
    aio::set_network(loop, &recording);
    aio::ClockRecorder clock;
    clock.attach(loop);
    Told told;
    aio::Task<void> main = aio::create_task(loop, program(told.log, std::move(asked)), "main");
    while ((!stop_after || loop.iteration() < stop_after) && drive()) {}
    std::optional<aio::RecordedStop> stop;
    if (stop_after) {
        stop = aio::RecordedStop{loop.iteration(), loop.time() + 0.0123};
        loop.advance_to(stop->time);
        aio::cancel_all_tasks(loop);
    }
    EXPECT_TRUE(main.done());
    told.iterations = loop.iteration();
    told.end = loop.time();
    inputs = {clock.starts(), recording.fetches(), stop};
    aio::set_network(loop, nullptr);
    return told;
}

// Tells the program again from `inputs` alone: no route, no network; stopped where it was.
Told replay(const aio::RunInputs& inputs, std::vector<std::string>* mismatches = nullptr, std::vector<std::string> asked = urls()) {
    aio::Loop loop;
    aio::ReplayNetwork net(loop, inputs.fetches);
    aio::set_network(loop, &net);
    aio::ReplayHost host(loop, inputs, net);
    Told told;
    aio::Task<void> main = aio::create_task(loop, program(told.log, std::move(asked)), "main");
    while (host.step()) {}
    EXPECT_EQ(host.stopped(), inputs.stop.has_value());
    if (host.stopped()) {
        EXPECT_EQ(loop.iteration(), inputs.stop->after_iteration);
        loop.advance_to(host.stop()->time);
        aio::cancel_all_tasks(loop);
    }
    EXPECT_TRUE(main.done());
    told.iterations = loop.iteration();
    told.end = loop.time();
    if (mismatches) *mismatches = net.mismatches();
    else EXPECT_EQ(net.mismatches(), std::vector<std::string>{});
    aio::set_network(loop, nullptr);
    return told;
}

// The program recorded over a network outside the loop, its clock moved as a browser's display
// moves it (`jitter` seeds where), stopped after `stop_after` iterations (0: never).
Told record_outside(aio::RunInputs& inputs, unsigned jitter_seed, uint64_t stop_after = 0) {
    aio::Loop loop;
    aio_test::OutsideNetwork net(loop);
    route(net.site);
    std::mt19937 jitter(jitter_seed);
    return record(loop, net, inputs, [&] { return aio_test::browser_step(loop, net, jitter); }, urls(), stop_after);
}

// The program recorded over a VirtualNetwork on the virtual clock; `aborted`: the requests it aborted.
Told record_virtual(aio::RunInputs& inputs, size_t* aborted = nullptr) {
    aio::Loop loop;
    aio::VirtualNetwork site(loop);
    route(site);
    aio::VirtualHost host(loop);
    const Told live = record(loop, site, inputs, [&] { return host.step(); });
    if (aborted) *aborted = site.aborted();
    return live;
}

TEST(Replay, fetches_over_a_virtual_network_are_told_again_with_no_network) {
    aio::RunInputs inputs;
    size_t aborted = 0;
    const Told live = record_virtual(inputs, &aborted);
    ASSERT_GT(live.log.lines.size(), 2u * kPages);
    EXPECT_EQ(aborted, 2u);   // the victim's request, and the slow page's past its timeout
    // On the virtual clock every start is the one a replay picks by itself: none is kept.
    EXPECT_TRUE(inputs.clock.empty());
    ASSERT_EQ(inputs.fetches.size(), urls().size() + 1);
    EXPECT_EQ(replay(inputs), live);
}

TEST(Replay, a_clock_the_display_moved_and_answers_from_outside_are_told_again) {
    aio::RunInputs inputs;
    const Told live = record_outside(inputs, 7);
    ASSERT_GT(live.log.lines.size(), 2u * kPages);
    EXPECT_FALSE(inputs.clock.empty());   // the display moved the clock where no timer was due
    for (const aio::RecordedFetch& f : inputs.fetches) EXPECT_EQ(f.due, -1) << f.url;
    EXPECT_EQ(replay(inputs), live);
    // The starts kept are what makes it so: without them the replay runs on the virtual clock.
    aio::RunInputs without_clock = inputs;
    without_clock.clock.clear();
    std::vector<std::string> ignored;
    EXPECT_NE(replay(without_clock, &ignored), live);
}

TEST(Replay, a_run_that_asks_for_another_page_is_told_how_and_goes_on) {
    aio::RunInputs inputs;
    record_virtual(inputs);
    std::vector<std::string> other = urls();
    other[0] = std::string(kSite) + "elsewhere";
    std::vector<std::string> mismatches;
    const Told told = replay(inputs, &mismatches, other);
    ASSERT_EQ(mismatches.size(), 1u);
    EXPECT_EQ(mismatches[0], "replay: request 1 is for http://site.test/elsewhere, but the recording's request 1 was for "
                             "http://site.test/0: it stays pending until aborted");
    // Unanswered, it waited for its own timeout (1 s after the request, made at 0).
    EXPECT_NE(std::find(told.log.lines.begin(), told.log.lines.end(), "1 get-0: failed: timed out after 1 s: http://site.test/elsewhere"),
              told.log.lines.end());
}

// A run recording its inputs from an OutsideNetwork that answers `url` with `route`; `trace`, if
// given, is attached first, behind the clock's recorder.
struct OutsideRecording {
    aio::Loop loop;
    aio_test::OutsideNetwork net{loop};
    aio::RecordingNetwork recording{loop, net};
    aio::ClockRecorder clock;
    aio::Trace* trace;
    OutsideRecording(const std::string& url, aio::Route route, aio::Trace* trace = nullptr) : trace(trace) {
        net.site.route(url, std::move(route));
        aio::set_network(loop, &recording);
        if (trace) trace->attach(loop);
        clock.attach(loop);
    }
    ~OutsideRecording() {
        clock.detach();
        if (trace) trace->detach();
        aio::set_network(loop, nullptr);
    }
    aio::RunInputs inputs() const { return {clock.starts(), recording.fetches(), std::nullopt}; }
};

// A page paused between two iterations at the same time: an answer arrives meanwhile, and the next
// iteration starts where the last one did, though a timer is pending later. The replay must hand
// the answer over before it picks the start, or it would jump to that timer.
TEST(Replay, an_answer_that_arrives_while_the_display_stands_still_is_told_again_at_that_time) {
    auto program = [](Log& log) -> aio::Coro<void> {
        auto get = aio::create_task([](Log& log) -> aio::Coro<void> {
            aio::Response r = co_await aio::fetch("http://site.test/now");
            log("got " + r.body);
        }(log), "get");
        auto nap = aio::create_task([](Log& log) -> aio::Coro<void> {
            co_await aio::sleep(1);
            log("woke");
        }(log), "nap");
        co_await get;
        co_await nap;
    };
    aio::RunInputs inputs;
    Told live;
    {
        OutsideRecording run("http://site.test/now", {.latency = 0, .body = "now"});
        aio::Loop& loop = run.loop;
        aio::Task<void> main = aio::create_task(loop, program(live.log), "main");
        aio::VirtualHost host(loop);
        host.step();                 // main starts both tasks
        loop.advance_to(0.2);        // the display moved on before the next step
        host.step();                 // the request goes out at 0.2; the sleep is due at 1.2
        run.net.deliver_until(0.2);  // paused at 0.2: the answer arrives, the clock stays
        ASSERT_TRUE(loop.has_ready());
        while (host.step()) {}
        ASSERT_TRUE(main.done());
        live.iterations = loop.iteration();
        live.end = loop.time();
        inputs = run.inputs();
        EXPECT_EQ(inputs.clock, (std::vector<aio::IterationStart>{{2, 0.2}}));
    }
    EXPECT_EQ(live.log.lines, (Lines{"0.20000000000000001 get: got now", "1.2 nap: woke"}));
    aio::Loop loop;
    aio::ReplayNetwork net(loop, inputs.fetches);
    aio::set_network(loop, &net);
    aio::ReplayHost host(loop, inputs, net);
    Told told;
    aio::Task<void> main = aio::create_task(loop, program(told.log), "main");
    while (host.step()) {}
    told.iterations = loop.iteration();
    told.end = loop.time();
    EXPECT_EQ(told, live);
    aio::set_network(loop, nullptr);
}

TEST(ReplayNetwork, an_answer_due_before_its_request_is_made_is_reported_and_dropped) {
    aio::Loop loop;
    aio::FetchResult ok;
    ok.response = {.status = 200, .url = "http://h/a", .content_type = "text/plain", .body = "a"};
    aio::ReplayNetwork net(loop, {{.ordinal = 1, .url = "http://h/a", .result = ok, .iteration = 2}});
    net.deliver_due(1);   // not due yet
    EXPECT_EQ(net.mismatches(), std::vector<std::string>{});
    net.deliver_due(2);
    EXPECT_EQ(net.mismatches(), std::vector<std::string>{"replay: the recording's answer to request 1 (http://h/a) came "
                                                         "before iteration 2, but the replay had not made that request by "
                                                         "then: the answer is dropped"});
    // Made later, it waits for an answer that will not come, until aborted.
    bool answered = false;
    const uint64_t id = net.start("http://h/a", {}, [&](aio::FetchResult) { answered = true; });
    EXPECT_EQ(id, 1u);
    net.deliver_due(3);
    EXPECT_FALSE(answered);
    net.abort(id);
    EXPECT_EQ(net.mismatches().size(), 1u);
}

TEST(ReplayNetwork, the_nth_request_gets_the_recordings_nth_answer_just_before_its_iteration) {
    aio::Loop loop;
    aio::FetchResult ok, failed;
    ok.response = {.status = 200, .url = "http://h/b/", .content_type = "text/html", .body = "b"};
    failed.failed = true;
    failed.message = "network error or CORS refusal: http://h/a";
    // Answered b then a, both before iteration 4; c never.
    aio::ReplayNetwork net(loop, {{.ordinal = 2, .url = "http://h/b", .result = ok, .iteration = 4},
                                  {.ordinal = 1, .url = "http://h/a", .result = failed, .iteration = 4},
                                  {.ordinal = 3, .url = "http://h/c"}});
    std::vector<std::string> got;
    for (const char* u : {"http://h/a", "http://h/b", "http://h/c"})
        net.start(u, {}, [&got, u](aio::FetchResult r) { got.push_back(std::string(u) + " " + (r.failed ? r.message : r.response.body)); });
    net.deliver_due(3);
    EXPECT_TRUE(got.empty());
    net.deliver_due(4);
    EXPECT_EQ(got, (std::vector<std::string>{"http://h/b b", "http://h/a network error or CORS refusal: http://h/a"}));
    net.deliver_due(100);
    EXPECT_EQ(got.size(), 2u);
    net.abort(3);
    EXPECT_EQ(net.mismatches(), std::vector<std::string>{});
}

TEST(Replay, the_host_stops_where_the_recording_stopped) {
    aio::RunInputs inputs;
    const Told live = record_outside(inputs, 11, 20);
    ASSERT_TRUE(inputs.stop);
    EXPECT_EQ(inputs.stop->after_iteration, 20u);
    EXPECT_GT(live.iterations, 20u);   // the cancelled tasks' last steps
    EXPECT_EQ(replay(inputs), live);
}

}  // namespace

// An answer from outside reaches the run when the host's clock has caught up with it (0.5), and the
// next iteration starts later (0.6, the display moved on): its task waited until 0.5 and was ready
// from then. The replay hands the answer over at 0.5 too, so the task's time per state is the same.
TEST(Replay, an_answer_from_outside_is_handed_over_at_the_time_it_came_not_at_the_next_iteration) {
    auto program = [](Log& log) -> aio::Coro<void> {
        aio::Response r = co_await aio::fetch("http://site.test/slow");
        log("got " + r.body);
    };
    auto get_times = [](const aio::Trace& trace) {
        const aio::TaskRecord& main = trace.tasks().at(0);
        return std::pair{main.time_in[static_cast<size_t>(aio::TaskState::Waiting)], main.time_in[static_cast<size_t>(aio::TaskState::Ready)]};
    };
    aio::RunInputs inputs;
    std::pair<float, float> live_times;
    {
        aio::Trace trace;
        OutsideRecording run("http://site.test/slow", {.latency = 0.5, .body = "slow"}, &trace);
        aio::Loop& loop = run.loop;
        Log log;
        aio::Task<void> main = aio::create_task(loop, program(log), "main");
        aio::VirtualHost host(loop);
        host.step();                 // the request goes out at 0
        run.net.deliver_until(0.5);  // the answer arrives at 0.5: the clock is moved there first
        loop.advance_to(0.6);        // the display moved on before the next step
        while (host.step()) {}
        ASSERT_TRUE(main.done());
        live_times = get_times(trace);
        inputs = run.inputs();
        ASSERT_EQ(inputs.fetches.size(), 1u);
        EXPECT_DOUBLE_EQ(inputs.fetches[0].at, 0.5);
    }
    EXPECT_FLOAT_EQ(live_times.first, 0.5f);
    EXPECT_NEAR(live_times.second, 0.1f, 1e-6);
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::ReplayNetwork net(loop, inputs.fetches);
    aio::set_network(loop, &net);
    aio::ReplayHost host(loop, inputs, net);
    Log log;
    aio::Task<void> main = aio::create_task(loop, program(log), "main");
    while (host.step()) {}
    ASSERT_TRUE(main.done());
    EXPECT_EQ(get_times(trace), live_times);
    aio::set_network(loop, nullptr);
    trace.detach();
}
