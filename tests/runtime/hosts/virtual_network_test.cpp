// VirtualNetwork (runtime/hosts/virtual_network.hpp): scripted answers on the loop's clock, after
// each route's latency (a redirect's included), network errors, the fallback for unrouted URLs,
// aborts after which no answer comes, and answer timers that say which request they answer.
#include "runtime/hosts/virtual_host.hpp"
#include "runtime/hosts/virtual_network.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

struct Answer {
    aio::Time at;
    aio::FetchResult result;
};

// A network on a fresh loop, and the answers its requests got, with the loop time of each.
struct Net {
    aio::Loop loop;
    aio::VirtualNetwork net{loop};
    std::vector<Answer> answers;
    uint64_t get(const std::string& url, aio::FetchOptions options = {}) {
        return net.start(url, options, [this](aio::FetchResult r) { answers.push_back({loop.time(), std::move(r)}); });
    }
    void run() {
        aio::VirtualHost host(loop);
        while (host.step()) {}
    }
};

aio::Route page(aio::Time latency, std::string body) {
    aio::Route r;
    r.latency = latency;
    r.body = std::move(body);
    return r;
}

TEST(VirtualNetwork, answers_a_route_after_its_latency_and_never_inline) {
    Net n;
    n.net.route("http://site/a", page(1.5, "hello"));
    n.get("http://site/a");
    EXPECT_TRUE(n.answers.empty());
    n.run();
    ASSERT_EQ(n.answers.size(), 1u);
    EXPECT_DOUBLE_EQ(n.answers[0].at, 1.5);
    const aio::FetchResult& r = n.answers[0].result;
    EXPECT_FALSE(r.failed);
    EXPECT_EQ(r.response.status, 200);
    EXPECT_EQ(r.response.url, "http://site/a");
    EXPECT_EQ(r.response.content_type, "text/html");
    EXPECT_EQ(r.response.body, "hello");
    EXPECT_FALSE(r.response.truncated);
}

// Each answer's timer says which request it answers, and whether a response or an error is due.
TEST(VirtualNetwork, an_answers_timer_says_which_request_it_answers) {
    Net n;
    n.net.route("http://site/a", page(1, "hello"));
    n.get("http://site/a");
    n.get("http://nowhere/");
    std::vector<std::string> what;
    for (const aio::detail::TimerNode* t : n.loop.timers().earliest(2))
        if (const aio::detail::TimerOwner* owner = aio::detail::TimerOwner::of_timer(*t)) what.push_back(owner->describe_timer());
    EXPECT_EQ(what, (std::vector<std::string>{"fetch http://nowhere/ (error due)", "fetch http://site/a (response due)"}));
    n.run();
}

TEST(VirtualNetwork, a_redirect_is_followed_and_its_latency_adds_up) {
    Net n;
    aio::Route moved;
    moved.latency = 0.25;
    moved.redirect_to = "http://site/new";
    n.net.route("http://site/old", moved);
    n.net.route("http://site/new", page(0.5, "new"));
    n.get("http://site/old");
    n.run();
    ASSERT_EQ(n.answers.size(), 1u);
    EXPECT_DOUBLE_EQ(n.answers[0].at, 0.75);
    EXPECT_EQ(n.answers[0].result.response.url, "http://site/new");
    EXPECT_EQ(n.answers[0].result.response.body, "new");
}

TEST(VirtualNetwork, a_failing_route_or_no_route_is_a_network_error) {
    Net n;
    aio::Route down;
    down.latency = 0.3;
    down.network_error = true;
    n.net.route("http://down/", down);
    n.get("http://down/");
    n.get("http://nowhere/");
    n.run();
    ASSERT_EQ(n.answers.size(), 2u);
    for (const Answer& a : n.answers) {
        EXPECT_TRUE(a.result.failed);
        EXPECT_EQ(a.result.error, aio::FetchError::Kind::Network);
    }
    // No route fails almost at once, as a refused connection, before the route's own latency.
    EXPECT_DOUBLE_EQ(n.answers[0].at, 0.01);
    EXPECT_EQ(n.answers[0].result.message, "network error or CORS refusal: http://nowhere/");
    EXPECT_DOUBLE_EQ(n.answers[1].at, 0.3);
    EXPECT_EQ(n.answers[1].result.message, "network error or CORS refusal: http://down/");
}

TEST(VirtualNetwork, fallback_answers_urls_without_a_route_of_their_own) {
    Net n;
    n.net.route("http://site/own", page(0.1, "own"));
    std::vector<std::string> asked;
    n.net.fallback = [&](const std::string& url) -> std::optional<aio::Route> {
        asked.push_back(url);
        if (url.rfind("http://site/files/", 0) == 0) return page(0.2, "file " + url.substr(18));
        return std::nullopt;
    };
    n.get("http://site/own");
    n.get("http://site/files/x.txt");
    n.get("http://site/other");
    n.run();
    ASSERT_EQ(n.answers.size(), 3u);
    EXPECT_EQ(asked, (std::vector<std::string>{"http://site/files/x.txt", "http://site/other"}));
    // In the order they arrive: nothing there (at once), the route (0.1 s), the fallback's (0.2 s).
    EXPECT_TRUE(n.answers[0].result.failed);
    EXPECT_EQ(n.answers[1].result.response.body, "own");
    EXPECT_EQ(n.answers[2].result.response.body, "file x.txt");
    EXPECT_DOUBLE_EQ(n.answers[2].at, 0.2);
}

TEST(VirtualNetwork, body_past_max_body_is_cut_and_marked_truncated) {
    Net n;
    n.net.route("http://site/a", page(0.1, "0123456789"));
    aio::FetchOptions options;
    options.max_body = 4;
    n.get("http://site/a", options);
    n.run();
    ASSERT_EQ(n.answers.size(), 1u);
    EXPECT_EQ(n.answers[0].result.response.body, "0123");
    EXPECT_TRUE(n.answers[0].result.response.truncated);
}

TEST(VirtualNetwork, an_aborted_request_is_never_answered_and_is_counted) {
    Net n;
    n.net.route("http://site/a", page(1, "a"));
    const uint64_t first = n.get("http://site/a");
    const uint64_t second = n.get("http://site/a");
    EXPECT_NE(first, second);
    n.net.abort(first);
    n.net.abort(first);   // already gone: not counted twice
    n.run();
    ASSERT_EQ(n.answers.size(), 1u);
    EXPECT_EQ(n.net.started(), 2u);
    EXPECT_EQ(n.net.aborted(), 1u);
}

TEST(VirtualNetwork, a_redirect_loop_fails_instead_of_hanging) {
    Net n;
    aio::Route to_b, to_a;
    to_b.redirect_to = "http://site/b";
    to_a.redirect_to = "http://site/a";
    n.net.route("http://site/a", to_b);
    n.net.route("http://site/b", to_a);
    n.get("http://site/a");
    n.run();
    ASSERT_EQ(n.answers.size(), 1u);
    EXPECT_TRUE(n.answers[0].result.failed);
    EXPECT_EQ(n.answers[0].result.message.rfind("too many redirects", 0), 0u) << n.answers[0].result.message;
}

// As aiohttp: a chain of 10 redirects is followed to its end, one of 11 fails.
TEST(VirtualNetwork, follows_at_most_ten_redirects_as_aiohttp) {
    for (int hops : {aio::kMaxRedirects, aio::kMaxRedirects + 1}) {
        Net n;
        for (int i = 0; i < hops; ++i) {
            aio::Route r;
            r.redirect_to = "http://site/" + std::to_string(i + 1);
            n.net.route("http://site/" + std::to_string(i), r);
        }
        aio::Route end;
        end.body = "here";
        n.net.route("http://site/" + std::to_string(hops), end);
        n.get("http://site/0");
        n.run();
        ASSERT_EQ(n.answers.size(), 1u);
        EXPECT_EQ(n.answers[0].result.failed, hops > aio::kMaxRedirects) << hops << " redirects";
        if (hops <= aio::kMaxRedirects) {
            EXPECT_EQ(n.answers[0].result.response.body, "here");
        }
    }
}

}  // namespace
