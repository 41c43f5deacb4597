// A wasm program for tests/node/browser_host.test.mjs: runs small asyncio programs under the
// BrowserHost (real JavaScript timers) and under run() (the virtual clock), logging events.
#include "runtime/aio.hpp"
#include "runtime/hosts/browser_host.hpp"

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

aio::Coro<void> ping(int n) {
    for (int i = 0; i < n; ++i) co_await aio::sleep(0);
    log("pinged " + std::to_string(n));
}

// 0: count (three tasks gathered); 1: two tasks yielding 1000 times each; 2: sleeps of 0.5 s x 4
aio::Coro<void> program(int which) {
    if (which == 0) co_await aio::gather(count_one(), count_one(), count_one());
    if (which == 1) co_await aio::gather(ping(1000), ping(1000));
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
    aio::Task<void> main;
};
std::unique_ptr<Session> g_session;
std::string g_reply;

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
    g_session->host.wake();
}
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
EMSCRIPTEN_KEEPALIVE double harness_iteration() { return static_cast<double>(g_session->loop.iteration()); }
}
