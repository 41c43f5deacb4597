// crawler, after areq.py: GET every listed URL concurrently, find the links in each page with the
// script's regex, resolve them with urljoin and write `source<TAB>link` lines to foundurls.txt.
// Beyond the script: a concurrency limit, a per-request timeout, and following same-origin links
// to a depth, with a bound on the pages fetched. The bundled sample site can answer from the
// virtual network, each page after a latency the learner sets, so the requests visibly overlap.
#include "playground/demos/demo.hpp"
#include "playground/demos/links.hpp"
#include "playground/demos/sample_site.hpp"
#include "playground/demos/urljoin.hpp"
#include "runtime/fetch.hpp"

#include <memory>
#include <set>

namespace aio::demos {

namespace {

const char* const kPython = R"py(#!/usr/bin/env python3
# areq.py: asynchronously get the links embedded in several pages' HTML.
# Logs without asctime, as the playground prints no wall-clock times. Sets
# are kept in insertion order (dicts), so the output order is repeatable.

import argparse
import asyncio
import logging
import re
import sys
import urllib.parse

import aiohttp

logging.basicConfig(format="%(levelname)s:%(name)s: %(message)s",
                    level=logging.INFO, stream=sys.stdout)
logger = logging.getLogger("areq")
HREF_RE = re.compile(r'href="(.*?)"')

async def fetch_html(url, session, timeout):
    resp = await session.request(method="GET", url=url, timeout=timeout)
    resp.raise_for_status()
    logger.info("Got response [%s] for URL: %s", resp.status, url)
    html = await resp.text()
    return html

async def parse(url, session, sem, timeout, **_):
    found = {}
    try:
        async with sem:  # at most `concurrency` requests at a time
            html = await fetch_html(url, session, timeout)
    except (aiohttp.ClientError, asyncio.TimeoutError) as e:
        logger.error("aiohttp exception for %s [%s]: %s", url,
                     getattr(e, "status", None), getattr(e, "message", e))
        return found
    for link in HREF_RE.findall(html):
        try:
            found[urllib.parse.urljoin(url, link)] = None
        except ValueError:
            logger.error("Error parsing URL: %s", link)
    logger.info("Found %d links for %s", len(found), url)
    return found

async def write_one(file, url, depth, seen, **kwargs):
    res = await parse(url, **kwargs)
    if res:
        with open(file, "a") as f:
            for p in res:
                f.write(f"{url}\t{p}\n")
        logger.info("Wrote results for source URL: %s", url)
    if depth == 0:
        return
    here = urllib.parse.urlsplit(url)
    follow = []
    for p in res:  # same-origin links not yet seen, while pages are left
        page = urllib.parse.urldefrag(p).url
        there = urllib.parse.urlsplit(page)
        if (there.scheme, there.netloc) != (here.scheme, here.netloc):
            continue
        if page in seen or len(seen) >= kwargs["max_pages"]:
            continue
        seen[page] = None
        follow.append(page)
    await asyncio.gather(*(write_one(file, u, depth - 1, seen, **kwargs)
                           for u in follow))

async def bulk_crawl_and_write(file, urls, concurrency, timeout, depth,
                               max_pages):
    sem = asyncio.Semaphore(concurrency)
    timeout = aiohttp.ClientTimeout(total=timeout)
    seen = {urllib.parse.urldefrag(u).url: None for u in urls}
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(
            write_one(file, url, depth, seen, session=session, sem=sem,
                      timeout=timeout, max_pages=max_pages)
            for url in urls))

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--urls", default="urls.txt")
    parser.add_argument("--out", default="foundurls.txt")
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--depth", type=int, default=0)
    parser.add_argument("--max-pages", type=int, default=100)
    ns = parser.parse_args()
    with open(ns.urls) as infile:
        urls = dict.fromkeys(u for u in map(str.strip, infile) if u)
    urls = list(urls)[:ns.max_pages]
    with open(ns.out, "w") as outfile:
        outfile.write("source_url\tparsed_url\n")
    asyncio.run(bulk_crawl_and_write(ns.out, urls, ns.concurrency,
                                     ns.timeout, ns.depth, ns.max_pages))
)py";

constexpr size_t kMaxOutput = 1 << 20;    // foundurls.txt stops growing here

const char* const kDefaultUrls =
    "sample-site/index.html\n"
    "sample-site/about.html\n"
    "sample-site/blog/index.html\n"
    "sample-site/docs\n"
    "sample-site/notes.txt\n"
    "sample-site/slow-brew.html\n"
    "sample-site/teapots.html\n";

// http.HTTPStatus's phrases for the errors a crawl meets (aiohttp's e.message).
std::string reason_phrase(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 408: return "Request Timeout";
        case 410: return "Gone";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        default: return "";
    }
}

// scheme://netloc, lower-cased: what "same origin" compares.
std::string origin_of(const std::string& url) {
    const size_t scheme_end = url.find("://");
    if (scheme_end == std::string::npos) return {};
    size_t end = url.find_first_of("/?#", scheme_end + 3);
    std::string o = url.substr(0, end == std::string::npos ? url.size() : end);
    for (char& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return o;
}

// The script's urldefrag(url).url: the fragment goes, and with it an empty '?' or ';'.
std::string without_fragment(const std::string& url) { return urldefrag(url).url; }

// An ordered set, as the script's dicts.
struct Links {
    std::vector<std::string> order;
    std::set<std::string> seen;
    bool add(const std::string& s) {
        if (!seen.insert(s).second) return false;
        order.push_back(s);
        return true;
    }
};

struct Crawl {
    Crawl(Context& c, int concurrency, FetchOptions o, int64_t max) : ctx(c), sem(concurrency), options(o), max_pages(max) {
        sem.set_name("sem");   // as areq.py names it
    }
    Context& ctx;
    Semaphore sem;
    FetchOptions options;
    int64_t max_pages;
    Links seen;   // pages fetched or about to be, without fragments
    std::unique_ptr<SampleSite> site;   // with virtual_network: answers the sample site's URLs
    bool output_full = false;

    PageReport& page(const std::string& url) {
        for (PageReport& r : ctx.pages)
            if (r.url == url) return r;
        ctx.pages.push_back({.url = url});
        return ctx.pages.back();
    }
    void info(const std::string& m) { ctx.print("INFO:areq: " + m); }
    void error(const std::string& m) { ctx.print("ERROR:areq: " + m); }

    void write(const std::string& line) {
        std::string& out = ctx.files["foundurls.txt"];
        if (output_full) return;
        if (out.size() + line.size() > kMaxOutput) {
            output_full = true;
            ctx.print("WARNING:areq: foundurls.txt reached " + std::to_string(kMaxOutput >> 10) +
                      " KiB; later results are not written");
            return;
        }
        out += line;
    }
};

Coro<std::string> fetch_html(Crawl& c, std::string url) {
    co_await frame_name("fetch_html(" + repr(url) + ")");
    c.page(url).state = "fetching";
    FetchOptions options = c.options;
    if (c.site) options.network = c.site->network_for(url);   // nullptr elsewhere: the host's network
    Response resp = co_await fetch(url, options);
    c.page(url).status = resp.status;
    c.page(url).bytes = resp.body.size();
    c.page(url).truncated = resp.truncated;
    if (resp.status >= 400) {
        throw FetchError(FetchError::Kind::Network, "[" + std::to_string(resp.status) + "]: " + reason_phrase(resp.status));
    }
    c.info("Got response [" + std::to_string(resp.status) + "] for URL: " + url);
    co_return std::move(resp.body);
}

Coro<Links> parse(Crawl& c, std::string url) {
    co_await frame_name("parse(" + repr(url) + ")");
    Links found;
    std::string html;
    try {
        auto held = co_await c.sem.hold();
        html = co_await fetch_html(c, url);
    } catch (const FetchError& e) {
        // An HTTP error carries "[status]: reason"; a failed request has no status.
        const std::string what = e.what();
        c.page(url).state = "failed";
        const int status = c.page(url).status;
        c.page(url).error = what.starts_with("[") ? "HTTP " + std::to_string(status) + " " + reason_phrase(status) : what;
        c.error("aiohttp exception for " + url + " " + (what.starts_with("[") ? what : "[None]: " + what));
        co_return found;
    }
    for (const std::string& link : find_hrefs(html)) {
        try {
            found.add(urljoin(url, link));
        } catch (const std::invalid_argument&) {
            c.error("Error parsing URL: " + link);
        }
    }
    c.page(url).state = "done";
    c.page(url).links = found.order.size();
    // The script reads whole bodies; here a cut one would otherwise look complete.
    c.info("Found " + std::to_string(found.order.size()) + " links for " + url +
           (c.page(url).truncated ? " (body cut at " + std::to_string(kMaxPageBody >> 20) +
                                        " MiB: links past it are not listed or followed)"
                                  : ""));
    co_return found;
}

Coro<void> write_one(Crawl& c, std::string url, int64_t depth) {
    co_await frame_name("write_one(" + repr(url) + ")");
    Links res = co_await parse(c, url);
    if (!res.order.empty()) {
        for (const std::string& p : res.order) c.write(url + "\t" + p + "\n");
        c.info("Wrote results for source URL: " + url);
    }
    if (depth == 0) co_return;
    const std::string here = origin_of(url);
    std::vector<Coro<void>> follow;
    for (const std::string& p : res.order) {
        const std::string page = without_fragment(p);
        if (origin_of(page) != here || c.seen.seen.count(page) ||
            static_cast<int64_t>(c.seen.order.size()) >= c.max_pages)
            continue;
        c.seen.add(page);
        c.page(page);   // queued
        follow.push_back(write_one(c, page, depth - 1));
    }
    co_await gather(std::move(follow));
}

// The URL list as the script reads urls.txt: stripped lines, blank ones skipped, duplicates
// dropped. Lines that are not http(s) URLs are reported and skipped; relative ones resolve
// against the page's address when there is one.
std::vector<std::string> read_urls(Context& ctx, const std::string& text) {
    Links urls;
    size_t line_no = 0;
    for (size_t at = 0; at < text.size();) {
        size_t nl = text.find('\n', at);
        if (nl == std::string::npos) nl = text.size();
        std::string line = text.substr(at, nl - at);
        at = nl + 1;
        ++line_no;
        const size_t b = line.find_first_not_of(" \t\r\f\v");
        if (b == std::string::npos) continue;
        line = line.substr(b, line.find_last_not_of(" \t\r\f\v") - b + 1);
        std::string url = line;
        if (!is_http_url(url) && !ctx.base_url.empty() && url.find("://") == std::string::npos) {
            try {
                url = urljoin(ctx.base_url, url);
            } catch (const std::invalid_argument&) {
            }
        }
        if (!is_http_url(url)) {
            ctx.print("WARNING:areq: urls line " + std::to_string(line_no) + " skipped: " + repr(line) +
                      " is not an http(s) URL");
            continue;
        }
        urls.add(url);
    }
    return urls.order;
}

Coro<void> program(Context& ctx, Params p) {
    co_await frame_name("bulk_crawl_and_write()");
    const auto max_pages = std::get<int64_t>(p["max_pages"]);
    std::vector<std::string> urls = read_urls(ctx, std::get<std::string>(p["urls"]));
    if (static_cast<int64_t>(urls.size()) > max_pages) {
        ctx.print("WARNING:areq: crawling the first " + std::to_string(max_pages) + " of " +
                  std::to_string(urls.size()) + " URLs (max_pages)");
        urls.resize(static_cast<size_t>(max_pages));
    }
    ctx.files["foundurls.txt"] = "source_url\tparsed_url\n";
    auto c = std::make_unique<Crawl>(ctx, static_cast<int>(std::get<int64_t>(p["concurrency"])),
                                     FetchOptions{.timeout = std::get<double>(p["timeout"]), .max_body = kMaxPageBody}, max_pages);
    if (std::get<bool>(p["virtual_network"]) && !ctx.base_url.empty())
        c->site = std::make_unique<SampleSite>(ctx.loop, sample_site_root(ctx.base_url), std::get<double>(p["latency_min"]),
                                               std::get<double>(p["latency_max"]));
    for (const std::string& u : urls) {
        c->seen.add(without_fragment(u));
        c->page(u);   // queued
    }
    const auto depth = std::get<int64_t>(p["depth"]);
    std::vector<Coro<void>> tasks;
    for (const std::string& u : urls) tasks.push_back(write_one(*c, u, depth));
    co_await gather(std::move(tasks));
}


}  // namespace

const Demo& crawler_demo() {
    static const Demo demo{
        .name = "crawler",
        .title = "crawler: fetch pages, collect their links",
        .script = "areq.py",
        .summary = "Every URL is fetched at once, as its own coroutine; each page's links are found with "
                   "areq.py's regex, resolved with urljoin and written to foundurls.txt. Slow or failing "
                   "requests hold up nobody else.",
        .params = {
            {"urls", Param::Kind::Text, std::string(kDefaultUrls), 1, 0, 64 << 10,
             "the urls.txt text: one URL per line (relative ones resolve against the page)", {}, Param::Shown::Never},
            {"concurrency", Param::Kind::Int, int64_t{10}, 1, 100, 0, "requests in flight at most (a Semaphore)"},
            {"timeout", Param::Kind::Float, 10.0, 0.1, 120, 0, "seconds before a request gives up"},
            {"depth", Param::Kind::Int, int64_t{0}, 0, 5, 0, "follow same-origin links this many levels deep"},
            {"max_pages", Param::Kind::Int, int64_t{100}, 1, 1000, 0, "pages fetched at most, listed and followed"},
            {"virtual_network", Param::Kind::Bool, true, 0, 0, 0,
             "sample-site/ answers from the virtual network, latency_min..latency_max s a page; off: fetch() it "
             "(other URLs always)", {}, Param::Shown::Never},
            {"latency_min", Param::Kind::Float, 0.5, 0, 30, 0, "fewest seconds a sample-site page takes on the virtual network", {}, Param::Shown::Never},
            {"latency_max", Param::Kind::Float, 1.5, 0, 30, 0,
             "most seconds a sample-site page takes on the virtual network (fixed per page; slow* pages 2 s more)", {},
             Param::Shown::Never},
        },
        .python = kPython,
        .await_lines = {
            {{"fetch_html", "fetch"}, 21},
            {{"parse", "semaphore"}, 30},
            {{"write_one", "gather"}, 64},
            {{"bulk_crawl_and_write", "gather"}, 73},
        },
        .main = program,
        .panels = {Panel::Resources, Panel::Pages},
        .real_requests = true,
        .output_file = "foundurls.txt",
    };
    return demo;
}

}  // namespace aio::demos
