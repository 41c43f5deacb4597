// A wasm program for tests/node/browser_host.test.mjs: runs small asyncio programs under the
// BrowserHost (real JavaScript timers) and under run() (the virtual clock), logging events.
#include "runtime/aio.hpp"
#include "runtime/fetch.hpp"
#include "runtime/hosts/browser_host.hpp"
#include "runtime/hosts/browser_network.hpp"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace {

std::vector<std::string> g_log;

void log(const std::string& what) {
    char t[32];
    std::snprintf(t, sizeof t, "%.2f", aio::get_running_loop().time());
    g_log.push_back(std::string(t) + " " + aio::current_task()->name() + " " + what);
}

aio::Coro<void> count_one() {
    log("One");
    co_await aio::sleep(1);
    log("Two");
}

// time.sleep(1): a blocking call moves the loop's clock inside the task's step.
aio::Coro<void> block_one() {
    log("blocking");
    aio::get_running_loop().advance_to(aio::get_running_loop().time() + 1);
    log("unblocked");
    co_return;
}

aio::Coro<void> ping(int n) {
    for (int i = 0; i < n; ++i) co_await aio::sleep(0);
    log("pinged " + std::to_string(n));
}

std::string g_base;   // the test server's URL, for the fetch program

aio::Coro<void> get(std::string url, double timeout) {
    try {
        aio::Response r = co_await aio::fetch(url, {.timeout = timeout});
        log("got " + std::to_string(r.status) + " " + std::to_string(r.body.size()) + " bytes from " + r.url);
    } catch (const aio::FetchError& e) {
        log("error " + std::to_string(static_cast<int>(e.kind())) + " " + e.what());
    }
}

aio::Coro<void> cancelled_get(std::string url) {
    auto t = aio::create_task(get(url, 30));
    co_await aio::sleep(0.1);
    t.cancel();
    try {
        co_await t;
    } catch (const aio::CancelledError&) {
        log("cancelled " + url);
    }
}

// main ends while a task it left keeps yielding: the iteration main's last step ran in, and the
// loop's iteration when the host first reports progress after main is done.
uint64_t g_main_ended = 0, g_seen_done = 0;
aio::Coro<void> leave_one_running() {
    aio::create_task(ping(1000000));
    for (int i = 0; i < 3; ++i) co_await aio::sleep(0);
    g_main_ended = aio::get_running_loop().iteration();
}

// 0: count (three tasks gathered); 1: two tasks yielding 1000 times each; 2: sleeps of 0.5 s x 4;
// 4: two tasks each blocking the loop for 1 s; 3: fetches from the test server (found, missing, refused, slow with a timeout, cancelled)
aio::Coro<void> program(int which) {
    if (which == 3)
        co_await aio::gather(get(g_base + "/sample-site/index.html", 5), get(g_base + "/sample-site/missing.html", 5),
                             get("http://127.0.0.1:9/", 5), get(g_base + "/sample-site/slow.html", 0.2),
                             cancelled_get(g_base + "/sample-site/slow-too.html"));
    if (which == 5) {
        co_await leave_one_running();
        co_return;
    }
    if (which == 0) co_await aio::gather(count_one(), count_one(), count_one());
    if (which == 1) co_await aio::gather(ping(1000), ping(1000));
    if (which == 4) co_await aio::gather(block_one(), block_one());
    if (which == 2)
        for (int i = 0; i < 4; ++i) {
            co_await aio::sleep(0.5);
            log("tick " + std::to_string(i));
        }
    log("end");
}

struct Session {
    aio::Loop loop;
    aio::BrowserHost host{loop};
    aio::BrowserNetwork net;
    aio::Task<void> main;
    Session() {
        aio::set_network(loop, &net);
        net.on_activity = [this] { host.io_done(); };
    }
};
std::unique_ptr<Session> g_session;
std::string g_reply;

// Two networks at once (a run's and the next run's): each numbers its requests from 1, and
// aborting the second's request 1 leaves the first's alone.
std::unique_ptr<aio::BrowserNetwork> g_first, g_second;
std::string g_two;

const char* reply_log() {
    g_reply = "[";
    for (size_t i = 0; i < g_log.size(); ++i) g_reply += (i ? ",\"" : "\"") + g_log[i] + "\"";
    g_reply += "]";
    return g_reply.c_str();
}

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void harness_start(int which, double speed) {
    g_log.clear();
    g_session.reset();
    g_session = std::make_unique<Session>();
    g_session->host.set_speed(speed);
    g_session->main = aio::create_task(g_session->loop, program(which));
    g_main_ended = g_seen_done = 0;
    if (which == 5) {
        // As the page's Session: the run is complete once main is done, and then the host pauses.
        g_session->host.complete = [] { return g_session->main.done(); };
        g_session->host.on_progress = [] {
            if (g_session->main.done() && !g_seen_done) {
                g_seen_done = g_session->loop.iteration();
                g_session->host.pause();
            }
        };
    }
    g_session->host.wake();
}
// "main ended in iteration A; the host reported it done at iteration B".
EMSCRIPTEN_KEEPALIVE const char* harness_complete_log() {
    g_reply = std::to_string(g_main_ended) + " " + std::to_string(g_seen_done);
    return g_reply.c_str();
}
EMSCRIPTEN_KEEPALIVE void harness_set_base(const char* url) { g_base = url; }
EMSCRIPTEN_KEEPALIVE void harness_two_networks() {
    g_first = std::make_unique<aio::BrowserNetwork>();
    g_second = std::make_unique<aio::BrowserNetwork>();
    const std::string page = g_base + "/sample-site/index.html";
    const uint64_t a = g_first->start(page, {}, [](aio::FetchResult r) { g_two += "first got " + std::to_string(r.response.status); });
    const uint64_t b = g_second->start(page, {}, [](aio::FetchResult) { g_two += "second answered"; });
    g_second->abort(b);
    g_two = "ids " + std::to_string(a) + " " + std::to_string(b) + "; ";
}
EMSCRIPTEN_KEEPALIVE const char* harness_two_networks_log() { return g_two.c_str(); }
EMSCRIPTEN_KEEPALIVE int harness_done() { return g_session && g_session->main.done(); }
EMSCRIPTEN_KEEPALIVE const char* harness_log() { return reply_log(); }
EMSCRIPTEN_KEEPALIVE const char* harness_virtual_log(int which) {
    g_log.clear();
    aio::run(program(which));
    return reply_log();
}
EMSCRIPTEN_KEEPALIVE void harness_pause() { g_session->host.pause(); }
EMSCRIPTEN_KEEPALIVE void harness_resume() { g_session->host.resume(); }
EMSCRIPTEN_KEEPALIVE void harness_step() { g_session->host.step(); }
EMSCRIPTEN_KEEPALIVE void harness_speed(double s) { g_session->host.set_speed(s); }
EMSCRIPTEN_KEEPALIVE double harness_time() { return g_session->host.display_time(); }
EMSCRIPTEN_KEEPALIVE double harness_loop_time() { return g_session->loop.time(); }
EMSCRIPTEN_KEEPALIVE int harness_holding() { return g_session->host.holding(); }
EMSCRIPTEN_KEEPALIVE double harness_iteration() { return static_cast<double>(g_session->loop.iteration()); }
}
