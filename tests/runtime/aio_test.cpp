// aio.hpp (runtime/aio.hpp), the `import asyncio` of the runtime: included first and alone, it
// compiles and gives a program everything a Python asyncio script uses.
#include "runtime/aio.hpp"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace {

aio::Coro<int> after(double d, int v) {
    co_await aio::sleep(d);
    co_return v;
}

aio::AsyncGenerator<int> countdown(int n) {
    for (int i = n; i > 0; --i) {
        co_yield i;
        co_await aio::sleep(0);
    }
}

// One of everything, as a script would write it, with what each part gives back.
aio::Coro<std::vector<std::string>> script() {
    std::vector<std::string> seen;
    auto [a, b] = co_await aio::gather(after(1, 1), after(2, 2));
    seen.push_back("gather " + std::to_string(a + b));

    aio::Queue<int> q(2);
    auto producer = aio::create_task([](aio::Queue<int>& q) -> aio::Coro<void> {
        for (int i = 1; i <= 3; ++i) co_await q.put(i);
    }(q), "producer");
    int sum = 0;
    for (int i = 0; i < 3; ++i) sum += co_await q.get();
    co_await producer;
    seen.push_back("queue " + std::to_string(sum));

    aio::Lock lock;
    aio::Semaphore sem(2);
    aio::Event ev;
    ev.set();
    co_await ev.wait();
    auto held = co_await sem.hold();
    co_await lock.acquire();
    lock.release();
    seen.push_back("locks " + std::to_string(sem.value()) + " " + std::to_string(lock.locked()));

    try {
        co_await aio::wait_for(after(10, 0), 0.5);
    } catch (const aio::TimeoutError&) {
        seen.push_back("wait_for timed out");
    }
    try {
        co_await aio::timeout(0.5, after(10, 0));
    } catch (const aio::TimeoutError&) {
        seen.push_back("timeout expired");
    }
    seen.push_back("shield " + std::to_string(co_await aio::shield(after(1, 7))));

    std::vector<aio::Coro<int>> coros;
    coros.push_back(after(2, 2));
    coros.push_back(after(1, 1));
    auto ac = aio::as_completed(std::move(coros));
    const int first = co_await ac.next();
    const int second = co_await ac.next();
    seen.push_back("as_completed " + std::to_string(first) + std::to_string(second));

    co_await aio::task_group([&](aio::TaskGroup& tg) -> aio::Coro<void> {
        tg.create_task(after(1, 0), "in group");
        co_return;
    });
    std::vector<int> counted = co_await aio::collect(countdown(3));
    seen.push_back("generator " + std::to_string(counted.size()));

    aio::Random random(1);
    const int64_t r = random.randint(1, 6);
    seen.push_back(std::string("random ") + (r >= 1 && r <= 6 ? "in range" : "out of range"));
    seen.push_back("task " + aio::current_task()->name());
    co_return seen;
}

TEST(Aio, one_include_gives_a_script_everything_asyncio_has) {
    aio::Loop loop;
    const auto seen = aio::run(loop, script());
    EXPECT_EQ(seen, (std::vector<std::string>{"gather 3", "queue 6", "locks 1 0", "wait_for timed out",
                                              "timeout expired", "shield 7", "as_completed 12", "generator 3",
                                              "random in range", "task Task-1"}));
    // 2 (gather) + 0.5 + 0.5 + 1 (shield) + 2 (as_completed) + 1 (group): the clock is virtual.
    EXPECT_DOUBLE_EQ(loop.time(), 7.0);
}

}  // namespace
