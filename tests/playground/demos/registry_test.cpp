// The registry (playground/demos/registry.cpp) and what every demo in it must hold: each listed
// once, each await_lines entry at an await of its function, each wait of a default run mapped.
#include "tests/playground/demos/support/demo_run.hpp"

#include <gtest/gtest.h>

namespace {

using namespace aio::demos;
using namespace aio::demos::testing;

TEST(Demos, registry_lists_each_demo_once_by_name) {
    std::vector<std::string> names;
    for (const Demo* d : all_demos()) names.push_back(d->name);
    for (const char* name : {"count", "chain", "queue", "rand", "crawler", "as_completed", "asyncgen"})
        EXPECT_EQ(std::count(names.begin(), names.end(), name), 1) << name;
    EXPECT_EQ(find_demo("nope"), nullptr);
}

// Every await_lines entry points at an await (a yield, a blocking call) inside the function its frame is named after.
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
            const bool blocking = key.second == aio::demos::kBlockingCall;   // a call, not an await: "time.sleep("
            const bool yields = key.second == aio::demos::kYield;           // an async generator's yield
            EXPECT_NE(text.find(blocking ? key.second + "(" : async_with ? "async with " : yields ? "yield " : "await "), std::string::npos) << text;
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

}  // namespace
