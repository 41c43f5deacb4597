// Scripted answers delivered by loop timers, so runs over the virtual network are deterministic.
#include "runtime/hosts/virtual_network.hpp"

namespace aio {

VirtualNetwork::~VirtualNetwork() = default;

FetchResult VirtualNetwork::resolve(std::string url, const FetchOptions& options, Time& latency) const {
    FetchResult r;
    latency = 0;
    for (int redirects = 0; redirects <= kMaxRedirects; ++redirects) {
        auto it = routes_.find(url);
        std::optional<Route> found;
        if (it != routes_.end()) found = it->second;
        else if (fallback) found = fallback(url);
        if (!found || found->network_error) {
            latency += found ? found->latency : 0.01;
            r.failed = true;
            r.error = FetchError::Kind::Network;
            r.message = "network error or CORS refusal: " + url;
            return r;
        }
        const Route& route = *found;
        latency += route.latency;
        if (!route.redirect_to.empty()) {
            url = route.redirect_to;
            continue;
        }
        r.response.status = route.status;
        r.response.url = url;
        r.response.content_type = route.content_type;
        r.response.body = route.body.substr(0, options.max_body);
        r.response.truncated = route.body.size() > options.max_body;
        return r;
    }
    r.failed = true;
    r.message = "too many redirects: " + url;
    return r;
}

uint64_t VirtualNetwork::start(const std::string& url, const FetchOptions& options, std::function<void(FetchResult)> done) {
    const uint64_t id = next_id_++;
    Time latency = 0;
    FetchResult result = resolve(url, options, latency);
    answers_.add(id, url, loop_.time() + latency, std::move(result), std::move(done));
    return id;
}

void VirtualNetwork::abort(uint64_t id) {
    if (answers_.cancel(id)) ++aborted_;
}

}  // namespace aio
