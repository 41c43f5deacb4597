// repr (runtime/repr.hpp): values written as Python's repr() writes them.
#include "tests/runtime/log.hpp"
#include "runtime/repr.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace {

TEST(Repr, matches_python) {
    EXPECT_EQ(aio::repr(std::string("it's")), "\"it's\"");
    EXPECT_EQ(aio::repr(std::string("a\nb")), "'a\\nb'");
    EXPECT_EQ(aio::repr(0.1), "0.1");
    EXPECT_EQ(aio::repr(1.0), "1.0");
    EXPECT_EQ(aio::repr(1e16), "1e+16");
    EXPECT_EQ(aio::repr(0.0001), "0.0001");
    EXPECT_EQ(aio::repr(0.00001), "1e-05");
    EXPECT_EQ(aio::repr(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(aio::repr(std::vector<int>{1, 2}), "[1, 2]");
    EXPECT_EQ(aio::repr(std::make_tuple(1, std::string("a"))), "(1, 'a')");
}

}  // namespace

// format_g must write what printf's %g writes, on its fast path (whole milliseconds under 1000 s)
// and off it.
TEST(FormatG, writes_what_printf_g_writes) {
    auto printf_g = [](double d) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", d);
        return std::string(buf);
    };
    std::vector<double> values{0.0, -0.0, 1.0, 0.5, 0.001, 0.1, 0.25, 999.999, 1000.0, 1e6, 1e-5, 123456.789,
                               -1.5, -0.001, 0.0005, 1.0 / 3, 2.675, 1e300, std::nan(""), INFINITY, -INFINITY};
    for (int m = 0; m < 1000000; m += 997) values.push_back(m / 1000.0);
    for (int m = 0; m < 3000; ++m) values.push_back(m / 1000.0);
    for (int m = 0; m < 3000; ++m) values.push_back(m / 1000.0 + 1e-9);   // just off a millisecond
    for (double d : values) EXPECT_EQ(aio::format_g(d), printf_g(d)) << d;
}
