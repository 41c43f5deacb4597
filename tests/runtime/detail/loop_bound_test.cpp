// LoopBound (runtime/detail/loop_bound.hpp): as asyncio's _LoopBoundMixin, an object binds to the
// first loop that uses it and refuses any other.
#include "tests/runtime/log.hpp"
#include "runtime/detail/loop_bound.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace {

struct Thing : aio::detail::LoopBound {
    aio::Loop& use() { return get_loop("Thing"); }
    aio::Loop* bound() const { return loop_; }
};

std::string error_of_use(aio::Loop& loop, Thing& thing) {
    return aio::run(loop, [](Thing& thing) -> aio::Coro<std::string> {
        try {
            thing.use();
        } catch (const std::runtime_error& e) {
            co_return e.what();
        }
        co_return "(accepted)";
    }(thing));
}

TEST(LoopBound, binds_to_the_first_loop_that_uses_it) {
    Thing thing;
    aio::Loop first;
    EXPECT_EQ(thing.bound(), nullptr);
    EXPECT_EQ(error_of_use(first, thing), "(accepted)");
    EXPECT_EQ(thing.bound(), &first);
    EXPECT_EQ(error_of_use(first, thing), "(accepted)");
}

TEST(LoopBound, use_from_another_loop_raises_and_keeps_the_binding) {
    Thing thing;
    aio::Loop first, second;
    error_of_use(first, thing);
    EXPECT_EQ(error_of_use(second, thing), "Thing is bound to a different event loop");
    EXPECT_EQ(thing.bound(), &first);
}

TEST(LoopBound, use_outside_a_running_loop_raises_and_binds_nothing) {
    Thing thing;
    try {
        thing.use();
        ADD_FAILURE() << "used with no running loop";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "no running event loop");
    }
    EXPECT_EQ(thing.bound(), nullptr);
}

}  // namespace
