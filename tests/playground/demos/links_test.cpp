// Tests for playground/demos/links.hpp: hand-written cases that run everywhere, and generated
// HTML snippets checked against re.findall in a live /usr/bin/python3 natively.
#include "playground/demos/links.hpp"

#include "tests/support/cpython.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using aio::demos::find_hrefs;
using list = std::vector<std::string>;

TEST(FindHrefs, finds_each_double_quoted_href_in_order) {
    // CPython 3.11: ['/a', 'b?c=1&amp;d'] (no entity decoding).
    EXPECT_EQ(find_hrefs(R"(<a href="/a">x</a><a href="b?c=1&amp;d">)"), (list{"/a", "b?c=1&amp;d"}));
    EXPECT_EQ(find_hrefs(R"(href="")"), list{""});
    EXPECT_EQ(find_hrefs(""), list{});
}

TEST(FindHrefs, ignores_other_spellings_and_unclosed_quotes) {
    // CPython 3.11: [] for HREF="x" href='y' href ="z", and [] for href="abc.
    EXPECT_EQ(find_hrefs(R"(HREF="x" href='y' href ="z")"), list{});
    EXPECT_EQ(find_hrefs(R"(href="abc)"), list{});
}

TEST(FindHrefs, newline_voids_a_match_but_carriage_return_does_not) {
    // CPython 3.11: 'href="a\nb" href="c"' -> ['c'], 'href="a\rb"' -> ['a\rb'].
    EXPECT_EQ(find_hrefs("href=\"a\nb\" href=\"c\""), list{"c"});
    EXPECT_EQ(find_hrefs("href=\"a\rb\""), list{"a\rb"});
}

TEST(FindHrefs, stops_at_the_first_closing_quote) {
    // CPython 3.11: 'href="href="x"' -> ['href='].
    EXPECT_EQ(find_hrefs(R"(href="href="x")"), list{"href="});
}

#ifndef __EMSCRIPTEN__

std::string gen_html(std::mt19937& rng) {
    static const list pieces = {"href=\"", "href=\"", "href='", "href =\"", "HREF=\"", "\"", "\"",
        "'", "\n", "\r", "\r\n", "a", "/x?y=1&amp;z", " ", "<a ", ">", "</a>", "\u00e9", "href=\"\"",
        "=", "h", "ref=\"", "\t", "href", "\"\"", "<a href=\"/p\">"};
    std::string s;
    for (size_t i = 0, n = rng() % 16; i < n; ++i) s += pieces[rng() % pieces.size()];
    return s;
}



// Per snippet: the match count, then each match as hex ("-" when empty).
const std::string findall_script = R"(import re, sys
print("%d.%d" % sys.version_info[:2])
for line in open(sys.argv[1]):
    html = bytes.fromhex(line.strip()).decode()
    found = re.findall(r"href=\"(.*?)\"", html)
    print(len(found), *[m.encode().hex() or "-" for m in found])
)";

std::string mine(std::string_view html) {
    list found = find_hrefs(html);
    std::string out = std::to_string(found.size());
    for (const auto& m : found) out += " " + (m.empty() ? "-" : aio_test::to_hex(m));
    return out;
}

#endif

TEST(FindHrefs, matches_cpython_findall_on_20000_generated_snippets) {
#ifdef __EMSCRIPTEN__
    GTEST_SKIP() << "needs /usr/bin/python3 (native only)";
#else
    std::mt19937 rng{20240612};
    list snippets, lines;
    for (int i = 0; i < 20000; ++i) {
        snippets.push_back(gen_html(rng));
        lines.push_back(aio_test::to_hex(snippets.back()));
    }
    const auto c = aio_test::compare_with_cpython(
        findall_script, lines, [&](size_t i) { return mine(snippets[i]); },
        [&](size_t i) { return "html hex " + lines[i]; });
    if (!c.skipped.empty()) GTEST_SKIP() << c.skipped;
    for (const std::string& f : c.first) ADD_FAILURE() << f;
    EXPECT_EQ(c.mismatches, 0u) << "of " << snippets.size() << " snippets";
#endif
}

} // namespace
