// repr (runtime/repr.hpp): values written as Python's repr() writes them.
#include "tests/runtime/log.hpp"
#include "runtime/repr.hpp"

#include <gtest/gtest.h>

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
