// AsyncGenerator (runtime/generator.hpp): async for and comprehensions, as in asyncgen.py.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {

aio::AsyncGenerator<int> powers(int u) {
    for (int i = 0; i < u; ++i) {
        co_yield 1 << i;
        co_await aio::sleep(0.1);
    }
}

TEST(AsyncGenerator, collect_and_filter_like_the_walkthrough) {
    auto [all, filtered, t] = aio::run([]() -> aio::Coro<std::tuple<std::vector<int>, std::vector<int>, double>> {
        auto all = co_await aio::collect(powers(10));
        std::vector<int> filtered;
        auto g = powers(10);
        while (auto j = co_await g.next())
            if (!(*j / 3 % 5)) filtered.push_back(*j);
        co_return std::make_tuple(all, filtered, aio::get_running_loop().time());
    }());
    EXPECT_EQ(all, (std::vector<int>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512}));
    EXPECT_EQ(filtered, (std::vector<int>{1, 2, 16, 32, 256, 512}));
    EXPECT_NEAR(t, 2.0, 1e-9);
}

}  // namespace
