// What every demo is: a model with parameters, coroutines, its Python script and its output,
// and no UI. The page, the views and the terminal runner all reach demos through this header.
#pragma once
#include "runtime/aio.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace aio::demos {

// A parameter value: a flag, a whole number, a number, a list of whole numbers, or text.
using Value = std::variant<bool, int64_t, double, std::vector<int64_t>, std::string>;
using Params = std::map<std::string, Value>;

struct Param {
    enum class Kind { Bool, Int, Float, IntList, Text };
    std::string name;
    Kind kind;
    Value default_value;
    double min = 0, max = 0;        // for Int and Float, and each element of an IntList; Text: min is the fewest non-blank lines
    size_t max_items = 0;           // IntList: most elements; Text: most bytes
    std::string help;               // one line
    // The script's own spellings of its flag, the first being the one command_line writes:
    // {"-p", "--nprod"}; {""} for a positional argument (chained.py's ids). Empty: "-n" for a
    // one-letter name, else "--sleep-min" for sleep_min. A Text parameter's flag names a file the
    // terminal runner reads it from (areq.py's --urls urls.txt). default_value is the script's.
    std::vector<std::string> flags = {};
    // How command_line shows it: when it differs from the default, always, or never (a setting
    // of the page's that the script does not have).
    enum class Shown { IfChanged, Always, Never };
    Shown in_command = Shown::IfChanged;
};

// The panels a demo's run can have beside every demo's views: the page shows a tab for each that
// the demo declares.
enum class Panel {
    Resources,   // its queues and semaphores, their levels and waiters
    Pages,       // its pages: each request's state, status, size and links (PageReport)
};

// A second run a demo wants set beside its own in the summary: the same demo with one flag on
// (count's blocking twin), compared on the parameters that decide the figures.
struct Comparison {
    std::string flag;                   // the Bool parameter the twin runs with on: "blocking"
    std::vector<std::string> compared;  // parameters both runs should share: {"n", "delay"}
    std::string lesson;                 // the line above the table
    std::string label, twin_label;      // what each run is: "async", "blocking" (run_title adds its command)
};

// Bytes of a page a demo reads (the crawler's requests' max_body): the rest is cut off, truncated.
inline constexpr size_t kMaxPageBody = 2 << 20;

// One page of the crawler, for its panel: where its request stands and what came of it.
struct PageReport {
    std::string url;
    std::string state = "queued";   // queued, fetching, done, failed
    int status = 0;                 // HTTP status, 0 before an answer or without one
    size_t bytes = 0;               // of the body as read: at most the crawler's cap
    bool truncated = false;         // the body was longer than the cap and cut there
    size_t links = 0;
    std::string error = {};         // in plain words, when failed
};

// A blocking call a task made (time.sleep): the loop's clock moved from `from` to `to` while the
// task ran, and nothing else could. The page plays it out at its speed before the loop goes on.
struct BlockingCall {
    uint32_t task = 0;
    std::vector<std::string> stack;   // the task's await stack at the call, outermost frame first
    Time from = 0, to = 0;            // loop seconds
    uint64_t iteration = 0;           // the loop iteration that made it
};

// How a demo's await_lines key the line of a blocking call: {"count", kBlockingCall}.
inline constexpr const char* kBlockingCall = "time.sleep";
// How they key the line where an async generator yields: {"mygen", kYield}.
inline constexpr const char* kYield = "yield";

// What a running demo can use. The host (tests, terminal runner, page) provides it.
struct Context {
    Loop& loop;
    std::function<void(const std::string&)> print;     // one console line, as print() would
    Random random;                                      // the script's `random` module
    std::mt19937_64 entropy{std::random_device{}()};    // os.urandom stand-in, apart from `random`
    std::map<std::string, std::string> files;           // files the script writes (foundurls.txt)
    std::function<double()> perf_counter;               // time.perf_counter(): loop time, or wall time
    // time.sleep(seconds): a blocking call. The loop runs nothing else meanwhile; the clock moves.
    // Demos call it through time_sleep(), which records it.
    std::function<void(double)> block;
    // Where relative lines of the crawler's URL list resolve: the page's address (empty: nowhere).
    std::string base_url = {};
    std::vector<PageReport> pages = {};                 // the crawler's pages, in the order listed or found
    std::vector<BlockingCall> blocking_calls = {};      // those of the latest iteration that made any, in order
};

// time.sleep(seconds) in a demo's coroutine: records the call in ctx.blocking_calls (an earlier
// iteration's are dropped), then blocks through ctx.block.
void time_sleep(Context& ctx, double seconds);

struct Demo {
    std::string name;               // "count": the page API's and terminal runner's name
    std::string title;              // "count: three coroutines, one sleep"
    std::string script;             // the reference script's file name, "countasync.py"
    std::string summary;            // what it teaches, in a sentence or two
    std::vector<Param> params;
    std::string python;             // our Python script, printing exactly what the demo prints
    // Source line of each await point, by frame name and wait: {"count", "sleep"} -> 7; and of each
    // blocking call, by frame name and kBlockingCall.
    std::map<std::pair<std::string, std::string>, int> await_lines;
    std::function<Coro<void>(Context&, const Params&)> main;
    std::vector<Panel> panels = {};          // in tab order
    std::optional<Comparison> comparison = {};
    bool real_requests = false;              // fetches from the network: a terminal run needs the real clock
    std::string output_file = {};            // the file the script writes ("foundurls.txt"), if any
};

// The script's command line for `params` (resolved): "python3 asyncq.py -p 2 -c 5 --seed 1".
std::string command_line(const Demo& demo, const Params& params);

// The flag command_line and the terminal runner write for p: its first script flag, else "-n" for
// a one-letter name and "--sleep-min" for sleep_min; "" when p is positional.
std::string flag_of(const Param& p);

// Every demo, in the order the page lists them.
const std::vector<const Demo*>& all_demos();
const Demo* find_demo(const std::string& name);

// Parameters from user input: unknown names, wrong kinds, values out of range and min > max
// pairs are rejected with a message naming the parameter and its range. Missing ones get defaults.
class ParamError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};
Params resolve_params(const Demo& demo, const Params& given);

// Every problem resolve_params would reject, all at once and in the table's order, each as
// {parameter, message} ("sleep_min must be 0..3 (at most sleep_max), got 5"). A min > max pair is
// reported on the _min parameter. Unknown names are not checked here. Empty when all is well.
std::vector<std::pair<std::string, std::string>> param_problems(const Demo& demo, const Params& given);

// A list field's text as typed: whole numbers separated by spaces or commas. `values` holds the
// numbers before the first bad token; `problem` names that token ("ids: 'x' is not a whole
// number"), empty when every token parsed. Ranges are param_problems' job.
struct ParsedList {
    std::vector<int64_t> values;
    std::string problem;
};
ParsedList parse_int_list(const Param& p, const std::string& text);

// Parameters that bound each other: x_min may not exceed x_max. The partner of `p`, or nullptr
// when it has none: upper_bound_of(latency_min) is latency_max, lower_bound_of(latency_max) is
// latency_min.
const Param* upper_bound_of(const Demo& demo, const Param& p);
const Param* lower_bound_of(const Demo& demo, const Param& p);

}  // namespace aio::demos
