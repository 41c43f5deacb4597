// fetch over the VirtualNetwork: responses, redirects, errors told apart, timeouts and aborts.
#include "tests/runtime/log.hpp"
#include "runtime/fetch.hpp"
#include "runtime/hosts/virtual_network.hpp"
#include "runtime/snapshot.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

struct Net {
    aio::Loop loop;
    aio::VirtualNetwork net{loop};
    Net() {
        aio::set_network(loop, &net);
        net.route("http://site/a", {.latency = 1, .body = "<a href=\"b\">"});
        net.route("http://site/dir", {.latency = 0.5, .redirect_to = "http://site/dir/"});
        net.route("http://site/dir/", {.latency = 0.5, .body = "index"});
        net.route("http://site/missing", {.latency = 0.2, .status = 404, .body = "not found"});
        net.route("http://site/slow", {.latency = 10, .body = "late"});
        net.route("http://down/", {.latency = 0.3, .network_error = true});
    }
};

template <class T> T run_on(Net& n, aio::Coro<T> c) { return aio::run(n.loop, std::move(c)); }

TEST(Fetch, returns_status_final_url_type_and_body) {
    Net n;
    auto r = run_on(n, aio::fetch("http://site/a"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.url, "http://site/a");
    EXPECT_EQ(r.content_type, "text/html");
    EXPECT_EQ(r.body, "<a href=\"b\">");
    EXPECT_DOUBLE_EQ(n.loop.time(), 1.0);
}

TEST(Fetch, follows_redirects_and_reports_the_final_url) {
    Net n;
    auto r = run_on(n, aio::fetch("http://site/dir"));
    EXPECT_EQ(r.url, "http://site/dir/");
    EXPECT_EQ(r.body, "index");
}

TEST(Fetch, http_errors_are_responses_not_exceptions) {
    Net n;
    EXPECT_EQ(run_on(n, aio::fetch("http://site/missing")).status, 404);
}

TEST(Fetch, network_error_timeout_and_invalid_url_are_told_apart) {
    Net n;
    auto kind_of = [&](std::string url, double timeout) {
        return run_on(n, [](std::string url, double timeout) -> aio::Coro<int> {
            try {
                co_await aio::fetch(url, {.timeout = timeout});
            } catch (const aio::FetchError& e) {
                co_return static_cast<int>(e.kind());
            }
            co_return -1;
        }(url, timeout));
    };
    EXPECT_EQ(kind_of("http://down/", 5), static_cast<int>(aio::FetchError::Kind::Network));
    EXPECT_EQ(kind_of("http://site/slow", 2), static_cast<int>(aio::FetchError::Kind::Timeout));
    EXPECT_EQ(n.net.aborted(), 1u);   // the timed-out request was aborted
    EXPECT_EQ(kind_of("ftp://site/a", 5), static_cast<int>(aio::FetchError::Kind::InvalidUrl));
    EXPECT_EQ(kind_of("not a url", 5), static_cast<int>(aio::FetchError::Kind::InvalidUrl));
}

TEST(Fetch, cancelling_the_task_aborts_the_request) {
    Net n;
    run_on(n, [](Net& n) -> aio::Coro<void> {
        auto t = aio::create_task(aio::fetch("http://site/slow"), "getter");
        co_await aio::sleep(1);
        const auto snap = aio::take_snapshot(aio::get_running_loop());
        EXPECT_EQ(snap.tasks[1].waiting_on, "fetch http://site/slow");
        EXPECT_EQ(snap.fetches.size(), 1u);
        for (const auto& f : snap.fetches) {
            EXPECT_EQ(f.url, "http://site/slow");
            EXPECT_EQ(f.task, snap.tasks[1].id);
        }
        t.cancel();
        try {
            co_await t;
        } catch (const aio::CancelledError&) {
        }
        EXPECT_TRUE(aio::fetches_in_flight(aio::get_running_loop()).empty());
        EXPECT_EQ(n.net.aborted(), 1u);
    }(n));
}

TEST(Fetch, concurrent_requests_overlap) {
    Net n;
    run_on(n, []() -> aio::Coro<void> {
        auto [a, b] = co_await aio::gather(aio::fetch("http://site/a"), aio::fetch("http://site/dir"));
        EXPECT_EQ(a.status + b.status, 400);
    }());
    EXPECT_DOUBLE_EQ(n.loop.time(), 1.0);   // both in flight at once: the longer one sets the time
}

TEST(Fetch, options_network_sends_the_request_elsewhere_and_aborts_it_there) {
    Net n;
    aio::VirtualNetwork other(n.loop);
    other.route("http://site/a", {.latency = 3, .body = "other"});
    run_on(n, [](aio::VirtualNetwork& other) -> aio::Coro<void> {
        auto r = co_await aio::fetch("http://site/a", {.network = &other});
        EXPECT_EQ(r.body, "other");
        EXPECT_DOUBLE_EQ(aio::get_running_loop().time(), 3.0);
        auto t = aio::create_task(aio::fetch("http://site/a", {.network = &other}));
        co_await aio::sleep(1);
        EXPECT_EQ(aio::fetches_in_flight(aio::get_running_loop()).size(), 1u);   // listed like any request
        t.cancel();
        try {
            co_await t;
        } catch (const aio::CancelledError&) {
        }
    }(other));
    EXPECT_EQ(n.net.started(), 0u);
    EXPECT_EQ(other.started(), 2u);
    EXPECT_EQ(other.aborted(), 1u);
}

// The loop panel's timers say which request each is for: the answer the network has due and the
// request's timeout, both the fetching task's; that task's wait ends at the timeout.
TEST(Fetch, its_timers_say_what_they_are_and_the_wait_ends_at_the_timeout) {
    Net n;
    aio::Snapshot snap;
    aio::Time asked = -1;
    uint32_t slow_id = 0, down_id = 0;
    run_on(n, [](aio::Snapshot& snap, aio::Time& asked, uint32_t& slow_id, uint32_t& down_id) -> aio::Coro<void> {
        aio::Loop& loop = aio::get_running_loop();
        asked = loop.time();
        auto slow = aio::create_task(aio::fetch("http://site/slow", {.timeout = 5}), "slow");
        auto down = aio::create_task(aio::fetch("http://down/", {.timeout = 0}), "down");
        slow_id = slow.id();
        down_id = down.id();
        co_await aio::sleep(0.1);
        snap = aio::take_snapshot(loop);
        for (auto* t : {&slow, &down}) {
            try {
                co_await *t;
            } catch (const aio::FetchError&) {   // slow times out, down fails
            }
        }
    }(snap, asked, slow_id, down_id));
    const auto slow = std::find_if(snap.tasks.begin(), snap.tasks.end(), [&](const aio::TaskView& t) { return t.id == slow_id; });
    ASSERT_NE(slow, snap.tasks.end());
    EXPECT_EQ(slow->wait, aio::WaitKind::Fetch);
    EXPECT_DOUBLE_EQ(slow->until, asked + 5);
    std::vector<std::pair<std::string, uint32_t>> timers;
    for (const aio::TimerView& t : snap.timers) timers.emplace_back(t.what, t.task);
    EXPECT_EQ(timers, (std::vector<std::pair<std::string, uint32_t>>{
                          {"fetch http://down/ (error due)", down_id},            // at 0.3, no timeout
                          {"timeout of fetch http://site/slow", slow_id},         // at 5
                          {"fetch http://site/slow (response due)", slow_id}}));  // at 10
    ASSERT_EQ(snap.timers.size(), 3u);
    EXPECT_DOUBLE_EQ(snap.timers[1].when, asked + 5);
    EXPECT_DOUBLE_EQ(snap.timers[2].when, asked + 10);
}

TEST(Fetch, body_is_capped) {
    Net n;
    auto r = run_on(n, aio::fetch("http://site/a", {.max_body = 4}));
    EXPECT_EQ(r.body, "<a h");
    EXPECT_TRUE(r.truncated);
}

}  // namespace
