// runtime_bench: the runtime on four asyncio-shaped workloads, one machine-readable line each, for
// tests/bench/compare.py to set beside asyncio_bench.py (CPython, uvloop) and node_bench.mjs.
//   runtime_bench [--workload NAME|all] [--scale F] [--repeat R] [--record off|on]
#include "runtime/aio.hpp"
#include "runtime/trace.hpp"

#include <malloc.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

// Live heap bytes, as the usable size of every block operator new handed out and delete has not
// taken back. The runtime allocates through operator new, except the loop's ready-queue ring (malloc).
// Counting costs ~5% of an allocation-heavy run, so only a workload's first run counts.
static bool g_counting = false;
static long long g_live_bytes = 0;

static void* counted_alloc(size_t n) noexcept {
    void* p = std::malloc(n ? n : 1);
    if (p && g_counting) g_live_bytes += static_cast<long long>(malloc_usable_size(p));
    return p;
}
// noinline: inlined into operator delete, g++ mistakes this free() for a mismatched deallocation.
[[gnu::noinline]] static void counted_free(void* p) noexcept {
    if (p && g_counting) g_live_bytes -= static_cast<long long>(malloc_usable_size(p));
    std::free(p);
}

void* operator new(size_t n) {
    if (void* p = counted_alloc(n)) return p;
    throw std::bad_alloc();
}
void* operator new[](size_t n) { return ::operator new(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void* operator new[](size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, size_t) noexcept { counted_free(p); }
void operator delete[](void* p, size_t) noexcept { counted_free(p); }

namespace {

#ifdef __EMSCRIPTEN__
constexpr const char* kSide = "cpp-wasm";
#else
constexpr const char* kSide = "cpp-native";
#endif

using Clock = std::chrono::steady_clock;

struct Result {
    double ns_per_op = 0;
    double bytes_per_task = -1;   // -1: not measured by this workload
};

double ns_since(Clock::time_point t0, size_t ops) {
    return std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / static_cast<double>(ops);
}

size_t scaled(double n, double scale) { return static_cast<size_t>(std::max(1.0, std::round(n * scale))); }

// 1. Create 100,000 tasks that return at once, then gather them all.
aio::Coro<void> noop() { co_return; }

aio::Coro<Result> spawn_gather(double scale) {
    const size_t n = scaled(100'000, scale);
    const auto t0 = Clock::now();
    std::vector<aio::Task<void>> tasks;
    tasks.reserve(n);
    for (size_t i = 0; i < n; ++i) tasks.push_back(aio::create_task(noop()));
    co_await aio::gather(std::move(tasks));
    co_return Result{ns_since(t0, n)};
}

// 2. 1,000 tasks each yield 1,000 times with sleep(0): a million task switches through the loop.
aio::Coro<void> yielder(size_t yields) {
    for (size_t i = 0; i < yields; ++i) co_await aio::sleep(0);
}

aio::Coro<Result> sleep0_switch(double scale) {
    const size_t side = scaled(1'000, std::sqrt(scale));   // tasks and yields per task both scale
    const auto t0 = Clock::now();
    std::vector<aio::Coro<void>> coros;
    for (size_t i = 0; i < side; ++i) coros.push_back(yielder(side));
    co_await aio::gather(std::move(coros));
    co_return Result{ns_since(t0, side * side)};
}

// 3. A million items through a maxsize=1 queue: every put waits for the get before it.
aio::Coro<void> producer(aio::Queue<long long>& q, size_t n) {
    for (size_t i = 0; i < n; ++i) co_await q.put(static_cast<long long>(i));
}

aio::Coro<void> consumer(aio::Queue<long long>& q, size_t n, long long& sum) {
    for (size_t i = 0; i < n; ++i) sum += co_await q.get();
}

aio::Coro<Result> queue_pingpong(double scale) {
    const size_t n = scaled(1'000'000, scale);
    aio::Queue<long long> q(1);
    long long sum = 0;
    const auto t0 = Clock::now();
    co_await aio::gather(producer(q, n), consumer(q, n, sum));
    const double ns = ns_since(t0, n);
    if (sum != static_cast<long long>(n) * static_cast<long long>(n - 1) / 2)
        throw std::runtime_error("queue_pingpong: items lost, sum " + std::to_string(sum));
    co_return Result{ns};
}

// 4. A million tasks suspended in sleep(1000): time to create them and reach the sleep, and the
// heap each costs while suspended; then cancel them all.
aio::Coro<void> sleeper() { co_await aio::sleep(1000); }

aio::Coro<Result> sleeping_tasks(double scale) {
    const size_t n = scaled(1'000'000, scale);
    const long long bytes_before = g_live_bytes;
    const auto t0 = Clock::now();
    std::vector<aio::Task<void>> tasks;
    tasks.reserve(n);
    for (size_t i = 0; i < n; ++i) tasks.push_back(aio::create_task(sleeper()));
    co_await aio::sleep(0);   // one iteration: every sleeper's first step runs before this task's
    Result r{ns_since(t0, n), g_counting ? static_cast<double>(g_live_bytes - bytes_before) / static_cast<double>(n) : -1};
    if (aio::get_running_loop().timers().size() < n)
        throw std::runtime_error("sleeping_tasks: only " + std::to_string(aio::get_running_loop().timers().size()) +
                                 " of " + std::to_string(n) + " tasks reached their sleep");
    for (auto& t : tasks) t.cancel();
    co_await aio::gather(aio::return_exceptions, std::move(tasks));
    co_return r;
}

struct Workload {
    const char* name;
    aio::Coro<Result> (*run)(double scale);
};
constexpr Workload kWorkloads[] = {
    {"spawn_gather", spawn_gather},
    {"sleep0_switch", sleep0_switch},
    {"queue_pingpong", queue_pingpong},
    {"sleeping_tasks", sleeping_tasks},
};

Result run_workload(const Workload& w, double scale, bool record, bool count_bytes) {
    g_counting = count_bytes;
    Result r;
    {
        aio::Loop loop;
        std::optional<aio::Trace> trace;   // declared after the loop: detaches before the loop dies
        if (record) trace.emplace().attach(loop);
        r = aio::run(loop, w.run(scale));
    }
    g_counting = false;
    return r;
}

int usage(const std::string& error) {
    std::fprintf(stderr, "runtime_bench: %s\n", error.c_str());
    std::fprintf(stderr, "usage: runtime_bench [--workload NAME|all] [--scale F] [--repeat R] [--record off|on]\n  NAME:");
    for (const Workload& w : kWorkloads) std::fprintf(stderr, " %s", w.name);
    std::fprintf(stderr, "\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string workload = "all";
    double scale = 1;
    int repeat = 3;
    bool record = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) return usage("missing value after " + arg);
        const std::string value = argv[++i];
        if (arg == "--workload") {
            workload = value;
        } else if (arg == "--scale") {
            char* end = nullptr;
            scale = std::strtod(value.c_str(), &end);
            if (*end || !(scale > 0) || scale > 100) return usage("--scale must be a number in (0, 100], got " + value);
        } else if (arg == "--repeat") {
            char* end = nullptr;
            const long r = std::strtol(value.c_str(), &end, 10);
            if (*end || r < 1 || r > 100) return usage("--repeat must be 1..100, got " + value);
            repeat = static_cast<int>(r);
        } else if (arg == "--record") {
            if (value != "on" && value != "off") return usage("--record must be on or off, got " + value);
            record = value == "on";
        } else {
            return usage("unknown option " + arg);
        }
    }
    bool known = workload == "all";
    for (const Workload& w : kWorkloads) known = known || workload == w.name;
    if (!known) return usage("unknown workload " + workload);

#ifndef __OPTIMIZE__
    std::printf("# %s: built without optimisation; the numbers mean little\n", kSide);
#endif
    std::printf("# %s: sleeping_tasks bytes are the usable size of live operator-new blocks, counted in the first "
                "run (the loop's ready-queue ring is malloc'd and not counted)\n", kSide);
    if (record) std::printf("# %s: recording on (aio::Trace attached to the loop)\n", kSide);
    for (const Workload& w : kWorkloads) {
        if (workload != "all" && workload != w.name) continue;
        // Each run on a fresh loop; the best stands for the runtime, the first shows a cold heap.
        Result best;
        std::string runs;
        for (int i = 0; i < repeat; ++i) {
            const Result r = run_workload(w, scale, record, i == 0);
            if (i == 0) best = r;
            else if (r.ns_per_op < best.ns_per_op) best.ns_per_op = r.ns_per_op;
            char run[32];
            std::snprintf(run, sizeof run, "%s%.2f", i ? "," : "", r.ns_per_op);
            runs += run;
        }
        char bytes[32] = "-";
        if (best.bytes_per_task >= 0) std::snprintf(bytes, sizeof bytes, "%.1f", best.bytes_per_task);
        std::printf("# workload=%s side=%s runs_ns_per_op=%s\n", w.name, kSide, runs.c_str());
        std::printf("workload=%s side=%s ns_per_op=%.2f bytes_per_task=%s\n", w.name, kSide, best.ns_per_op, bytes);
        std::fflush(stdout);
    }
    return 0;
}
