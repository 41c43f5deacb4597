// Tests for playground/demos/urljoin.hpp: hand-written cases that run everywhere, and 30,000
// generated base/link pairs (urljoin, is_http_url) and URLs (urldefrag) checked against a live
// /usr/bin/python3 (CPython 3.11) natively.
#include "playground/demos/urljoin.hpp"

#include "tests/support/cpython.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using aio::demos::is_http_url;
using aio::demos::urldefrag;
using aio::demos::urljoin;

// The RFC 3986 section 5.4 base, as in CPython's test_urlparse.
constexpr const char* rfc_base = "http://a/b/c/d;p?q";

TEST(Urljoin, resolves_rfc3986_examples_like_cpython) {
    // CPython 3.11: urljoin("http://a/b/c/d;p?q", link) for each link below.
    EXPECT_EQ(urljoin(rfc_base, "g"), "http://a/b/c/g");
    EXPECT_EQ(urljoin(rfc_base, "../g"), "http://a/b/g");
    EXPECT_EQ(urljoin(rfc_base, "../../../g"), "http://a/g");
    EXPECT_EQ(urljoin(rfc_base, "/./g"), "http://a/g");
    EXPECT_EQ(urljoin(rfc_base, "./../g"), "http://a/b/g");
    EXPECT_EQ(urljoin(rfc_base, "g."), "http://a/b/c/g.");
    EXPECT_EQ(urljoin(rfc_base, "g;x?y#s"), "http://a/b/c/g;x?y#s");
}

TEST(Urljoin, trailing_dot_segments_keep_a_trailing_slash) {
    // CPython 3.11: "." -> "http://a/b/c/", ".." -> "http://a/b/", "g/../.." -> "http://a/b/".
    EXPECT_EQ(urljoin(rfc_base, "."), "http://a/b/c/");
    EXPECT_EQ(urljoin(rfc_base, ".."), "http://a/b/");
    EXPECT_EQ(urljoin(rfc_base, "g/../.."), "http://a/b/");
}

TEST(Urljoin, empty_query_only_and_fragment_only_links_keep_the_base_path) {
    // CPython 3.11: "" -> base, "?y" -> "http://a/b/c/d;p?y", "#s" -> "http://a/b/c/d;p?q#s".
    EXPECT_EQ(urljoin(rfc_base, ""), rfc_base);
    EXPECT_EQ(urljoin(rfc_base, "?y"), "http://a/b/c/d;p?y");
    EXPECT_EQ(urljoin(rfc_base, "#s"), "http://a/b/c/d;p?q#s");
    EXPECT_EQ(urljoin(rfc_base, "?a=1&amp;b=2"), "http://a/b/c/d;p?a=1&amp;b=2");
    EXPECT_EQ(urljoin("", "g"), "g");
}

TEST(Urljoin, other_hosts_and_schemes) {
    // CPython 3.11: "//g" -> "http://g", "HTTP://UPPER/" -> "http://UPPER/", "http:g" ->
    // "http://a/b/c/g", and mailto:, javascript:, https:// links come back unchanged.
    EXPECT_EQ(urljoin(rfc_base, "//g"), "http://g");
    EXPECT_EQ(urljoin("http://example.com/a/b", "//other.org"), "http://other.org");
    EXPECT_EQ(urljoin(rfc_base, "HTTP://UPPER/"), "http://UPPER/");
    EXPECT_EQ(urljoin(rfc_base, "http:g"), "http://a/b/c/g");
    EXPECT_EQ(urljoin(rfc_base, "mailto:x@y"), "mailto:x@y");
    EXPECT_EQ(urljoin(rfc_base, "javascript:void(0)"), "javascript:void(0)");
    EXPECT_EQ(urljoin(rfc_base, "https://other/x"), "https://other/x");
    EXPECT_EQ(urljoin("https://u:pw@example.com:8080/dir/", "../../x?y#z"),
              "https://u:pw@example.com:8080/x?y#z");
    EXPECT_EQ(urljoin("http://example.com", "a"), "http://example.com/a");
}

TEST(Urljoin, strips_leading_blanks_and_drops_tabs_and_newlines) {
    // CPython 3.11: "  /x" -> "http://a/x", "\t../x\n/y" -> "http://a/b/x/y".
    EXPECT_EQ(urljoin(rfc_base, "  /x"), "http://a/x");
    EXPECT_EQ(urljoin(rfc_base, "\t../x\n/y"), "http://a/b/x/y");
}

TEST(Urljoin, throws_where_cpython_raises_value_error) {
    // CPython 3.11: "//[::1" and "//[nope]/" raise "Invalid IPv6 URL" / "does not appear to be an
    // IPv4 or IPv6 address"; "//ex℀.com/" raises "contains invalid characters under NFKC".
    EXPECT_THROW(urljoin("http://a/", "//[::1"), std::invalid_argument);
    EXPECT_THROW(urljoin("http://a/", "//[nope]/"), std::invalid_argument);
    EXPECT_THROW(urljoin("http://a/", "//ex\u2100.com/"), std::invalid_argument);
    EXPECT_EQ(urljoin("http://a/", "//[::1]:80/x"), "http://[::1]:80/x");
}

TEST(Urljoin, throws_on_bytes_that_are_not_utf8_as_decoding_them_raises) {
    // b"//\xef\xef\xbc\x8f".decode() raises UnicodeDecodeError (a ValueError): the first 0xef
    // lacks its continuation bytes. Read leniently, the rest would hide U+FF0F from the NFKC check.
    EXPECT_THROW(urljoin("http://a/", "//\xef\xef\xbc\x8f"), std::invalid_argument);
    EXPECT_THROW(urljoin("http://a/", "//\xef\xbc\x8f"), std::invalid_argument);   // U+FF0F itself
    EXPECT_THROW(urljoin("http://a/", "x\xff"), std::invalid_argument);
    EXPECT_THROW(urljoin("", "\xc3"), std::invalid_argument);        // even where the base is empty
    EXPECT_THROW(urljoin("http://\xed\xa0\x80/", ""), std::invalid_argument);   // a surrogate
    EXPECT_EQ(urljoin("http://a/", "\xc3\xa9"), "http://a/\xc3\xa9");
    EXPECT_FALSE(is_http_url("http://a\xef\xef/"));
    EXPECT_TRUE(is_http_url("http://\xc3\xa9/"));
}

using Defragged = std::pair<std::string, std::string>;   // url, fragment

TEST(Urldefrag, drops_the_fragment_and_an_empty_query_or_params) {
    // CPython 3.11: urldefrag(u) for each u below.
    auto defrag = [](std::string_view u) {
        auto r = urldefrag(u);
        return Defragged{r.url, r.fragment};
    };
    EXPECT_EQ(defrag("http://a/b?#part"), Defragged("http://a/b", "part"));
    EXPECT_EQ(defrag("http://a/b;?#"), Defragged("http://a/b", ""));
    EXPECT_EQ(defrag("http://a/b;p?q#f"), Defragged("http://a/b;p?q", "f"));
    EXPECT_EQ(defrag("HTTP://A/b#f"), Defragged("http://A/b", "f"));
    EXPECT_EQ(defrag("http://a/b?"), Defragged("http://a/b?", ""));   // no '#': as is
    EXPECT_EQ(defrag("mailto:x;y#z"), Defragged("mailto:x;y", "z"));
    EXPECT_THROW(urldefrag("http://[::1#x"), std::invalid_argument);
    EXPECT_THROW(urldefrag("http://a/\xff#x"), std::invalid_argument);
}

TEST(IsHttpUrl, needs_http_or_https_and_a_host) {
    EXPECT_TRUE(is_http_url("http://example.com"));
    EXPECT_TRUE(is_http_url("HTTPS://u@[::1]:8/x"));
    EXPECT_FALSE(is_http_url("ftp://example.com/"));
    EXPECT_FALSE(is_http_url("http:///path"));
    EXPECT_FALSE(is_http_url("http://user@:80/"));
    EXPECT_FALSE(is_http_url("http://[::1/"));
    EXPECT_FALSE(is_http_url("example.com/page"));
}

#ifndef __EMSCRIPTEN__

// Fixed seed and modulo draws: the same pairs on every machine and standard library.
struct Gen {
    std::mt19937 rng{20240611};
    size_t below(size_t n) { return rng() % n; }
    std::string pick(const std::vector<std::string>& xs) { return xs[below(xs.size())]; }
};

std::string gen_path(Gen& g, bool absolute) {
    static const std::vector<std::string> segs = {
        "a", "b", "dir", "c.html", "..", ".", "", "x;p", "%7E", "...", ".a", "é"};
    std::string p = absolute ? "/" : "";
    for (size_t i = 0, n = g.below(5); i < n; ++i) {
        if (i) p += "/";
        p += g.pick(segs);
    }
    if (g.below(4) == 0) p += "/";
    return p;
}

std::string gen_suffix(Gen& g) {
    static const std::vector<std::string> queries = {"", "", "", "?", "?x=1", "?a=1&amp;b=2", "?q=a/b"};
    static const std::vector<std::string> frags = {"", "", "", "#", "#top", "#a/b?c"};
    return g.pick(queries) + g.pick(frags);
}

// Hosts that urlsplit must accept or reject as CPython does (brackets, IPv6 forms, NFKC).
const std::vector<std::string> odd_hosts = {
    "other.org", "h", "u@h:1", "", "[::2]", "[1:2:3:4:5:6:7::8]", "[1:2:3:4:5:6:7:8]",
    "[1:2:3:4:5:6:7:8:9]", "[::1:2:3:4:5:6:7]", "[1::2::3]", "[:1:2:3:4:5:6:7]", "[12345::]",
    "[::ffff:1.2.3.4]", "[::ffff:01.2.3.4]", "[::1.2.3]", "[::256.1.1.1]", "[1.2.3.4]",
    "[v1.x]", "[v1.]", "[v.x]", "[vg.x]", "[V1.x]", "[fe80::1%25x]", "[fe80::1%]", "[::1/8]",
    "x[::1]", "[::1]x", "[::1]:x", "[::1]:", "u[@[::1]", "u]@h", "ex\u2100.com", "a\uff0fb",
    "\u00fcn\u00ef.com", "H\u00c9.example"};

std::string gen_base(Gen& g) {
    std::string s = g.pick({"http", "https", "HTTP", "https"}) + "://";
    s += g.pick({"", "", "", "user@", "u:pw@", "@"});
    s += g.below(10) ? g.pick({"example.com", "a.b.example.org", "localhost", "127.0.0.1", "[::1]",
                               "[2001:db8::7]", "EXAMPLE.COM"})
                     : g.pick(odd_hosts);
    s += g.pick({"", "", "", ":8080", ":80", ":"});
    if (size_t kind = g.below(5); kind == 1) s += "/";
    else if (kind > 1) s += gen_path(g, true);
    return s + gen_suffix(g);
}

std::string gen_link(Gen& g) {
    static const std::vector<std::string> odd = {
        "", ".", "..", "./", "../", "../../../../x", "...", "/.", "/..", "//..", "//", "///x",
        "?", "#", ";x", ";x?y", "mailto:x@y", "javascript:void(0)", "HTTP://UPPER/",
        "https://other/x", "http:rel/path", "https:foo", "ftp://x/y", "data:text/plain,hi",
        "tel:+123", "file:///etc", "news:comp.lang", "localhost:8080/x", "a:b", "1a:b", "c++:x",
        "svn+ssh://h/p", "//[::1]/x", "//[::1", "//[v1.x]/", "//[nope]/", "//[::ffff:1.2.3.4]:80/",
        "//[fe80::1%25eth0]/", "//a]b/", "//u[x]@h/", "//ex\u2100.com/", "//\u00fcn\u00ef.com/",
        "  /x", "\t../x\n/y", "\x01http://h/", "ht\ttp://h/", "HtTpS://MiXeD/", "\\\\server\\x",
        "//\xef\xef\xbc\x8f", "//a\xff/", "//\xe2\x84/"};   // the last three are not UTF-8
    static const std::vector<std::string> soup = {
        "a", "/", ".", "..", ":", "?", "#", ";", "@", "[", "]", "%", "&amp;", "=", "+", "-", "~",
        "\u00e9", " ", "\\", "x:", "//",
        "\xef", "\xbc\x8f", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80"};   // not UTF-8 alone
    switch (g.below(10)) {
    case 0: return g.pick(odd);
    case 1: case 2: case 3: return gen_path(g, false) + gen_suffix(g);
    case 4: return gen_path(g, true) + gen_suffix(g);
    case 5: return "//" + g.pick(odd_hosts) + gen_path(g, true) + gen_suffix(g);
    case 6: return gen_suffix(g);
    case 7:
        return g.pick({"http:", "https:", "HTTP:", "ftp:", "mailto:", "ws:"}) + gen_path(g, g.below(2)) +
               gen_suffix(g);
    default: {
        std::string s;
        for (size_t i = 0, n = g.below(9); i < n; ++i) s += g.pick(soup);
        return s;
    }
    }
}


// Control bytes as \xNN, so a failure message shows exactly what was fed in.
std::string shown(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        char buf[8];
        std::snprintf(buf, sizeof buf, c < 0x20 || c == '"' ? "\\x%02x" : "%c", c);
        out += buf;
    }
    return out + "\"";
}


// Per pair: urljoin as hex ("-" if empty, "!" on ValueError), then is_http for base and link.
const std::string urljoin_script = R"(import sys
from urllib.parse import urljoin, urlsplit
def http(u):
    try:
        p = urlsplit(u.decode())
    except ValueError:
        return 0
    return int(p.scheme in ("http", "https") and bool(p.hostname))
print("%d.%d" % sys.version_info[:2])
for line in open(sys.argv[1]):
    b, u = (bytes.fromhex(x) for x in line.rstrip("\n").split(","))
    try:
        r = urljoin(b.decode(), u.decode()).encode().hex() or "-"
    except ValueError:  # UnicodeDecodeError too
        r = "!"
    print(r, http(b), http(u))
)";

std::string mine(std::string_view base, std::string_view link) {
    std::string joined;
    try {
        joined = urljoin(base, link);
        joined = joined.empty() ? "-" : aio_test::to_hex(joined);
    } catch (const std::invalid_argument&) {
        joined = "!";
    }
    return joined + " " + std::to_string(is_http_url(base)) + " " + std::to_string(is_http_url(link));
}

// Per URL: urldefrag's url and fragment as hex ("-" if empty), or "!" on ValueError.
const std::string urldefrag_script = R"(import sys
from urllib.parse import urldefrag
print("%d.%d" % sys.version_info[:2])
for line in open(sys.argv[1]):
    try:
        r = urldefrag(bytes.fromhex(line.rstrip("\n")).decode())
        print(r.url.encode().hex() or "-", r.fragment.encode().hex() or "-")
    except ValueError:
        print("!")
)";

std::string my_defrag(std::string_view url) {
    try {
        auto [u, f] = urldefrag(url);
        return (u.empty() ? "-" : aio_test::to_hex(u)) + " " + (f.empty() ? "-" : aio_test::to_hex(f));
    } catch (const std::invalid_argument&) {
        return "!";
    }
}

#endif

TEST(Urldefrag, matches_cpython_on_30000_generated_urls) {
#ifdef __EMSCRIPTEN__
    GTEST_SKIP() << "needs /usr/bin/python3 (native only)";
#else
    Gen g;
    std::vector<std::string> urls, lines;
    for (int i = 0; i < 30000; ++i) {
        std::string url = g.below(2) ? gen_base(g) : gen_link(g);
        // Half get an empty query or params before a fragment: what urlunparse drops.
        if (g.below(2)) url += g.pick({"?#", ";#", ";?#", "?#x", ";#x", ";x?#y", "#", "##"});
        urls.push_back(url);
        lines.push_back(aio_test::to_hex(url));
    }
    const auto c = aio_test::compare_with_cpython(
        urldefrag_script, lines, [&](size_t i) { return my_defrag(urls[i]); },
        [&](size_t i) { return "url " + shown(urls[i]) + " (hex url and fragment)"; });
    if (!c.skipped.empty()) GTEST_SKIP() << c.skipped;
    for (const std::string& f : c.first) ADD_FAILURE() << f;
    EXPECT_EQ(c.mismatches, 0u) << "of " << urls.size() << " URLs";
#endif
}

TEST(Urljoin, matches_cpython_on_30000_generated_pairs) {
#ifdef __EMSCRIPTEN__
    GTEST_SKIP() << "needs /usr/bin/python3 (native only)";
#else
    Gen g;
    std::vector<std::pair<std::string, std::string>> pairs;
    std::vector<std::string> lines;
    for (int i = 0; i < 30000; ++i) {
        // Every eighth pair swaps in an odd base, so empty and relative bases are covered too.
        std::string base = i % 8 == 7 ? gen_link(g) : gen_base(g);
        pairs.emplace_back(base, gen_link(g));
        lines.push_back(aio_test::to_hex(pairs.back().first) + "," + aio_test::to_hex(pairs.back().second));
    }
    const auto c = aio_test::compare_with_cpython(
        urljoin_script, lines, [&](size_t i) { return mine(pairs[i].first, pairs[i].second); },
        [&](size_t i) {
            return "base " + shown(pairs[i].first) + " link " + shown(pairs[i].second) +
                   " (hex result, is_http base, is_http link)";
        });
    if (!c.skipped.empty()) GTEST_SKIP() << c.skipped;
    for (const std::string& f : c.first) ADD_FAILURE() << f;
    EXPECT_EQ(c.mismatches, 0u) << "of " << pairs.size() << " pairs";
#endif
}

} // namespace
