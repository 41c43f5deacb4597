// What the per-demo tests share: a demo run on the virtual clock as aio::run drives it, its
// output with os.urandom's item ids masked, bad input's message, and (natively) the same runs of
// the demo's own Python script under CPython for comparison.
#pragma once
#include "playground/demos/demo.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace aio::demos::testing {

using Lines = std::vector<std::string>;
using List = std::vector<int64_t>;

const Demo& demo(const std::string& name);   // throws for an unknown name

struct ModelRun {
    Lines lines;                               // printed, then "<deadlock>" or "<exception>" if main ended so
    std::vector<std::string> unmapped_waits;   // "frame/kind" seen waiting with no await_lines entry
};

// A fresh loop on the virtual clock, driven by a VirtualHost, checking after every iteration that
// each waiting task's innermost named frame and wait have a script line; then asyncio.run's
// clean-up. `entropy_seed` seeds os.urandom's stand-in.
ModelRun run_model(const Demo& d, const Params& given, uint64_t entropy_seed = 1);
Lines lines_of(const Demo& d, const Params& given = {});

// Item ids are os.urandom's in the script and the entropy source's in the model: <ITEM> in both.
std::string mask_items(std::string line);
Lines masked(Lines lines);

// resolve_params' message for `given`, or "(accepted)".
std::string error_of(const char* name, const Params& given);

// Each parameter set run by the demo and by its script under /usr/bin/python3 on the
// virtual-time loop (tests/differential/virtual_loop.py): the same lines, every wait mapped.
// Does nothing under wasm, where NEEDS_CPYTHON() skips the test.
void expect_same_as_cpython(const char* name, const std::vector<Params>& sets);

// Seeds and (min, max) randint ranges the comparisons sweep: the scripts' own, ties, 0..1.
extern const List kSeeds;
extern const std::vector<std::pair<int64_t, int64_t>> kRanges;

}  // namespace aio::demos::testing

#ifdef __EMSCRIPTEN__
#define NEEDS_CPYTHON() GTEST_SKIP() << "needs /usr/bin/python3 (native only)"
#else
#define NEEDS_CPYTHON() (void)0
#endif
