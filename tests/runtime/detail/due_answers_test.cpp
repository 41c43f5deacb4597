// DueAnswers (runtime/detail/due_answers.hpp): an answer comes from a loop timer at its due
// time, to the request's callback; a cancelled one never comes; one without a result only says so.
#include "runtime/detail/due_answers.hpp"

#include "runtime/hosts/virtual_host.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

aio::FetchResult page(std::string body) {
    aio::FetchResult r;
    r.response = {.status = 200, .url = "http://h/", .content_type = "text/html", .body = std::move(body)};
    return r;
}

TEST(DueAnswers, each_answer_comes_from_its_timer_at_its_due_time) {
    aio::Loop loop;
    aio::detail::DueAnswers answers(loop);
    std::vector<std::string> got;
    auto keep = [&](aio::FetchResult r) { got.push_back(std::to_string(loop.time()) + " " + r.response.body); };
    answers.add(1, "http://h/late", 0.5, page("late"), keep);
    answers.add(2, "http://h/early", 0.25, page("early"), keep);
    EXPECT_EQ(answers.due(1), 0.5);
    const aio::detail::TimerNode* first = loop.timers().earliest(1)[0];
    EXPECT_EQ(aio::detail::TimerOwner::of_timer(*first)->describe_timer(), "fetch http://h/early (response due)");
    aio::VirtualHost host(loop);
    while (host.step()) {}
    EXPECT_EQ(got, (std::vector<std::string>{"0.250000 early", "0.500000 late"}));
    EXPECT_EQ(answers.pending(), 0u);
    EXPECT_EQ(answers.due(1), -1);
}

TEST(DueAnswers, a_cancelled_answer_never_comes) {
    aio::Loop loop;
    aio::detail::DueAnswers answers(loop);
    bool came = false;
    answers.add(1, "http://h/", 0.5, page("x"), [&](aio::FetchResult) { came = true; });
    EXPECT_TRUE(answers.cancel(1));
    EXPECT_FALSE(answers.cancel(1));
    EXPECT_FALSE(loop.has_timers());
    aio::VirtualHost(loop).run_until(1);
    EXPECT_FALSE(came);
}

TEST(DueAnswers, without_a_result_the_timer_only_tells_and_the_request_stays_pending) {
    aio::Loop loop;
    aio::detail::DueAnswers answers(loop);
    std::vector<uint64_t> unanswered;
    answers.unanswered = [&](uint64_t id) { unanswered.push_back(id); };
    bool came = false;
    answers.add(7, "http://h/", 0.5, std::nullopt, [&](aio::FetchResult) { came = true; });
    EXPECT_EQ(aio::detail::TimerOwner::of_timer(*loop.timers().earliest(1)[0])->describe_timer(), "fetch http://h/ (answer due)");
    aio::VirtualHost host(loop);
    while (host.step()) {}
    EXPECT_EQ(unanswered, std::vector<uint64_t>{7});
    EXPECT_FALSE(came);
    EXPECT_EQ(answers.pending(), 1u);
    EXPECT_TRUE(answers.cancel(7));
}

}  // namespace
