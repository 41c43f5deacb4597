// snapshot_bench: what a frame of a moving run pays for its data. Runs the queue demo with
// n/2 producers and n/2 consumers on a virtual clock with a Trace attached, and after every loop
// iteration takes the snapshot the views read (reusing the previous one, as the page does) and
// lays out the timeline rows a screen shows (40, 1,000 px wide, the whole run) from the trace's
// spans. Prints one line per task count.
//   snapshot_bench [--tasks N ...] [--iterations K] [--reuse-only]
#include "playground/demos/context.hpp"
#include "playground/views/timeline_layout.hpp"
#include "runtime/aio.hpp"
#include "runtime/snapshot.hpp"
#include "runtime/trace.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kRowsShown = 40;   // rows a 1280x800 page shows
double ns_since(Clock::time_point t0) { return std::chrono::duration<double, std::nano>(Clock::now() - t0).count(); }

struct Figures {
    double reuse_ns = 0, fresh_ns = 0, rows_ns = 0, live = 0;
    int iterations = 0;
};

Figures measure(int tasks, int iterations, bool fresh_too) {
    const aio::demos::Demo* demo = aio::demos::find_demo("queue");
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::demos::Context ctx = aio::demos::virtual_context(loop, [](const std::string&) {});
    const aio::demos::Params params = aio::demos::resolve_params(
        *demo, {{"producers", int64_t{tasks / 2}}, {"consumers", int64_t{tasks / 2}}});
    aio::Task<void> main = aio::create_task(loop, demo->main(ctx, params), "main");
    for (int i = 0; i < 3; ++i) loop.run_once();   // every task started

    Figures f;
    std::vector<aio::views::RowBlock> blocks;
    aio::Snapshot snap = aio::take_snapshot(loop, &trace);
    aio::VirtualHost host(loop);
    for (; f.iterations < iterations && !main.done() && host.step(); ++f.iterations) {
        auto t0 = Clock::now();
        snap = aio::take_snapshot(loop, &trace, &snap);
        f.reuse_ns += ns_since(t0);
        if (fresh_too) {
            t0 = Clock::now();
            const aio::Snapshot fresh = aio::take_snapshot(loop, &trace);
            f.fresh_ns += ns_since(t0);
            if (fresh.tasks.size() != snap.tasks.size()) std::abort();   // both must see the same run
        }
        t0 = Clock::now();
        size_t drawn = 0;
        const aio::views::RowWindow window{.start = 0, .end = loop.time() * 1.05 + 1e-3, .width = 1000, .now = loop.time()};
        for (size_t i = 0; i < kRowsShown && i < snap.tasks.size(); ++i) {
            aio::views::layout_row(trace.spans(*trace.task(snap.tasks[i].id)), window, blocks);
            drawn += blocks.size();
        }
        f.rows_ns += ns_since(t0);
        f.live += static_cast<double>(loop.live_task_count());
        if (!drawn) std::abort();
    }
    aio::cancel_all_tasks(loop);
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes;
    int iterations = 60;
    bool fresh_too = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--tasks" && i + 1 < argc) sizes.push_back(std::atoi(argv[++i]));
        else if (arg == "--iterations" && i + 1 < argc) iterations = std::atoi(argv[++i]);
        else if (arg == "--reuse-only") fresh_too = false;   // for profiling the page's path
        else {
            std::fprintf(stderr, "usage: snapshot_bench [--tasks N ...] [--iterations K] [--reuse-only]\n");
            return 2;
        }
    }
    if (sizes.empty()) sizes = {10, 1000, 10000};
    for (int n : sizes) {
        const Figures f = measure(n, iterations, fresh_too);
        const double k = f.iterations ? f.iterations : 1;
        std::printf("tasks=%d iterations=%d live=%.0f snapshot_reuse_us=%.1f snapshot_fresh_us=%.1f timeline_rows_us=%.1f\n", n,
                    f.iterations, f.live / k, f.reuse_ns / k / 1000, f.fresh_ns / k / 1000, f.rows_ns / k / 1000);
    }
    return 0;
}
