// TaskState (runtime/task_state.hpp): every state has its own display name, and the count covers
// every enumerator (views size their per-state arrays by it).
#include "runtime/task_state.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {
using aio::TaskState;

TEST(TaskState, to_string_names_each_state) {
    const std::vector<std::pair<TaskState, std::string>> names = {
        {TaskState::Pending, "pending"}, {TaskState::Ready, "ready"},   {TaskState::Running, "running"},
        {TaskState::Waiting, "waiting"}, {TaskState::Done, "done"},     {TaskState::Failed, "failed"},
        {TaskState::Cancelled, "cancelled"},
    };
    ASSERT_EQ(names.size(), static_cast<size_t>(aio::kTaskStateCount));
    for (const auto& [state, name] : names) EXPECT_EQ(aio::to_string(state), name);
}

TEST(TaskState, count_covers_every_enumerator_with_a_distinct_name) {
    EXPECT_EQ(aio::kTaskStateCount, static_cast<int>(TaskState::Cancelled) + 1);
    std::set<std::string> seen;
    for (int i = 0; i < aio::kTaskStateCount; ++i) {
        const std::string name = aio::to_string(static_cast<TaskState>(i));
        EXPECT_NE(name, "?") << i;
        EXPECT_FALSE(name.empty()) << i;
        EXPECT_TRUE(seen.insert(name).second) << name << " twice";
    }
    EXPECT_STREQ(aio::to_string(static_cast<TaskState>(aio::kTaskStateCount)), "?");
}

}  // namespace
