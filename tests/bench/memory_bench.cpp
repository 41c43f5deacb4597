// memory_bench: the memory a run of many sleeping tasks takes, as the operating system sees it
// (peak RSS natively, the wasm heap's size under Node), with recording (aio::Trace) off or on.
//   memory_bench [--tasks N] [--record off|on]     N: 1..10,000,000 (default 1,000,000)
#include "runtime/aio.hpp"
#include "runtime/trace.hpp"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

namespace {

#ifdef __EMSCRIPTEN__
constexpr const char* kSide = "cpp-wasm";
constexpr const char* kMeasure = "wasm heap size";
// The wasm memory only grows, so its size now is its peak.
long long peak_bytes() { return static_cast<long long>(emscripten_get_heap_size()); }
#else
constexpr const char* kSide = "cpp-native";
constexpr const char* kMeasure = "peak RSS";
long long peak_bytes() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<long long>(u.ru_maxrss) * 1024;   // Linux reports KiB
}
#endif

aio::Coro<void> sleeper() { co_await aio::sleep(1000); }

// Starts n tasks, lets each reach its sleep, measures, then cancels them all: the peak while they
// sleep is what the tasks hold; gather's n results (CancelledError each) come on top after.
aio::Coro<long long> sleep_all(size_t n) {
    std::vector<aio::Task<void>> tasks;
    tasks.reserve(n);
    for (size_t i = 0; i < n; ++i) tasks.push_back(aio::create_task(sleeper()));
    co_await aio::sleep(0);   // one iteration: every sleeper's first step runs before this task's
    const size_t asleep = aio::get_running_loop().timers().size();
    if (asleep < n)
        throw std::runtime_error("only " + std::to_string(asleep) + " of " + std::to_string(n) + " tasks reached their sleep");
    const long long peak = peak_bytes();
    for (auto& t : tasks) t.cancel();
    co_await aio::gather(aio::return_exceptions, std::move(tasks));
    co_return peak;
}

int usage(const std::string& error) {
    std::fprintf(stderr, "memory_bench: %s\nusage: memory_bench [--tasks N] [--record off|on]   N: 1..10000000\n",
                 error.c_str());
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    long tasks = 1'000'000;
    bool record = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) return usage("missing value after " + arg);
        const std::string value = argv[++i];
        if (arg == "--tasks") {
            char* end = nullptr;
            tasks = std::strtol(value.c_str(), &end, 10);
            if (*end || value.empty() || tasks < 1 || tasks > 10'000'000)
                return usage("--tasks must be 1..10000000, got " + value);
        } else if (arg == "--record") {
            if (value != "on" && value != "off") return usage("--record must be on or off, got " + value);
            record = value == "on";
        } else {
            return usage("unknown option " + arg);
        }
    }

    const long long before = peak_bytes();
    long long asleep = 0;
    {
        aio::Loop loop;
        std::optional<aio::Trace> trace;   // declared after the loop: detaches before the loop dies
        if (record) trace.emplace().attach(loop);
        asleep = aio::run(loop, sleep_all(static_cast<size_t>(tasks)));
    }
    const long long run = peak_bytes();
    const auto per_task = [&](long long bytes) { return static_cast<double>(bytes - before) / static_cast<double>(tasks); };
    // Machine-readable, like runtime_bench. Bytes are the whole process's; per task, what the run added.
    std::printf("tasks=%ld side=%s record=%s measure=\"%s\" before=%lld asleep=%lld run=%lld "
                "asleep_per_task=%.1f run_per_task=%.1f\n",
                tasks, kSide, record ? "on" : "off", kMeasure, before, asleep, run, per_task(asleep), per_task(run));
    return 0;
}
