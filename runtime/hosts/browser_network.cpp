// The C++ half of web/js/library_fetch.js.
#include "runtime/hosts/browser_network.hpp"

#include <emscripten/emscripten.h>

#include <unordered_map>

extern "C" {
void aio_fetch_start(int network, double id, const char* url, const char* method, double max_body);
void aio_fetch_abort(int network, double id);
}

namespace aio {

namespace {
std::unordered_map<int, BrowserNetwork*>& networks() {
    static std::unordered_map<int, BrowserNetwork*> n;
    return n;
}
int next_handle = 1;
}  // namespace

BrowserNetwork::BrowserNetwork() : handle_(next_handle++) { networks()[handle_] = this; }

BrowserNetwork::~BrowserNetwork() {
    for (auto& [id, done] : pending_) aio_fetch_abort(handle_, static_cast<double>(id));
    networks().erase(handle_);
}

uint64_t BrowserNetwork::start(const std::string& url, const FetchOptions& options, std::function<void(FetchResult)> done) {
    const uint64_t id = next_request_++;
    pending_[id] = std::move(done);
    aio_fetch_start(handle_, static_cast<double>(id), url.c_str(), options.method, static_cast<double>(options.max_body));
    return id;
}

void BrowserNetwork::abort(uint64_t id) {
    if (pending_.erase(id)) aio_fetch_abort(handle_, static_cast<double>(id));
}

void BrowserNetwork::complete(uint64_t id, FetchResult result) {
    auto it = pending_.find(id);
    if (it == pending_.end()) return;   // aborted meanwhile
    auto done = std::move(it->second);
    pending_.erase(it);
    if (on_activity) on_activity();
    done(std::move(result));
}

}  // namespace aio

extern "C" EMSCRIPTEN_KEEPALIVE void aio_fetch_done(int network, double id, int status, const char* final_url,
                                                    const char* content_type, const char* body, int body_len,
                                                    int truncated, int error_kind, const char* message) {
    auto it = aio::networks().find(network);
    if (it == aio::networks().end()) return;
    aio::FetchResult r;
    if (error_kind > 0) {
        r.failed = true;
        r.error = static_cast<aio::FetchError::Kind>(error_kind - 1);
        r.message = message;
    } else {
        r.response.status = status;
        r.response.url = final_url;
        r.response.content_type = content_type;
        r.response.body.assign(body, static_cast<size_t>(body_len));
        r.response.truncated = truncated != 0;
    }
    it->second->complete(static_cast<uint64_t>(id), std::move(r));
}
