// Serving the compiled-in sample site as the dev server does (see sample_site.hpp).
#include "playground/demos/sample_site.hpp"

#include "playground/demos/urljoin.hpp"

#include <algorithm>
#include <cstdint>

namespace aio::demos {

namespace {

// http.server's error page for a missing file (Python 3.11's DEFAULT_ERROR_MESSAGE).
const char* const kNotFound =
    "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n"
    "        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n"
    "        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n"
    "        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n";

const SiteFile* find_file(std::string_view path) {
    const auto& files = sample_site_files();
    auto it = std::lower_bound(files.begin(), files.end(), path, [](const SiteFile& f, std::string_view p) { return f.path < p; });
    return it != files.end() && it->path == path ? &*it : nullptr;
}

bool is_directory(std::string_view path) {
    const std::string prefix = std::string(path) + "/";
    for (const SiteFile& f : sample_site_files())
        if (f.path.starts_with(prefix)) return true;
    return false;
}

std::string content_type(std::string_view path) {
    if (path.ends_with(".html")) return "text/html";
    if (path.ends_with(".txt")) return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

}  // namespace

std::string sample_site_root(const std::string& page_url) {
    return page_url.empty() ? std::string() : urljoin(page_url, "sample-site/");
}

double sample_site_latency(std::string_view path, double latency_min, double latency_max) {
    uint64_t h = 14695981039346656037ull;   // FNV-1a: the same spread on every platform
    for (unsigned char c : path) h = (h ^ c) * 1099511628211ull;
    const double where = static_cast<double>(h >> 11) / static_cast<double>(1ull << 53);   // 0..1
    const std::string_view name = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
    return latency_min + (latency_max - latency_min) * where + (name.starts_with("slow") ? kSlowSeconds : 0);
}

SampleSite::SampleSite(Loop& loop, std::string root, double latency_min, double latency_max)
    : net_(loop), root_(std::move(root)), latency_min_(latency_min), latency_max_(latency_max) {
    net_.fallback = [this](const std::string& url) { return answer(url); };
}

Network* SampleSite::network_for(const std::string& url) {
    const std::string_view dir = std::string_view(root_).substr(0, root_.size() - 1);   // the folder, without '/'
    if (root_.empty() || !url.starts_with(dir)) return nullptr;
    const char next = url.size() > dir.size() ? url[dir.size()] : '\0';
    return next == '\0' || next == '/' || next == '?' || next == '#' ? &net_ : nullptr;
}

std::optional<Route> SampleSite::answer(const std::string& url) const {
    if (root_.empty() || !url.starts_with(std::string_view(root_).substr(0, root_.size() - 1))) return std::nullopt;
    // What follows the folder's name, split as the server splits the request line's target.
    std::string rest = url.substr(root_.size() - 1);
    const size_t cut = rest.find_first_of("?#");
    const std::string query = cut == std::string::npos ? "" : rest.substr(cut);
    rest.resize(std::min(rest.size(), cut));
    const std::string path = rest.empty() ? "" : rest.substr(1);   // "" is the folder itself, "x/" a folder in it
    Route r{.latency = sample_site_latency(path, latency_min_, latency_max_)};
    if (rest.empty() || (!path.empty() && !path.ends_with("/") && is_directory(path))) {
        r.status = 301;
        r.redirect_to = root_.substr(0, root_.size() - 1) + rest + "/" + query;
        return r;
    }
    const SiteFile* f = find_file(path.empty() || path.ends_with("/") ? path + "index.html" : path);
    if (!f) {
        r.status = 404;
        r.body = kNotFound;
        r.content_type = "text/html;charset=utf-8";
        return r;
    }
    r.body = std::string(f->body);
    r.content_type = content_type(f->path);
    return r;
}

}  // namespace aio::demos
