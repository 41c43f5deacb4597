// sleep (runtime/sleep.hpp): NaN and infinite delays rejected, negative ones count as zero.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace {

TEST(Sleep, nan_or_infinite_delays_are_rejected) {
    aio::run([]() -> aio::Coro<void> {
        EXPECT_THROW(aio::sleep(std::nan("")), std::invalid_argument);
        EXPECT_THROW(aio::sleep(std::numeric_limits<double>::infinity()), std::invalid_argument);
        co_return;
    }());
}

TEST(Sleep, negative_delay_counts_as_zero) {
    double t = aio::run([]() -> aio::Coro<double> {
        co_await aio::sleep(-5);
        co_return aio::get_running_loop().time();
    }());
    EXPECT_EQ(t, 0.0);
}

}  // namespace
