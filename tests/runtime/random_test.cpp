// Tests for runtime/random.hpp: every draw is checked against a live /usr/bin/python3,
// so the expected numbers come from CPython itself rather than from pasted tables.
#include "runtime/random.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::vector<int64_t> seeds = {0, 1, 444, 1LL << 31, (1LL << 40) + 7, -5, 123456789012345};

// One line of CPython output per seed, split into words. `body` is printed once per seed right
// after `random.seed(s)`; it must not contain single quotes (it goes through the shell).
std::vector<std::vector<std::string>> cpython(const std::string& body, const std::vector<int64_t>& seed_list) {
    std::string py_seeds;
    for (int64_t s : seed_list) py_seeds += std::to_string(s) + ",";
    std::string script =
        "import random\nfor s in [" + py_seeds + "]:\n    random.seed(s)\n    print(" + body + ")\n";
    std::vector<std::vector<std::string>> lines;
#ifndef __EMSCRIPTEN__
    FILE* pipe = popen(("/usr/bin/python3 -c '" + script + "'").c_str(), "r");
    if (!pipe) return lines;
    std::string out;
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    pclose(pipe);
    std::istringstream text(out);
    for (std::string line; std::getline(text, line);) {
        std::istringstream words(line);
        lines.emplace_back();
        for (std::string w; words >> w;) lines.back().push_back(w);
    }
#endif
    return lines;
}

// Feeds CPython's words for each seed to a fresh copy of `draw` (so it may keep per-seed state),
// which makes the same call on an aio::Random and says whether the results agree.
template <class Draw>
void expect_matches_cpython(const std::string& body, Draw draw, const std::vector<int64_t>& seed_list = seeds) {
    auto expected = cpython(body, seed_list);
    ASSERT_EQ(expected.size(), seed_list.size()) << "could not run /usr/bin/python3 for: " << body;
    for (size_t i = 0; i < seed_list.size(); ++i) {
        ASSERT_FALSE(expected[i].empty()) << "no output for seed " << seed_list[i];
        aio::Random rng(seed_list[i]);
        Draw fresh = draw;
        for (size_t j = 0; j < expected[i].size(); ++j)
            ASSERT_TRUE(fresh(rng, expected[i][j]))
                << "seed " << seed_list[i] << ", value " << j << ", CPython gave " << expected[i][j];
    }
}

bool same_int(int64_t got, const std::string& want) { return got == std::strtoll(want.c_str(), nullptr, 10); }

// Python's repr of a float round-trips, so strtod gives back the exact double.
bool same_double(double got, const std::string& want) { return got == std::strtod(want.c_str(), nullptr); }

// The CPython comparisons need a python3 process, which Node-run WebAssembly tests don't have.
class RandomVsCpython : public testing::Test {
protected:
    void SetUp() override {
#ifdef __EMSCRIPTEN__
        GTEST_SKIP() << "needs /usr/bin/python3 (native only)";
#endif
    }
};

TEST_F(RandomVsCpython, randint_small_range_matches) {
    expect_matches_cpython("*[random.randint(0, 10) for _ in range(200)]",
                           [](aio::Random& r, const std::string& w) { return same_int(r.randint(0, 10), w); });
}

TEST_F(RandomVsCpython, randint_wide_range_matches) {
    expect_matches_cpython("*[random.randint(-3, 1000000) for _ in range(50)]",
                           [](aio::Random& r, const std::string& w) { return same_int(r.randint(-3, 1000000), w); });
}

TEST_F(RandomVsCpython, getrandbits_matches_for_every_width) {
    const std::vector<int> widths = {1, 7, 31, 32, 33, 63, 64};  // 20 draws each, in this order
    expect_matches_cpython("*[random.getrandbits(k) for k in [1, 7, 31, 32, 33, 63, 64] for _ in range(20)]",
                           [&, n = 0](aio::Random& r, const std::string& w) mutable {
                               int k = widths[n++ / 20];
                               return r.getrandbits(k) == std::strtoull(w.c_str(), nullptr, 10);
                           });
}

TEST_F(RandomVsCpython, random_matches_bit_for_bit) {
    expect_matches_cpython("*[repr(random.random()) for _ in range(100)]",
                           [](aio::Random& r, const std::string& w) { return same_double(r.random(), w); });
}

TEST_F(RandomVsCpython, uniform_matches_bit_for_bit) {
    expect_matches_cpython("*[repr(random.uniform(-2.5, 10.0)) for _ in range(50)]",
                           [](aio::Random& r, const std::string& w) { return same_double(r.uniform(-2.5, 10.0), w); });
}

TEST_F(RandomVsCpython, randrange_matches_narrow_and_wide) {
    const std::vector<std::pair<int64_t, int64_t>> ranges = {{-50, 50}, {0, 1LL << 40}, {-(1LL << 62), 1LL << 62}, {7, 8}};
    expect_matches_cpython(
        "*[random.randrange(a, b) for a, b in [(-50, 50), (0, 2**40), (-2**62, 2**62), (7, 8)] for _ in range(30)]",
        [&, n = 0](aio::Random& r, const std::string& w) mutable {
            auto [a, b] = ranges[n++ / 30];
            return same_int(r.randrange(a, b), w);
        });
}

TEST_F(RandomVsCpython, choice_and_shuffle_match) {
    // 30 choices from range(20), then the list shuffled three times, printed after each shuffle.
    std::vector<int64_t> start(20);
    std::iota(start.begin(), start.end(), 0);
    expect_matches_cpython(
        "*[random.choice(x) for x in [list(range(20))] for _ in range(30)], "
        "*[v for x in [list(range(20))] for _ in range(3) for v in (random.shuffle(x) or x)]",
        [n = 0, items = start](aio::Random& r, const std::string& w) mutable {
            int i = n++;
            if (i < 30) return same_int(r.choice(items), w);
            if ((i - 30) % 20 == 0) r.shuffle(items);
            return same_int(items[(i - 30) % 20], w);
        });
}

TEST_F(RandomVsCpython, extreme_seeds_and_full_int64_range_match) {
    // getrandbits(64) x 5 then randint over all of int64 x 5 (a 65-bit draw in CPython).
    expect_matches_cpython(
        "*[random.getrandbits(64) for _ in range(5)], *[random.randint(-2**63, 2**63 - 1) for _ in range(5)]",
        [n = 0](aio::Random& r, const std::string& w) mutable {
            if (n++ < 5) return r.getrandbits(64) == std::strtoull(w.c_str(), nullptr, 10);
            return same_int(r.randint(INT64_MIN, INT64_MAX), w);
        },
        {INT64_MIN, INT64_MAX, 1LL << 32, (1LL << 32) - 1});
}

// Runs in the web build too: the walkthrough's numbers.
TEST(Random, seed_444_randint_0_10_gives_walkthrough_values) {
    // CPython 3.11's output for random.seed(444); [random.randint(0, 10) for _ in range(6)].
    const int64_t expected[] = {4, 4, 0, 4, 7, 4};
    aio::Random rng(444);
    for (int64_t want : expected) EXPECT_EQ(rng.randint(0, 10), want);
}

TEST(Random, reseeding_restarts_the_sequence) {
    aio::Random rng(7);
    double first = rng.random();
    rng.seed(7);
    EXPECT_EQ(rng.random(), first);
}

TEST(Random, empty_range_names_the_bounds) {
    aio::Random rng;
    try {
        rng.randint(3, 1);
        FAIL() << "randint(3, 1) should throw";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "randint: empty range (3, 1)");
    }
    EXPECT_THROW(rng.randrange(5, 5), std::invalid_argument);
    EXPECT_THROW(rng.choice(std::vector<int>{}), std::out_of_range);
    EXPECT_THROW(rng.getrandbits(65), std::invalid_argument);
}

}  // namespace
