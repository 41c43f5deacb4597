// The compiled-in sample site (playground/demos/sample_site.hpp): the same bytes as web/sample-site,
// served as web/tools/dev_server.py serves them, with latencies fixed per page.
#include "playground/demos/sample_site.hpp"
#include "runtime/aio.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace {

using namespace aio::demos;
namespace fs = std::filesystem;

TEST(SampleSite, files_are_the_folders_files_byte_for_byte) {
    std::map<std::string, std::string> on_disk;
    for (const auto& e : fs::recursive_directory_iterator(AIO_SAMPLE_SITE)) {
        if (e.is_directory()) continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        on_disk[fs::relative(e.path(), AIO_SAMPLE_SITE).generic_string()] = body.str();
    }
    std::map<std::string, std::string> built;
    for (const SiteFile& f : sample_site_files()) built[std::string(f.path)] = std::string(f.body);
    EXPECT_EQ(built, on_disk);
}

TEST(SampleSite, root_is_beside_the_page) {
    EXPECT_EQ(sample_site_root("http://h:8000/aio/index.html?x=1"), "http://h:8000/aio/sample-site/");
    EXPECT_EQ(sample_site_root("https://h/"), "https://h/sample-site/");
    EXPECT_EQ(sample_site_root(""), "");
}

TEST(SampleSite, latency_is_fixed_per_page_within_the_range) {
    std::set<double> seen;
    for (const SiteFile& f : sample_site_files()) {
        const double l = sample_site_latency(f.path, 0.5, 1.5);
        EXPECT_EQ(l, sample_site_latency(f.path, 0.5, 1.5));
        const double extra = fs::path(f.path).filename().string().starts_with("slow") ? kSlowSeconds : 0;
        EXPECT_GE(l, 0.5 + extra) << f.path;
        EXPECT_LE(l, 1.5 + extra) << f.path;
        seen.insert(l - extra);
    }
    EXPECT_GT(seen.size(), sample_site_files().size() / 2);   // spread, not one value
    EXPECT_EQ(sample_site_latency("about.html", 2, 2), 2.0);
    EXPECT_EQ(sample_site_latency("slow-brew.html", 2, 2), 2.0 + kSlowSeconds);
}

// fetch() of url from the site at http://h/sample-site/, every page 1 s.
aio::Response get(const std::string& url, double* took = nullptr) {
    aio::Loop loop;
    SampleSite site(loop, "http://h/sample-site/", 1, 1);
    EXPECT_EQ(site.network_for("http://h/elsewhere"), nullptr);
    EXPECT_EQ(site.network_for("http://h/sample-sites/a"), nullptr);
    aio::Response r = aio::run(loop, aio::fetch(url, {.network = site.network_for(url)}));
    if (took) *took = loop.time();
    return r;
}

TEST(SampleSite, serves_files_by_path_whatever_the_query) {
    double took = 0;
    const aio::Response r = get("http://h/sample-site/shop.html?sort=price&amp;page=2", &took);
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("Sorted by price"), std::string::npos);
    EXPECT_EQ(r.content_type, "text/html");
    EXPECT_EQ(took, 1.0);
    EXPECT_EQ(get("http://h/sample-site/notes.txt").content_type, "text/plain; charset=utf-8");
}

TEST(SampleSite, folders_redirect_to_their_slash_and_answer_with_index_html) {
    double took = 0;
    const aio::Response docs = get("http://h/sample-site/docs?x=1", &took);
    EXPECT_EQ(docs.status, 200);
    EXPECT_EQ(docs.url, "http://h/sample-site/docs/?x=1");   // the query kept, as http.server keeps it
    EXPECT_NE(docs.body.find("guide.html"), std::string::npos);
    EXPECT_EQ(took, 2.0);   // two requests
    EXPECT_EQ(get("http://h/sample-site").url, "http://h/sample-site/");
    EXPECT_NE(get("http://h/sample-site/").body.find("Tiny Tea Co."), std::string::npos);
}

TEST(SampleSite, missing_pages_are_404_and_slow_pages_take_longer) {
    const aio::Response gone = get("http://h/sample-site/teapots.html");
    EXPECT_EQ(gone.status, 404);
    EXPECT_NE(gone.body.find("Error code: 404"), std::string::npos);
    double took = 0;
    EXPECT_EQ(get("http://h/sample-site/slow-brew.html", &took).status, 200);
    EXPECT_EQ(took, 1.0 + kSlowSeconds);
}

}  // namespace
