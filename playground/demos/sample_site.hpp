// The crawler's sample site (web/sample-site), compiled in and served on a VirtualNetwork the way
// web/tools/dev_server.py serves it: files by path whatever the query, a directory without its
// slash redirects (301) to it and answers with its index.html, a missing file is a 404, and slow*
// pages take kSlowSeconds longer. Each answer takes a latency fixed per path.
#pragma once
#include "runtime/hosts/virtual_network.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace aio::demos {

struct SiteFile {
    std::string_view path;   // "blog/index.html", relative to the site's folder
    std::string_view body;
};
// Every file of web/sample-site, sorted by path (generated at build time by sample_site_files.cmake).
const std::vector<SiteFile>& sample_site_files();

constexpr double kSlowSeconds = 2.0;   // dev_server.py's --slow default

// Where the page's sample site lives: "sample-site/" beside the page at `page_url`
// ("http://h/aio/index.html" -> "http://h/aio/sample-site/"); empty when page_url is empty.
std::string sample_site_root(const std::string& page_url);

// Seconds the page at `path` takes to answer: latency_min..latency_max, the same every time for
// the same path (a hash of it picks where), plus kSlowSeconds for slow* pages.
double sample_site_latency(std::string_view path, double latency_min, double latency_max);

// The site at `root` on its own VirtualNetwork. fetch() requests go to it through
// FetchOptions::network: network_for(url) is it for URLs under root, nullptr for the rest.
class SampleSite {
public:
    SampleSite(Loop& loop, std::string root, double latency_min, double latency_max);
    Network* network_for(const std::string& url);
    const std::string& root() const { return root_; }

private:
    std::optional<Route> answer(const std::string& url) const;
    VirtualNetwork net_;
    std::string root_;   // ends with '/'
    double latency_min_, latency_max_;
};

}  // namespace aio::demos
