// The crawler demo on the virtual network, serving the shipped sample site (web/sample-site) as
// a static host would: what it logs, what it writes to foundurls.txt, and its limits; and the
// crawler's own virtual sample site (virtual_network) against it.
#include "playground/demos/context.hpp"
#include "runtime/hosts/replay.hpp"
#include "runtime/hosts/virtual_network.hpp"
#include "tests/runtime/hosts/outside_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace {

using namespace aio::demos;
using Lines = std::vector<std::string>;
namespace fs = std::filesystem;

const std::string kOrigin = "http://site.test";
const std::string kSite = kOrigin + "/sample-site/";

// Every file of the sample site at its URL; directories answer with their index.html, and
// without a trailing slash redirect to it, as common static servers do. slow* pages take 2 s
// more than `latency` (by default 0.05 s a page).
void route_sample_site(aio::VirtualNetwork& net, const std::function<double()>& latency = [] { return 0.05; }) {
    for (const auto& e : fs::recursive_directory_iterator(AIO_SAMPLE_SITE)) {
        const std::string rel = fs::relative(e.path(), AIO_SAMPLE_SITE).generic_string();
        if (e.is_directory()) {
            net.route(kSite + rel, {.latency = 0.01, .redirect_to = kSite + rel + "/"});
            continue;
        }
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        aio::Route r{.latency = latency() + (rel.starts_with("slow") ? 1.95 : 0), .body = body.str(),
                     .content_type = rel.ends_with(".txt") ? "text/plain" : "text/html"};
        net.route(kSite + rel, r);
        if (rel.ends_with("index.html")) net.route(kSite + rel.substr(0, rel.size() - 10), r);
    }
    net.route(kSite + "teapots.html", {.latency = latency(), .status = 404, .body = "Not Found"});
}

struct CrawlRun {
    Lines lines;
    std::vector<PageReport> pages;
    std::string found;          // foundurls.txt
    size_t most_in_flight = 0;
    double took = 0;
};

// Over the loop's network (here the test's copy of a static host: "the real network" to the
// crawler), unless `given` turns the crawler's virtual sample site on. `more_routes` adds pages
// beside the sample site.
CrawlRun crawl(Params given, const std::function<void(aio::VirtualNetwork&)>& more_routes = {}) {
    given.emplace("virtual_network", false);
    aio::Loop loop;
    aio::VirtualNetwork net(loop);
    route_sample_site(net);
    if (more_routes) more_routes(net);
    aio::set_network(loop, &net);
    CrawlRun run;
    Context ctx = virtual_context(loop, [&](const std::string& l) { run.lines.push_back(l); });
    ctx.base_url = kOrigin + "/index.html";
    const Demo& d = *find_demo("crawler");
    aio::Task<void> main = aio::create_task(loop, d.main(ctx, resolve_params(d, given)));
    aio::VirtualHost host(loop);
    while (!main.done() && host.step())
        run.most_in_flight = std::max(run.most_in_flight, aio::fetches_in_flight(loop).size());
    main.result();
    run.found = ctx.files["foundurls.txt"];
    run.pages = ctx.pages;
    run.took = loop.time();
    aio::set_network(loop, nullptr);
    return run;
}

CrawlRun crawl_virtual(Params given) {
    given["virtual_network"] = true;
    return crawl(given);
}

Lines sorted(Lines lines) {
    std::sort(lines.begin(), lines.end());
    return lines;
}

bool has(const Lines& lines, const std::string& line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); }

std::set<std::string> links_of(const std::string& found, const std::string& source) {
    std::set<std::string> out;
    std::istringstream in(found);
    for (std::string l; std::getline(in, l);)
        if (l.starts_with(source + "\t")) out.insert(l.substr(source.size() + 1));
    return out;
}

TEST(CrawlerDemo, default_list_logs_as_areq_py_and_keeps_going_past_errors) {
    const CrawlRun run = crawl({});
    EXPECT_TRUE(has(run.lines, "INFO:areq: Got response [200] for URL: " + kSite + "index.html"));
    EXPECT_TRUE(has(run.lines, "ERROR:areq: aiohttp exception for " + kSite + "teapots.html [404]: Not Found"));
    EXPECT_TRUE(has(run.lines, "INFO:areq: Got response [200] for URL: " + kSite + "docs"));   // after the redirect
    EXPECT_TRUE(has(run.lines, "INFO:areq: Wrote results for source URL: " + kSite + "slow-brew.html"));
    // The slow page finishes last, and the whole crawl takes as long as it: they ran at once.
    EXPECT_EQ(run.lines.back(), "INFO:areq: Wrote results for source URL: " + kSite + "slow-brew.html");
    EXPECT_LT(run.took, 2.2);
    EXPECT_TRUE(run.found.starts_with("source_url\tparsed_url\n"));
}

TEST(CrawlerDemo, links_follow_the_scripts_regex_and_urljoin) {
    const CrawlRun run = crawl({});
    const auto index = links_of(run.found, kSite + "index.html");
    for (const std::string& want : {kSite + "about.html", kOrigin + "/sample-site/blog/index.html", kSite + "docs",
                                    kSite + "shop.html?sort=price&amp;page=2",   // no entity decoding
                                    kSite + "index.html#menu", std::string("mailto:hello@tinytea.example"),
                                    std::string("https://www.python.org/"),
                                    std::string("http://docs.python.org/3/library/asyncio.html")})   // protocol-relative
        EXPECT_EQ(index.count(want), 1u) << want;
    for (const std::string& not_matched : {kSite + "single-quoted.html", kSite + "shouting.html"})
        EXPECT_EQ(index.count(not_matched), 0u) << not_matched;
    for (const std::string& l : index) EXPECT_EQ(l.find("multi"), std::string::npos) << l;
    EXPECT_TRUE(has(run.lines, "INFO:areq: Found " + std::to_string(index.size()) + " links for " + kSite + "index.html"));
    // The plain-text page is read with the same rule; links resolve against the URL as listed.
    EXPECT_EQ(links_of(run.found, kSite + "notes.txt"), (std::set<std::string>{kSite + "about.html", kSite + "notes.txt#end"}));
    EXPECT_EQ(links_of(run.found, kSite + "docs").count(kSite + "guide.html"), 1u);
    EXPECT_TRUE(links_of(run.found, kSite + "teapots.html").empty());
}

TEST(CrawlerDemo, semaphore_bounds_requests_in_flight) {
    EXPECT_EQ(crawl({}).most_in_flight, 7u);
    EXPECT_EQ(crawl({{"concurrency", int64_t{2}}}).most_in_flight, 2u);
}

TEST(CrawlerDemo, timeout_fails_only_the_slow_page) {
    const CrawlRun run = crawl({{"timeout", 0.5}});
    EXPECT_TRUE(has(run.lines, "ERROR:areq: aiohttp exception for " + kSite + "slow-brew.html [None]: timed out after 0.5 s: " +
                                   kSite + "slow-brew.html"));
    EXPECT_TRUE(has(run.lines, "INFO:areq: Wrote results for source URL: " + kSite + "index.html"));
    EXPECT_LT(run.took, 0.6);
}

TEST(CrawlerDemo, depth_follows_same_origin_pages_once_within_max_pages) {
    const CrawlRun run = crawl({{"urls", kSite + "index.html"}, {"depth", int64_t{3}}});
    std::set<std::string> sources;
    for (const std::string& l : run.lines)
        if (l.starts_with("INFO:areq: Got response [200] for URL: ")) {
            EXPECT_TRUE(sources.insert(l.substr(39)).second) << l;
        }
    for (const std::string& page : {kSite + "about.html", kSite + "blog/post-1.html", kSite + "docs/guide.html"})
        EXPECT_EQ(sources.count(page), 1u) << page;
    for (const std::string& s : sources) EXPECT_TRUE(s.starts_with(kOrigin)) << s;
    const CrawlRun capped = crawl({{"urls", kSite + "index.html"}, {"depth", int64_t{3}}, {"max_pages", int64_t{3}}});
    size_t fetched = 0;
    for (const std::string& l : capped.lines) fetched += l.starts_with("INFO:areq: Got response") || l.starts_with("ERROR:areq: aiohttp");
    EXPECT_EQ(fetched, 3u);
}

size_t responses(const Lines& lines) {
    return static_cast<size_t>(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
        return l.starts_with("INFO:areq: Got response");
    }));
}

TEST(CrawlerDemo, a_listed_url_with_an_empty_query_before_its_fragment_is_fetched_once) {
    // The script's seen set holds urldefrag(u).url, which drops the empty '?' (or ';') too, so the
    // page's link back to itself is already seen.
    for (const char* empty : {"?", ";", ";?"}) {
        const std::string page = kOrigin + "/loop.html";
        const CrawlRun run = crawl({{"urls", page + empty + "#part"}, {"depth", int64_t{2}}}, [&](aio::VirtualNetwork& net) {
            const aio::Route r{.latency = 0.05, .body = R"(<a href="loop.html">again</a>)"};
            net.route(page + empty + "#part", r);
            net.route(page, r);
        });
        EXPECT_EQ(responses(run.lines), 1u) << empty;
        EXPECT_EQ(run.pages.size(), 1u) << empty;
    }
}

TEST(CrawlerDemo, a_body_past_the_cap_is_cut_and_says_so) {
    // 100,000 links of 25 bytes each; the crawler reads 2 MiB, so only the links whose closing
    // quote lies inside the first 2 MiB are found.
    constexpr size_t kCap = 2 << 20, kLinks = 100000, kLinkBytes = 25, kQuoteAt = 17;
    std::string body;
    for (size_t i = 0; i < kLinks; ++i) {
        char link[32];
        std::snprintf(link, sizeof link, "<a href=\"/p/%05zu\">x</a>\n", i);
        body += link;
    }
    ASSERT_EQ(body.size(), kLinks * kLinkBytes);
    const size_t found = (kCap - kQuoteAt - 1) / kLinkBytes + 1;   // links i with 25 i + 17 < cap
    const std::string big = kOrigin + "/big.html";
    const CrawlRun run = crawl({{"urls", big + "\n" + kSite + "about.html"}}, [&](aio::VirtualNetwork& net) {
        net.route(big, {.latency = 0.05, .body = body});
    });
    EXPECT_TRUE(has(run.lines, "INFO:areq: Found " + std::to_string(found) + " links for " + big +
                                   " (body cut at 2 MiB: links past it are not listed or followed)"));
    ASSERT_EQ(run.pages.size(), 2u);
    EXPECT_EQ(run.pages[0].url, big);
    EXPECT_TRUE(run.pages[0].truncated);
    EXPECT_EQ(run.pages[0].bytes, kCap);
    EXPECT_FALSE(run.pages[1].truncated);
    for (const std::string& l : run.lines) {   // only the big page's line mentions a cut
        if (l.starts_with("INFO:areq: Found")) {
            EXPECT_EQ(l.find("cut") == std::string::npos, l.find(big) == std::string::npos) << l;
        }
    }
}

TEST(CrawlerDemo, bad_lines_are_reported_and_skipped) {
    const CrawlRun run = crawl({{"urls", "ftp://files.test/x\n\n  " + kSite + "about.html  \nhttp://\n" + kSite + "about.html\n"}});
    EXPECT_TRUE(has(run.lines, "WARNING:areq: urls line 1 skipped: 'ftp://files.test/x' is not an http(s) URL"));
    EXPECT_TRUE(has(run.lines, "WARNING:areq: urls line 4 skipped: 'http://' is not an http(s) URL"));
    size_t fetched = 0;
    for (const std::string& l : run.lines) fetched += l.starts_with("INFO:areq: Got response");
    EXPECT_EQ(fetched, 1u);   // the duplicate counts once
}

TEST(CrawlerDemo, relative_lines_resolve_against_the_page) {
    const CrawlRun run = crawl({{"urls", "sample-site/about.html"}});
    EXPECT_TRUE(has(run.lines, "INFO:areq: Got response [200] for URL: " + kSite + "about.html"));
}

// Every file of the sample site, its folders with and without their slash, and a missing page.
std::string every_page() {
    std::string urls;
    for (const auto& e : fs::recursive_directory_iterator(AIO_SAMPLE_SITE)) {
        const std::string rel = fs::relative(e.path(), AIO_SAMPLE_SITE).generic_string();
        if (e.is_directory() && fs::exists(e.path() / "index.html")) urls += kSite + rel + "\n" + kSite + rel + "/\n";
        if (!e.is_directory()) urls += kSite + rel + "\n";
    }
    return urls + kSite + "teapots.html\n";
}

TEST(CrawlerDemo, virtual_site_logs_and_finds_what_the_served_site_does) {
    for (const Params& list : {Params{}, Params{{"urls", every_page()}}}) {
        const CrawlRun served = crawl(list), virt = crawl_virtual(list);
        // The same lines (the order follows the latencies, which differ) and the same file.
        EXPECT_EQ(sorted(virt.lines), sorted(served.lines));
        std::istringstream a(served.found), b(virt.found);
        Lines fa, fb;
        for (std::string l; std::getline(a, l);) fa.push_back(l);
        for (std::string l; std::getline(b, l);) fb.push_back(l);
        EXPECT_EQ(sorted(fb), sorted(fa));
        EXPECT_GT(fa.size(), 20u);
    }
}

TEST(CrawlerDemo, virtual_site_requests_overlap_and_the_latency_sets_the_time) {
    // latency_min = latency_max = L: every page answers after L s, docs after 2 L (its redirect is a
    // request too), slow-brew.html after L + 2 s (the dev server's slow page). All 7 start at t = 0
    // (concurrency 10), so the crawl takes max(2 L, L + 2) s.
    for (double latency : {0.5, 1.0, 3.0}) {
        const CrawlRun run = crawl_virtual({{"latency_min", latency}, {"latency_max", latency}});
        EXPECT_NEAR(run.took, std::max(2 * latency, latency + 2), 1e-9) << latency;
        EXPECT_EQ(run.most_in_flight, 7u);
        EXPECT_EQ(run.lines.back(), "INFO:areq: Wrote results for source URL: " + kSite + (latency > 2 ? "docs" : "slow-brew.html"));
    }
    // The defaults spread pages over 0.5..1.5 s: they overlap, and the crawl lasts as long as the slowest.
    const CrawlRun run = crawl_virtual({});
    EXPECT_GE(run.most_in_flight, 2u);
    EXPECT_GE(run.took, 0.5 + 2);
    EXPECT_LE(run.took, 1.5 + 2);
    // Two at a time: the semaphore holds the others back, so the crawl takes longer.
    const CrawlRun two = crawl_virtual({{"concurrency", int64_t{2}}, {"latency_min", 1.0}, {"latency_max", 1.0}});
    EXPECT_EQ(two.most_in_flight, 2u);
    EXPECT_GT(two.took, 3.0);
}

TEST(CrawlerDemo, virtual_site_answers_its_special_pages_as_served) {
    const CrawlRun run = crawl_virtual({{"latency_min", 1.0}, {"latency_max", 1.0}, {"timeout", 2.5}});
    EXPECT_TRUE(has(run.lines, "INFO:areq: Got response [200] for URL: " + kSite + "docs"));   // after the redirect
    EXPECT_TRUE(has(run.lines, "ERROR:areq: aiohttp exception for " + kSite + "teapots.html [404]: Not Found"));
    // 1 + 2 s is past the 2.5 s timeout: only the slow page fails.
    EXPECT_TRUE(has(run.lines, "ERROR:areq: aiohttp exception for " + kSite + "slow-brew.html [None]: timed out after 2.5 s: " +
                                   kSite + "slow-brew.html"));
    EXPECT_NEAR(run.took, 2.5, 1e-9);
}

TEST(CrawlerDemo, virtual_site_is_only_the_sample_site) {
    // Other URLs still go to the loop's network: here they have no route and fail.
    const CrawlRun run = crawl_virtual({{"urls", kOrigin + "/elsewhere.html\n" + kSite + "about.html"}});
    EXPECT_TRUE(has(run.lines, "ERROR:areq: aiohttp exception for " + kOrigin + "/elsewhere.html [None]: network error or CORS refusal: " +
                                   kOrigin + "/elsewhere.html"));
    EXPECT_TRUE(has(run.lines, "INFO:areq: Got response [200] for URL: " + kSite + "about.html"));
}

// What a crawl showed: its console, foundurls.txt, its pages, and where its loop ended.
struct Told {
    Lines lines;
    std::string found;
    Lines pages;   // each PageReport, field by field
    uint64_t iterations = 0;
    double end = 0;
    bool operator==(const Told&) const = default;
};

// Crawls `given` on `loop`, its network set by the caller, each iteration run by `step`.
template <class Step> Told crawl_on(aio::Loop& loop, const Params& given, Step step) {
    Told told;
    Context ctx = virtual_context(loop, [&](const std::string& l) { told.lines.push_back(l); });
    ctx.base_url = kOrigin + "/index.html";
    const Demo& d = *find_demo("crawler");
    aio::Task<void> main = aio::create_task(loop, d.main(ctx, resolve_params(d, given)), "main");
    while (step()) {}
    EXPECT_TRUE(main.done());
    told.found = ctx.files["foundurls.txt"];
    for (const PageReport& p : ctx.pages)
        told.pages.push_back(p.url + " " + p.state + " " + std::to_string(p.status) + " " + std::to_string(p.bytes) + " " +
                             std::to_string(p.truncated) + " " + std::to_string(p.links) + " " + p.error);
    told.iterations = loop.iteration();
    told.end = loop.time();
    return told;
}

// Over a network outside the loop whose pages take 0.05..0.6 s, drawn per page, the clock moved
// as a browser's display moves it; then from the recording alone, with no route and no network.
TEST(CrawlerDemo, a_recorded_crawl_is_told_again_with_the_network_gone) {
    const Params given{{"virtual_network", false}, {"depth", int64_t{2}}, {"concurrency", int64_t{3}}, {"timeout", 2.1}};
    aio::RunInputs inputs;
    Told live;
    {
        aio::Loop loop;
        aio_test::OutsideNetwork net(loop);
        std::mt19937 draw(42);
        route_sample_site(net.site, [&] { return std::uniform_real_distribution<double>(0.05, 0.6)(draw); });
        aio::RecordingNetwork recording(loop, net);
        aio::set_network(loop, &recording);
        aio::ClockRecorder clock;
        clock.attach(loop);
        std::mt19937 jitter(5);
        live = crawl_on(loop, given, [&] { return aio_test::browser_step(loop, net, jitter); });
        inputs = {clock.starts(), recording.fetches(), std::nullopt};
        aio::set_network(loop, nullptr);
    }
    ASSERT_GT(inputs.fetches.size(), 10u);
    EXPECT_FALSE(inputs.clock.empty());
    EXPECT_TRUE(has(live.lines, "INFO:areq: Got response [200] for URL: " + kSite + "docs"));
    EXPECT_TRUE(has(live.lines, "ERROR:areq: aiohttp exception for " + kSite + "teapots.html [404]: Not Found"));

    aio::Loop loop;
    aio::ReplayNetwork net(loop, inputs.fetches);
    aio::set_network(loop, &net);
    aio::ReplayHost host(loop, inputs, net);
    const Told again = crawl_on(loop, given, [&] { return host.step(); });
    EXPECT_EQ(net.mismatches(), Lines{});
    EXPECT_EQ(again.lines, live.lines);
    EXPECT_EQ(again.found, live.found);
    EXPECT_EQ(again.pages, live.pages);
    EXPECT_EQ(again, live);
    aio::set_network(loop, nullptr);
}

}  // namespace
