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

// An async generator's steps, as a recorder hears them: each __anext__, each yield with its value
// and the return, all in the iterating task (it has none of its own).
struct GeneratorCalls final : aio::Recorder {
    std::vector<std::string> lines;
    void on_task_created(const aio::TaskBase&) override {}
    void on_task_state(const aio::TaskBase&, aio::TaskState) override {}
    void on_iteration(const aio::Loop& loop) override { lines.push_back("iteration " + std::to_string(loop.iteration())); }
    static std::string label(const aio::detail::FrameBase& gen) { return gen.label ? *gen.label : "?"; }
    void on_asyncgen_anext(const aio::TaskBase& t, const aio::detail::FrameBase& gen) override { lines.push_back(t.name() + " anext " + label(gen)); }
    void on_asyncgen_yield(const aio::TaskBase& t, const aio::detail::FrameBase& gen, const std::string& value) override {
        lines.push_back(t.name() + " got " + value + " from " + label(gen));
    }
    void on_asyncgen_return(const aio::TaskBase& t, const aio::detail::FrameBase& gen) override { lines.push_back(t.name() + " saw " + label(gen) + " return"); }
};

aio::AsyncGenerator<int> named_powers(int u) {
    co_await aio::frame_name("powers(" + std::to_string(u) + ")");
    for (int i = 0; i < u; ++i) {
        co_yield 1 << i;
        co_await aio::sleep(0.1);
    }
}

TEST(AsyncGenerator, reports_each_anext_yield_and_return_in_the_iterating_task) {
    aio::Loop loop;
    GeneratorCalls calls;
    loop.set_recorder(&calls);
    auto main = aio::create_task(loop, aio::collect(named_powers(2)), "main");
    aio::VirtualHost(loop).run_until_complete(*main.base());
    EXPECT_EQ(calls.lines, (std::vector<std::string>{
                               "iteration 1", "main anext ?", "main got 1 from powers(2)", "main anext powers(2)",
                               "iteration 2",   // the sleep's timer
                               "iteration 3", "main got 2 from powers(2)", "main anext powers(2)",
                               "iteration 4", "iteration 5", "main saw powers(2) return",
                               "iteration 6"}));   // main's done-callbacks
    loop.set_recorder(nullptr);
}

}  // namespace
