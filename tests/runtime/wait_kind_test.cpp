// WaitKind (runtime/wait_kind.hpp): every kind of wait has its own display name (none for None),
// and the count covers every enumerator (the trace sizes its time per kind by it).
#include "runtime/wait_kind.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {
using aio::WaitKind;

TEST(WaitKind, to_string_names_each_kind_as_asyncio_calls_it) {
    const std::vector<std::pair<WaitKind, std::string>> names = {
        {WaitKind::None, ""},
        {WaitKind::Sleep, "sleep"},
        {WaitKind::Yield, "yield"},
        {WaitKind::Future, "future"},
        {WaitKind::Task, "task"},
        {WaitKind::Gather, "gather"},
        {WaitKind::QueueGet, "queue.get"},
        {WaitKind::QueuePut, "queue.put"},
        {WaitKind::QueueJoin, "queue.join"},
        {WaitKind::Event, "event"},
        {WaitKind::Lock, "lock"},
        {WaitKind::Semaphore, "semaphore"},
        {WaitKind::Fetch, "fetch"},
        {WaitKind::TaskGroup, "taskgroup"},
        {WaitKind::WaitFor, "wait_for"},
        {WaitKind::Shield, "shield"},
        {WaitKind::AsCompleted, "as_completed"},
    };
    ASSERT_EQ(names.size(), static_cast<size_t>(aio::kWaitKindCount));
    for (const auto& [kind, name] : names) EXPECT_EQ(aio::to_string(kind), name);
}

TEST(WaitKind, count_covers_every_enumerator_with_a_distinct_name) {
    std::set<std::string> seen;
    for (int i = 0; i < aio::kWaitKindCount; ++i) {
        const std::string name = aio::to_string(static_cast<WaitKind>(i));
        EXPECT_NE(name, "?") << i;
        EXPECT_EQ(name.empty(), static_cast<WaitKind>(i) == WaitKind::None) << i;
        EXPECT_TRUE(seen.insert(name).second) << "'" << name << "' twice";
    }
    EXPECT_STREQ(aio::to_string(static_cast<WaitKind>(aio::kWaitKindCount)), "?");
}

}  // namespace
