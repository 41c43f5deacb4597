// playground/state/playground_state.hpp: the status names the page API uses, and the seconds a
// task has spent in a state as of the time shown.
#include "playground/state/playground_state.hpp"

#include <gtest/gtest.h>

namespace {

using aio::page::Status;

TEST(PlaygroundState, status_names_are_the_page_apis) {
    EXPECT_STREQ(to_string(Status::Idle), "idle");
    EXPECT_STREQ(to_string(Status::Running), "running");
    EXPECT_STREQ(to_string(Status::Paused), "paused");
    EXPECT_STREQ(to_string(Status::Finished), "finished");
    EXPECT_STREQ(to_string(Status::Stopped), "stopped");
}

TEST(PlaygroundState, a_live_tasks_current_state_counts_on_from_since_to_the_time_shown) {
    aio::TaskView t;
    t.state = aio::TaskState::Waiting;
    t.since = 1.25;
    t.time_in[static_cast<int>(aio::TaskState::Waiting)] = 1.5f;   // before since
    t.time_in[static_cast<int>(aio::TaskState::Running)] = 0.25f;
    EXPECT_DOUBLE_EQ(aio::page::seconds_in(t, aio::TaskState::Waiting, 2.75), 3.0);
    EXPECT_DOUBLE_EQ(aio::page::seconds_in(t, aio::TaskState::Running, 2.75), 0.25);   // not its state now
    EXPECT_DOUBLE_EQ(aio::page::seconds_in(t, aio::TaskState::Waiting, 1.25), 1.5);
}

TEST(PlaygroundState, a_finished_task_stops_counting) {
    aio::TaskView t;
    t.state = aio::TaskState::Done;
    t.time_in[static_cast<int>(aio::TaskState::Done)] = 0;
    EXPECT_DOUBLE_EQ(aio::page::seconds_in(t, aio::TaskState::Done, 5.0), 0.0);
}

TEST(PlaygroundState, instant_is_its_own_speed) {
    aio::page::PlaygroundState s;
    EXPECT_FALSE(s.instant());
    s.speed = aio::page::kInstantSpeed;
    EXPECT_TRUE(s.instant());
}

}  // namespace
