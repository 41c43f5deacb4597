// Tests for the demos (playground/demos/*.cpp): parameter checking and the default outputs run
// everywhere; natively, each model's output is compared line for line with its own Python script
// run by /usr/bin/python3 on the virtual-time loop (tests/differential/virtual_loop.py).
#include "playground/demos/demo.hpp"

#include "runtime/snapshot.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using namespace aio::demos;
using Lines = std::vector<std::string>;
using List = std::vector<int64_t>;

const Demo& demo(const std::string& name) {
    const Demo* d = find_demo(name);
    if (!d) throw std::runtime_error("no demo " + name);
    return *d;
}

// "part1(1)" -> "part1": the frame's function name, as await_lines keys it.
std::string function_of(const std::string& label) { return label.substr(0, label.find('(')); }

struct ModelRun {
    Lines lines;
    std::vector<std::string> unmapped_waits;   // "frame/kind" seen waiting with no await_lines entry
};

// A test host: a fresh loop on the virtual clock, driven as aio::run drives it, checking after
// every iteration that each waiting task's innermost named frame and wait have a script line.
ModelRun run_model(const Demo& d, const Params& given, uint64_t entropy_seed = 1) {
    aio::Loop loop;
    ModelRun run;
    Context ctx{.loop = loop,
                .print = [&](const std::string& l) { run.lines.push_back(l); },
                .random = aio::Random(),
                .files = {},
                .perf_counter = [&] { return loop.time(); },
                .block = [&](double s) { loop.advance_to(loop.time() + s); }};
    ctx.entropy.seed(entropy_seed);
    aio::Task<void> main = aio::create_task(loop, d.main(ctx, resolve_params(d, given)));
    while (!main.done()) {
        if (!loop.has_ready()) {
            if (!loop.has_timers()) {
                run.lines.push_back("<deadlock>");   // as run_demo_script.py reports virtual_loop.Deadlock
                break;
            }
            loop.advance_to(loop.next_deadline());
        }
        loop.run_once();
        for (const aio::TaskView& t : aio::take_snapshot(loop).tasks) {
            if (t.state != aio::TaskState::Waiting || t.stack.size() < 2) continue;
            const std::pair<std::string, std::string> key{function_of(t.stack[t.stack.size() - 2]), aio::to_string(t.wait)};
            if (!d.await_lines.count(key)) run.unmapped_waits.push_back(key.first + "/" + key.second);
        }
    }
    aio::cancel_all_tasks(loop);
    if (main.done() && !main.cancelled() && main.exception()) run.lines.push_back("<exception>");
    return run;
}

Lines lines_of(const Demo& d, const Params& given = {}) { return run_model(d, given).lines; }

// Item ids are os.urandom's in the script and the entropy source's in the model: <ITEM> in both.
std::string mask_items(std::string line) {
    for (size_t open = line.find('<'); open != std::string::npos; open = line.find('<', open + 1)) {
        if (open + 11 >= line.size() || line[open + 11] != '>') continue;
        if (line.substr(open + 1, 10).find_first_not_of("0123456789abcdef") != std::string::npos) continue;
        line.replace(open + 1, 10, "ITEM");
    }
    return line;
}

Lines masked(Lines lines) {
    for (auto& l : lines) l = mask_items(l);
    return lines;
}

// ---- the defaults: what the walkthrough's scripts print (ids and measured times aside) ----

TEST(CountDemo, defaults_print_every_one_before_any_two_in_one_second) {
    EXPECT_EQ(lines_of(demo("count")),
              (Lines{"One", "One", "One", "Two", "Two", "Two", "countasync.py executed in 1.00 seconds."}));
}

TEST(CountDemo, blocking_alternates_and_takes_n_delays) {
    EXPECT_EQ(lines_of(demo("count"), {{"blocking", true}}),
              (Lines{"One", "Two", "One", "Two", "One", "Two", "countasync.py executed in 3.00 seconds."}));
}

TEST(ChainDemo, defaults_print_the_walkthroughs_run) {
    EXPECT_EQ(lines_of(demo("chain")), (Lines{
        "part1(1) sleeping for 4 seconds.",
        "part1(2) sleeping for 4 seconds.",
        "part1(3) sleeping for 0 seconds.",
        "Returning part1(3) == result3-1.",
        "part2(3, 'result3-1') sleeping for 4 seconds.",
        "Returning part1(1) == result1-1.",
        "part2(1, 'result1-1') sleeping for 7 seconds.",
        "Returning part1(2) == result2-1.",
        "part2(2, 'result2-1') sleeping for 4 seconds.",
        "Returning part2(3, 'result3-1') == result3-2 derived from result3-1.",
        "-->Chained result3 => result3-2 derived from result3-1 (took 4.00 seconds).",
        "Returning part2(2, 'result2-1') == result2-2 derived from result2-1.",
        "-->Chained result2 => result2-2 derived from result2-1 (took 8.00 seconds).",
        "Returning part2(1, 'result1-1') == result1-2 derived from result1-1.",
        "-->Chained result1 => result1-2 derived from result1-1 (took 11.00 seconds).",
        "Program finished in 11.00 seconds.",
    }));
}

TEST(QueueDemo, defaults_start_with_producer_0_and_take_29_seconds) {
    const Lines out = masked(lines_of(demo("queue")));
    ASSERT_EQ(out.size(), 22u);
    EXPECT_EQ(out.front(), "Producer 0 sleeping for 4 seconds.");
    EXPECT_EQ(out[6], "Producer 0 added <ITEM> to queue.");
    EXPECT_EQ(out[8], "Consumer 0 got element <ITEM> in 0.00000 seconds.");
    EXPECT_EQ(out.back(), "Program completed in 29.00000 seconds.");
}

TEST(QueueDemo, item_ids_come_from_entropy_not_from_the_seeded_generator) {
    const Lines a = run_model(demo("queue"), {}, 1).lines, b = run_model(demo("queue"), {}, 2).lines;
    EXPECT_NE(a, b);
    EXPECT_EQ(masked(a), masked(b));
    EXPECT_NE(a[6], mask_items(a[6]));   // ten hex digits in angle brackets
}

TEST(RandDemo, defaults_end_with_the_walkthroughs_results_in_colour) {
    const Lines out = lines_of(demo("rand"));
    ASSERT_GE(out.size(), 3u);
    EXPECT_EQ(out.front(), "\033[36mInitiated makerandom(0).");
    EXPECT_EQ(out[1], "\033[36mmakerandom(0) == 4 too low; retrying.");
    EXPECT_EQ(out[out.size() - 3], "\033[36m---> Finished: makerandom(0) == 10\033[0m");
    EXPECT_EQ(out[out.size() - 2], "");
    EXPECT_EQ(out.back(), "r1: 10, r2: 10, r3: 9");
}

TEST(AsCompletedDemo, gather_waits_for_both_and_as_completed_gives_each_when_ready) {
    EXPECT_EQ(lines_of(demo("as_completed")), (Lines{
        "With gather():",
        "Start: 0.00",
        "res: [[1, 2, 3], [0, 5, 10]] completed at 10.00",
        "End: 10.00",
        "Both tasks done: True",
        "With as_completed():",
        "Start: 0.00",
        "res: [1, 2, 3] completed at 3.00",
        "res: [0, 5, 10] completed at 10.00",
        "End: 10.00",
        "Both tasks done: True",
    }));
}

TEST(AsyncgenDemo, comprehensions_collect_powers_of_two) {
    EXPECT_EQ(lines_of(demo("asyncgen")), (Lines{
        "g = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]",
        "f = [1, 2, 16, 32, 256, 512]",
        "asyncgen.py executed in 2.00 seconds.",
    }));
}

TEST(Demos, default_commands_are_the_walkthroughs) {
    auto cmd = [](const char* name, const Params& p = {}) { return demo(name).command(resolve_params(demo(name), p)); };
    EXPECT_EQ(cmd("count"), "python3 countasync.py");
    EXPECT_EQ(cmd("count", {{"n", int64_t{5}}, {"delay", 0.5}, {"blocking", true}}), "python3 countasync.py -n 5 --delay 0.5 --blocking");
    EXPECT_EQ(cmd("chain"), "python3 chained.py 1 2 3");
    EXPECT_EQ(cmd("chain", {{"ids", List{4}}, {"seed", int64_t{7}}, {"sleep_max", int64_t{3}}}), "python3 chained.py 4 --seed 7 --sleep-max 3");
    EXPECT_EQ(cmd("queue"), "python3 asyncq.py -p 2 -c 5");
    EXPECT_EQ(cmd("queue", {{"maxsize", int64_t{1}}, {"seed", int64_t{1}}}), "python3 asyncq.py -p 2 -c 5 --seed 1 --maxsize 1");
    EXPECT_EQ(cmd("rand"), "python3 rand.py");
    EXPECT_EQ(cmd("as_completed"), "python3 as_completed.py --seq1 3 2 1 --seq2 10 5 0");
    EXPECT_EQ(cmd("asyncgen"), "python3 asyncgen.py");
    EXPECT_EQ(cmd("crawler"), "python3 areq.py");
    EXPECT_EQ(cmd("crawler", {{"depth", int64_t{2}}, {"timeout", 2.5}}), "python3 areq.py --timeout 2.5 --depth 2");
}

TEST(Demos, registry_lists_each_demo_once_by_name) {
    std::vector<std::string> names;
    for (const Demo* d : all_demos()) names.push_back(d->name);
    for (const char* name : {"count", "chain", "queue", "rand", "crawler", "as_completed", "asyncgen"})
        EXPECT_EQ(std::count(names.begin(), names.end(), name), 1) << name;
    EXPECT_EQ(find_demo("nope"), nullptr);
}

// Every await_lines entry points at an await inside the function its frame is named after.
TEST(Demos, await_lines_point_at_awaits_in_their_function) {
    for (const Demo* d : all_demos()) {
        Lines script;
        std::istringstream in(d->python);
        for (std::string l; std::getline(in, l);) script.push_back(l);
        for (const auto& [key, line] : d->await_lines) {
            SCOPED_TRACE(d->name + ": " + key.first + "/" + key.second + " at line " + std::to_string(line));
            ASSERT_TRUE(line >= 1 && line <= static_cast<int>(script.size()));
            const std::string& text = script[line - 1];
            const bool async_with = key.second == "semaphore" || key.second == "lock";
            EXPECT_NE(text.find(async_with ? "async with " : "await "), std::string::npos) << text;
            if (key.second == "sleep") {
                EXPECT_NE(text.find("asyncio.sleep("), std::string::npos) << text;
            }
            if (key.second == "gather") {
                EXPECT_NE(text.find("asyncio.gather("), std::string::npos) << text;
            }
            int def = line - 1;
            while (def >= 0 && script[def].find("def ") == std::string::npos) --def;
            ASSERT_GE(def, 0);
            EXPECT_NE(script[def].find("def " + key.first + "("), std::string::npos) << script[def];
        }
    }
}

// Every wait the defaults reach has its line (the UI marks it).
TEST(Demos, every_wait_of_the_default_runs_has_a_script_line) {
    for (const Demo* d : all_demos()) {
        for (bool blocking : {false, true}) {
            if (blocking && d->name != "count") continue;
            const ModelRun run = run_model(*d, blocking ? Params{{"blocking", true}} : Params{});
            EXPECT_TRUE(run.unmapped_waits.empty()) << d->name << ": " << run.unmapped_waits.front();
        }
    }
}

// ---- bad input: named, with its range, and nothing starts ----

std::string error_of(const char* name, const Params& given) {
    try {
        resolve_params(demo(name), given);
    } catch (const ParamError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(ResolveParams, out_of_range_names_the_parameter_and_its_range) {
    EXPECT_EQ(error_of("queue", {{"producers", int64_t{-5}}}), "queue: producers must be 0..10000, got -5");
    EXPECT_EQ(error_of("count", {{"delay", 61.5}}), "count: delay must be 0..60, got 61.5");
    EXPECT_EQ(error_of("count", {{"delay", std::nan("")}}), "count: delay must be 0..60, got nan");
    EXPECT_EQ(error_of("rand", {{"tasks", int64_t{7}}}), "rand: tasks must be 1..6, got 7");
    EXPECT_EQ(error_of("chain", {{"seed", int64_t{-1}}}), "chain: seed must be 0..4294967295, got -1");
    EXPECT_EQ(error_of("chain", {{"ids", List{1, 1001}}}), "chain: ids items must each be 0..1000, got 1001");
}

TEST(ResolveParams, too_long_a_list_names_its_limit) {
    EXPECT_EQ(error_of("chain", {{"ids", List(101, 1)}}), "chain: ids must have at most 100 items, got 101");
    EXPECT_EQ(error_of("as_completed", {{"seq1", List(11, 1)}}), "as_completed: seq1 must have at most 10 items, got 11");
}

TEST(ResolveParams, min_above_max_is_rejected_with_the_allowed_range) {
    EXPECT_EQ(error_of("chain", {{"sleep_min", int64_t{5}}, {"sleep_max", int64_t{3}}}),
              "chain: sleep_min must be 0..3 (at most sleep_max), got 5");
    EXPECT_EQ(error_of("queue", {{"items_min", int64_t{11}}}), "queue: items_min must be 0..10 (at most items_max), got 11");
    EXPECT_EQ(error_of("queue", {{"sleep_min", int64_t{4}}, {"sleep_max", int64_t{4}}}), "(accepted)");
}

TEST(ResolveParams, unknown_names_and_wrong_kinds_are_rejected) {
    EXPECT_EQ(error_of("count", {{"seed", int64_t{1}}}), "count: unknown parameter 'seed' (known: n, delay, blocking)");
    EXPECT_EQ(error_of("count", {{"n", 2.5}}), "count: n must be a whole number 0..10000, got a number");
    EXPECT_EQ(error_of("count", {{"blocking", int64_t{1}}}), "count: blocking must be true or false, got a whole number");
    EXPECT_EQ(error_of("chain", {{"ids", std::string("1 2")}}), "chain: ids must be a list of whole numbers 0..1000, got text");
}

TEST(ResolveParams, fills_defaults_and_keeps_given_values) {
    const Params p = resolve_params(demo("queue"), {{"consumers", int64_t{0}}});
    EXPECT_EQ(std::get<int64_t>(p.at("consumers")), 0);
    EXPECT_EQ(std::get<int64_t>(p.at("producers")), 2);
    EXPECT_EQ(p.size(), demo("queue").params.size());
    EXPECT_EQ(std::get<double>(resolve_params(demo("count"), {{"delay", int64_t{2}}}).at("delay")), 2.0);  // a whole number is a number
}

TEST(ResolveParams, a_rejected_run_starts_nothing) {
    aio::Loop loop;
    const Demo& d = demo("queue");
    Context ctx{.loop = loop, .print = [](const std::string&) { FAIL() << "printed"; }, .random = aio::Random(), .files = {},
                .perf_counter = [] { return 0.0; }, .block = [](double) {}};
    auto start = [&] { aio::create_task(loop, d.main(ctx, resolve_params(d, {{"consumers", int64_t{-1}}}))); };
    EXPECT_THROW(start(), ParamError);
    EXPECT_EQ(loop.tasks_created(), 0u);
}

// ---- against CPython: each script on the virtual-time loop, many seeds and parameter sets ----

#ifdef __EMSCRIPTEN__
#define NEEDS_CPYTHON() GTEST_SKIP() << "needs /usr/bin/python3 (native only)"
void expect_same_as_cpython(const char*, const std::vector<Params>&) {}
#else
#define NEEDS_CPYTHON() (void)0

// From the build, not __FILE__: a compiler cache may make __FILE__ relative to the build folder.
std::string helper_script() { return AIO_TESTS_PLAYGROUND_DIR "/run_demo_script.py"; }

// The demo's script, written under its own file name (it prints its name) in a fresh folder.
std::string write_script(const Demo& d) {
    char dir[] = "/tmp/aio_demo_XXXXXX";
    if (!mkdtemp(dir)) return {};
    const std::string path = std::string(dir) + "/" + d.script;
    std::ofstream(path) << d.python;
    return path;
}

// Runs each parameter set's command line (demo.command) through the helper, a few at a time.
std::vector<Lines> run_cpython(const Demo& d, const std::vector<Params>& sets) {
    const std::string script = write_script(d);
    std::vector<Lines> out(sets.size());
    constexpr size_t kParallel = 8;
    for (size_t first = 0; first < sets.size(); first += kParallel) {
        std::vector<FILE*> pipes;
        for (size_t i = first; i < std::min(sets.size(), first + kParallel); ++i) {
            std::string cmd = d.command(resolve_params(d, sets[i]));      // "python3 asyncq.py -p 2 -c 5 ..."
            const std::string args = cmd.substr(cmd.find(d.script) + d.script.size());
            pipes.push_back(popen(("/usr/bin/python3 " + helper_script() + " " + script + args).c_str(), "r"));
        }
        for (size_t k = 0; k < pipes.size(); ++k) {
            if (!pipes[k]) continue;
            std::string text;
            char buf[65536];
            while (size_t n = fread(buf, 1, sizeof buf, pipes[k])) text.append(buf, n);
            pclose(pipes[k]);
            std::istringstream in(text);
            for (std::string l; std::getline(in, l);) out[first + k].push_back(l);
        }
    }
    std::remove(script.c_str());
    rmdir(script.substr(0, script.rfind('/')).c_str());
    return out;
}

void expect_same_as_cpython(const char* name, const std::vector<Params>& sets) {
    const Demo& d = demo(name);
    const std::vector<Lines> expected = run_cpython(d, sets);
    for (size_t i = 0; i < sets.size(); ++i) {
        SCOPED_TRACE(d.command(resolve_params(d, sets[i])));
        const ModelRun run = run_model(d, sets[i]);
        ASSERT_FALSE(expected[i].empty()) << "CPython printed nothing";
        EXPECT_EQ(masked(run.lines), masked(expected[i]));
        EXPECT_TRUE(run.unmapped_waits.empty()) << run.unmapped_waits.front();
    }
}
#endif

const List kSeeds = {444, 0, 1, 2, 3, 7, 42, 99, 123, 1000, 2024, 31337, 65535, 4294967295};

// Pairs of (min, max) for the randint ranges: the scripts' own, ties (one value), and 0..1.
const std::vector<std::pair<int64_t, int64_t>> kRanges = {{0, 10}, {0, 0}, {1, 1}, {0, 1}, {3, 3}, {2, 5}, {0, 3}, {5, 20}};

TEST(DemosVsCPython, count_matches_countasync_py) {
    NEEDS_CPYTHON();
    std::vector<Params> sets;
    for (int64_t n : {0, 1, 3, 7})
        for (double delay : {0.0, 0.1, 1.0, 2.5})
            for (bool blocking : {false, true}) sets.push_back({{"n", n}, {"delay", delay}, {"blocking", blocking}});
    sets.push_back({});
    expect_same_as_cpython("count", sets);
}

TEST(DemosVsCPython, chain_matches_chained_py_across_seeds_and_ranges) {
    NEEDS_CPYTHON();
    const std::vector<List> ids = {{1, 2, 3}, {}, {5}, {1, 1, 2}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {3, 2, 1, 0}, {1000, 7}};
    std::vector<Params> sets = {{}};
    for (size_t i = 0; i < 40; ++i) {
        const auto [lo, hi] = kRanges[i % kRanges.size()];
        sets.push_back({{"seed", kSeeds[i % kSeeds.size()]}, {"sleep_min", lo}, {"sleep_max", hi}, {"ids", ids[i % ids.size()]}});
    }
    expect_same_as_cpython("chain", sets);
}

TEST(DemosVsCPython, queue_matches_asyncq_py_across_seeds_sizes_and_ties) {
    NEEDS_CPYTHON();
    const List producers = {2, 1, 3, 0, 5}, consumers = {5, 1, 2, 10, 3, 0}, maxsizes = {0, 1, 2, 0, 5};
    std::vector<Params> sets = {{}};
    for (size_t i = 0; i < 42; ++i) {
        const auto [ilo, ihi] = kRanges[(i / 2) % kRanges.size()];
        const auto [slo, shi] = kRanges[i % kRanges.size()];
        sets.push_back({{"seed", kSeeds[i % kSeeds.size()]}, {"producers", producers[i % producers.size()]},
                        {"consumers", consumers[i % consumers.size()]}, {"maxsize", maxsizes[i % maxsizes.size()]},
                        {"items_min", ilo}, {"items_max", ihi}, {"sleep_min", slo}, {"sleep_max", shi}});
    }
    // No consumers: join() (or a full queue) waits forever unless nothing is produced.
    sets.push_back({{"consumers", int64_t{0}}, {"items_max", int64_t{0}}});
    sets.push_back({{"consumers", int64_t{0}}, {"producers", int64_t{0}}});
    sets.push_back({{"consumers", int64_t{0}}, {"maxsize", int64_t{1}}});
    sets.push_back({{"producers", int64_t{0}}, {"consumers", int64_t{0}}, {"maxsize", int64_t{1}}});
    expect_same_as_cpython("queue", sets);
}

TEST(DemosVsCPython, rand_matches_rand_py_across_seeds) {
    NEEDS_CPYTHON();
    const List tasks = {3, 1, 2, 4, 5, 6}, highs = {10, 1, 2, 5, 20};
    std::vector<Params> sets = {{}};
    for (size_t i = 0; i < 40; ++i)
        sets.push_back({{"seed", kSeeds[i % kSeeds.size()]}, {"tasks", tasks[i % tasks.size()]}, {"high", highs[i % highs.size()]}});
    expect_same_as_cpython("rand", sets);
}

TEST(DemosVsCPython, as_completed_matches_including_ties_and_empty_lists) {
    NEEDS_CPYTHON();
    const std::vector<std::pair<List, List>> seqs = {
        {{3, 2, 1}, {10, 5, 0}}, {{10, 5, 0}, {3, 2, 1}}, {{3}, {3}}, {{}, {}}, {{0}, {5}},
        {{5, 5}, {1, 2, 5}}, {{}, {1}}, {{60}, {0, 0, 0}}, {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {2}},
    };
    std::vector<Params> sets;
    for (const auto& [a, b] : seqs) sets.push_back({{"seq1", a}, {"seq2", b}});
    expect_same_as_cpython("as_completed", sets);
}

TEST(DemosVsCPython, asyncgen_matches_asyncgen_py) {
    NEEDS_CPYTHON();
    std::vector<Params> sets;
    for (int64_t u : {0, 1, 5, 10, 20, 62})
        for (double delay : {0.0, 0.1, 0.25}) sets.push_back({{"u", u}, {"delay", delay}});
    expect_same_as_cpython("asyncgen", sets);
}

}  // namespace
