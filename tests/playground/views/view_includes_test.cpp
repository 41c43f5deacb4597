// Views draw from the state alone: no file in playground/views reaches the page's session (or
// anything else in playground/app), even through other headers, and of the runtime they include
// only its plain data (snapshots, the trace's records, spans and resource histories, task states and waits).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
const fs::path kRoot = AIO_SOURCE_DIR;

// The project headers `file` includes with quotes, as paths from the repository's root.
std::vector<std::string> includes_of(const fs::path& file) {
    std::ifstream in(file);
    std::vector<std::string> out;
    const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re");
    std::smatch m;
    for (std::string line; std::getline(in, line);)
        if (std::regex_search(line, m, include)) out.push_back(m[1]);
    return out;
}

std::vector<fs::path> view_files() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kRoot / "playground/views"))
        if (e.path().extension() == ".cpp" || e.path().extension() == ".hpp") files.push_back(e.path());
    return files;
}

// The chain of includes from `file` to a header under playground/app, or empty when none leads there.
std::vector<std::string> path_to_app(const std::string& file, std::set<std::string>& seen) {
    if (!seen.insert(file).second) return {};
    if (file.rfind("playground/app/", 0) == 0) return {file};
    if (!fs::exists(kRoot / file)) return {};   // a system header
    for (const std::string& inc : includes_of(kRoot / file)) {
        std::vector<std::string> chain = path_to_app(inc, seen);
        if (!chain.empty()) {
            chain.insert(chain.begin(), file);
            return chain;
        }
    }
    return {};
}

TEST(ViewIncludes, there_are_view_files_to_check) { EXPECT_GE(view_files().size(), 10u); }

TEST(ViewIncludes, no_view_reaches_the_session_or_the_app) {
    for (const fs::path& f : view_files()) {
        std::set<std::string> seen;
        const std::vector<std::string> chain = path_to_app(fs::relative(f, kRoot).string(), seen);
        std::string shown;
        for (const std::string& step : chain) shown += (shown.empty() ? "" : " -> ") + step;
        EXPECT_TRUE(chain.empty()) << shown;
    }
}

TEST(ViewIncludes, views_include_only_the_runtimes_plain_data) {
    const std::set<std::string> plain{"runtime/snapshot.hpp", "runtime/trace.hpp", "runtime/task_spans.hpp", "runtime/resource_history.hpp",
                                      "runtime/task_state.hpp", "runtime/wait_kind.hpp",
                                      "runtime/record_as_of.hpp"};   // reads the recording, as trace.hpp's spans() do
    for (const fs::path& f : view_files())
        for (const std::string& inc : includes_of(f))
            if (inc.rfind("runtime/", 0) == 0) {
                EXPECT_TRUE(plain.count(inc)) << f.filename().string() << " includes " << inc;
            }
}

}  // namespace
