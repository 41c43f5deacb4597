// Exports for web/js/aio_api.js. Strings cross as UTF-8 JSON owned by this side until the next call.
#include "playground/app/page_api.hpp"

#include <emscripten/emscripten.h>

#include <string>

namespace aio::page {

void started() {
    EM_ASM({ if (Module.onAppStarted) Module.onAppStarted(); });
}

void report_fatal(const char* what, const char* detail) {
    EM_ASM({ if (Module.onFatal) Module.onFatal(UTF8ToString($0), UTF8ToString($1)); }, what, detail);
}

bool wants_next_frame() { return false; }

}  // namespace aio::page

namespace {
std::string g_reply;  // the last JSON handed to JavaScript
}

// The page's state as JSON: what window.aio.snapshot() returns.
extern "C" EMSCRIPTEN_KEEPALIVE const char* aio_snapshot_json() {
    g_reply = R"({"demo":null,"status":"idle","time":0,"iteration":0,"tasks":[],"output":[],"queue":null,"files":{}})";
    return g_reply.c_str();
}
