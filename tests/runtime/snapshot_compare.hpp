// Two snapshots compared field by field, a mismatch naming the iteration, the task and the field:
// for tests that a snapshot built from an earlier one equals one built from nothing.
#pragma once
#include "runtime/snapshot.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace aio::testing {

inline void expect_same_snapshot(const Snapshot& got, const Snapshot& want, uint64_t iteration) {
    SCOPED_TRACE("iteration " + std::to_string(iteration));
    EXPECT_EQ(got.time, want.time);
    EXPECT_EQ(got.iteration, want.iteration);
    EXPECT_EQ(got.live_tasks, want.live_tasks);
    EXPECT_EQ(got.ready, want.ready);
    EXPECT_EQ(got.timer_count, want.timer_count);
    ASSERT_EQ(got.tasks.size(), want.tasks.size());
    for (size_t i = 0; i < want.tasks.size(); ++i) {
        const TaskView &g = got.tasks[i], &w = want.tasks[i];
        SCOPED_TRACE("task " + w.name);
        EXPECT_EQ(g.id, w.id);
        EXPECT_EQ(g.parent, w.parent);
        EXPECT_EQ(g.name, w.name);
        EXPECT_EQ(g.state, w.state);
        EXPECT_EQ(g.wait, w.wait);
        EXPECT_EQ(g.resource, w.resource);
        EXPECT_EQ(g.waiting_on, w.waiting_on);
        EXPECT_EQ(g.until, w.until);
        EXPECT_EQ(g.stack, w.stack);
        EXPECT_EQ(g.awaits, w.awaits);
        EXPECT_EQ(g.awaited_by, w.awaited_by);
        EXPECT_EQ(g.result, w.result);
        EXPECT_EQ(g.created, w.created);
        EXPECT_EQ(g.since, w.since);
        EXPECT_EQ(g.finished, w.finished);
        EXPECT_EQ(g.changes, w.changes);
        EXPECT_EQ(g.spans, w.spans);
        EXPECT_EQ(g.time_in, w.time_in);
    }
    ASSERT_EQ(got.timers.size(), want.timers.size());
    for (size_t i = 0; i < want.timers.size(); ++i) {
        EXPECT_EQ(got.timers[i].when, want.timers[i].when);
        EXPECT_EQ(got.timers[i].what, want.timers[i].what);
        EXPECT_EQ(got.timers[i].task, want.timers[i].task);
    }
    ASSERT_EQ(got.resources.size(), want.resources.size());
    for (size_t i = 0; i < want.resources.size(); ++i) {
        const ResourceView &g = got.resources[i], &w = want.resources[i];
        SCOPED_TRACE("resource " + std::to_string(w.id));
        EXPECT_EQ(g.id, w.id);
        EXPECT_EQ(g.kind, w.kind);
        EXPECT_EQ(g.name, w.name);
        EXPECT_EQ(g.level, w.level);
        EXPECT_EQ(g.capacity, w.capacity);
        EXPECT_EQ(g.unfinished, w.unfinished);
        EXPECT_EQ(g.waiting, w.waiting);
        EXPECT_EQ(g.alive, w.alive);
        EXPECT_EQ(g.samples, w.samples);
    }
}

}  // namespace aio::testing
