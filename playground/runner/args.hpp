// aio_run's command line for one demo, read as the demo's script's argparse would: each Param's
// own flags (asyncq.py's -p/--nprod, chained.py's positional ids), --flag=value, a Text
// parameter's flag naming the file to read it from, and the runner's own --clock, --out,
// --cacert, --summary and --state. Apart from main.cpp so the parsing is tested without running anything.
#pragma once
#include "playground/demos/demo.hpp"

#include <string>
#include <vector>

namespace aio::runner {

struct Options {
    demos::Params params;   // resolved: every parameter present, checked
    bool real_clock = true;
    bool help = false;
    std::string out;        // where the demo's output_file goes ("" : its own name)
    std::string cacert;     // PEM file of CAs to trust instead of the system's (real_requests demos)
    bool summary = false;   // --summary: the run's figures on stderr afterwards, as the page's Summary says them
    std::string state_file; // --state FILE: the state at the end as JSON, as the page's aio.snapshot() returns it
};

// argv after the demo's name. Throws demos::ParamError naming the flag or parameter and its range
// ("queue: producers must be 0..10000, got -5", "count: unknown flag --nope (...)").
Options parse_args(const demos::Demo& demo, const std::vector<std::string>& args);

// `aio_run DEMO --help`: the demo's title and summary, each flag with its script spellings,
// range and default, and the same run's Python command line.
std::string demo_help(const demos::Demo& demo);

}  // namespace aio::runner
