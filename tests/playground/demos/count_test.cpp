// count (playground/demos/count.cpp): its output, awaited and blocking, and against countasync.py.
#include "playground/demos/run_compare.hpp"
#include "tests/playground/demos/support/demo_run.hpp"

#include <gtest/gtest.h>

#include <cctype>

namespace {

using namespace aio::demos;
using namespace aio::demos::testing;

TEST(CountDemo, defaults_print_every_one_before_any_two_in_one_second) {
    EXPECT_EQ(lines_of(demo("count")),
              (Lines{"One", "One", "One", "Two", "Two", "Two", "countasync.py executed in 1.00 seconds."}));
}

TEST(CountDemo, blocking_alternates_and_takes_n_delays) {
    EXPECT_EQ(lines_of(demo("count"), {{"blocking", true}}),
              (Lines{"One", "Two", "One", "Two", "One", "Two", "countasync.py executed in 3.00 seconds."}));
}

// The script a run names in its last line, "countasync.py executed in 3.00 seconds.": what
// CPython prints for the demo's script (count_matches_countasync_py holds the lines equal).
std::string script_printed(const Lines& lines) {
    const std::string& last = lines.back();
    return last.substr(0, last.find(" executed in "));
}

// The page names each compared run as the run names itself: the blocking twin is the script run
// with --blocking, not another script.
TEST(CountDemo, each_compared_run_is_titled_with_the_command_it_runs) {
    const Demo& d = demo("count");
    const std::string async_script = script_printed(lines_of(d));
    const std::string blocking_script = script_printed(lines_of(d, {{"blocking", true}}));
    EXPECT_EQ(run_title(d, false), "async (" + async_script + ")");
    EXPECT_EQ(run_title(d, true), "blocking (" + blocking_script + " --blocking)");
    EXPECT_EQ(command_line(d, resolve_params(d, {{"blocking", true}})), "python3 " + blocking_script + " --blocking");
}

// Every script the page's text names is the one the runs print, except the walkthrough's own
// synchronous script, named as the walkthrough's.
TEST(CountDemo, page_text_names_no_other_script_for_a_run) {
    const Demo& d = demo("count");
    const std::string script = script_printed(lines_of(d, {{"blocking", true}}));
    std::vector<std::string> texts{d.title, d.summary, d.comparison->lesson, run_title(d, false), run_title(d, true)};
    for (const Param& p : d.params) texts.push_back(p.help);
    size_t others = 0;
    for (const std::string& text : texts)
        for (size_t dot = text.find(".py"); dot != std::string::npos; dot = text.find(".py", dot + 1)) {
            size_t start = dot;
            while (start > 0 && (std::isalnum(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '_')) --start;
            const std::string name = text.substr(start, dot + 3 - start);
            if (name == script) continue;
            ++others;
            const std::string intro = "the walkthrough's ";
            EXPECT_TRUE(start >= intro.size() && text.compare(start - intro.size(), intro.size(), intro) == 0)
                << "\"" << text << "\" names " << name << " as if a run were that script";
        }
    EXPECT_GT(others, 0u) << "the help should say which of the walkthrough's scripts the blocking run stands for";
}

TEST(DemosVsCPython, count_matches_countasync_py) {
    NEEDS_CPYTHON();
    std::vector<Params> sets;
    for (int64_t n : {0, 1, 3, 7})
        for (double delay : {0.0, 0.1, 1.0, 2.5})
            for (bool blocking : {false, true}) sets.push_back({{"n", n}, {"delay", delay}, {"blocking", blocking}});
    sets.push_back({});
    expect_same_as_cpython("count", sets);
}

}  // namespace
