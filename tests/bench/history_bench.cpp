// history_bench: what going back through a run costs. Runs a demo on the virtual clock as the
// page does (RunCore: the state after every iteration, told in words), once without its history
// and once keeping it, then shows recorded iterations again as a seek and a step back do. Prints,
// per run: iterations, the run's time without and with the history (the overhead), the task
// views and bytes the history keeps, and the milliseconds to show an iteration again: 30 seeks to
// iterations spread over the run (mean and worst), and steps back from the end to the start (mean
// and worst).
//   history_bench [--run "demo name=value ..."]...   default: count n=10000, queue 5000/5000, queue 500/500
#include "tests/playground/state/demo_recording.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

struct Spec {
    std::string demo;
    aio::demos::Params params;
    std::string text;
};

Spec parse(const std::string& text) {
    std::istringstream in(text);
    Spec s{.text = text};
    in >> s.demo;
    const aio::demos::Demo* d = aio::demos::find_demo(s.demo);
    if (!d) {
        std::fprintf(stderr, "history_bench: no demo '%s'\n", s.demo.c_str());
        std::exit(2);
    }
    for (std::string pair; in >> pair;) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos) {
            std::fprintf(stderr, "history_bench: '%s' is not name=value\n", pair.c_str());
            std::exit(2);
        }
        s.params[pair.substr(0, eq)] = int64_t{std::stoll(pair.substr(eq + 1))};
    }
    return s;
}

// Runs to the end, looking after every iteration as the page does at instant speed.
double run_ms(aio::testing::DemoRecording& r) {
    const auto t0 = Clock::now();
    r.look();
    while (r.step()) r.look();
    return ms_since(t0);
}

void measure(const Spec& spec) {
    const aio::demos::Demo& d = *aio::demos::find_demo(spec.demo);
    double without = 0;
    {
        const auto bare = aio::testing::DemoRecording::with(d, {.params = spec.params, .keep_history = false});
        without = run_ms(*bare);
    }
    const auto recording = aio::testing::DemoRecording::with(d, {.params = spec.params});
    aio::testing::DemoRecording& r = *recording;
    const double with = run_ms(r);
    const aio::page::History& h = r.core.history;
    const uint64_t first = h.first(), last = h.last();

    aio::page::PlaygroundState shown;
    std::mt19937 random(1);
    double seek_sum = 0, seek_worst = 0;
    const int seeks = 30;
    for (int i = 0; i < seeks; ++i) {
        const uint64_t k = first + random() % (last - first + 1);
        const auto t0 = Clock::now();
        r.core.show_iteration(shown, k);
        const double ms = ms_since(t0);
        seek_sum += ms;
        seek_worst = std::max(seek_worst, ms);
    }
    double back_sum = 0, back_worst = 0;
    uint64_t backs = 0;
    for (uint64_t k = last; k-- > first; ++backs) {
        const auto t0 = Clock::now();
        r.core.show_iteration(shown, k);
        const double ms = ms_since(t0);
        back_sum += ms;
        back_worst = std::max(back_worst, ms);
    }
    std::printf("%-40s iterations %6llu (kept %llu..%llu), spans %zu, %llu dropped  tasks %6zu  run %8.1f ms, with history %8.1f ms (+%3.0f%%)  "
                "versions %8zu  %7.1f MB (%5.0f B/version)  seek %6.2f ms mean, %6.2f worst  step back %6.2f ms mean, %6.2f worst\n",
                spec.text.c_str(), static_cast<unsigned long long>(r.loop.iteration()), static_cast<unsigned long long>(first),
                static_cast<unsigned long long>(last), r.trace.span_count(), static_cast<unsigned long long>(r.trace.spans_dropped()),
                r.state.snapshot.tasks.size(), without, with, (with / without - 1) * 100,
                h.versions(), h.bytes() / 1e6, h.versions() ? static_cast<double>(h.bytes()) / static_cast<double>(h.versions()) : 0.0,
                seek_sum / seeks, seek_worst, backs ? back_sum / static_cast<double>(backs) : 0.0, back_worst);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<Spec> specs;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--run" && i + 1 < argc) specs.push_back(parse(argv[++i]));
        else {
            std::fprintf(stderr, "usage: history_bench [--run \"demo name=value ...\"]...\n");
            return 2;
        }
    }
    if (specs.empty())
        for (const char* text : {"count n=10000", "queue producers=5000 consumers=5000", "queue producers=500 consumers=500"})
            specs.push_back(parse(text));
    for (const Spec& s : specs) measure(s);
    return 0;
}
