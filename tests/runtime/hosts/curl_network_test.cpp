// CurlNetwork on the real-time host, against tests/support/hostile_server.py in a child process:
// fetches and timers interleave on one thread, a dripping answer ends by the fetch's timeout and
// lets the program go, and the fetch contract (final URL, body cap, error kinds) holds.
#include "runtime/hosts/curl_network.hpp"

#include "runtime/aio.hpp"
#include "runtime/hosts/realtime_host.hpp"

#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

extern char** environ;

namespace {

// The hostile server on a free port; it stops when its standard input closes.
class HostileServer {
public:
    HostileServer() {
        int out[2], in[2];
        if (pipe(out) != 0 || pipe(in) != 0) return;
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], 0);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_addclose(&actions, in[1]);
        posix_spawn_file_actions_addclose(&actions, out[0]);
        const char* argv[] = {"/usr/bin/python3", AIO_HOSTILE_SERVER, nullptr};
        const bool spawned = posix_spawn(&pid_, argv[0], &actions, nullptr, const_cast<char**>(argv), environ) == 0;
        posix_spawn_file_actions_destroy(&actions);
        close(in[0]);
        close(out[1]);
        stdin_ = in[1];
        char line[256] = {};
        if (FILE* f = fdopen(out[0], "r")) {
            if (spawned && std::fgets(line, sizeof line, f)) base_ = line;
            std::fclose(f);
        }
        // "Serving http://127.0.0.1:PORT/\n" -> "http://127.0.0.1:PORT"
        const size_t at = base_.find("http://");
        base_ = at == std::string::npos ? "" : base_.substr(at, base_.find_last_of('/') - at);
    }
    ~HostileServer() {
        if (stdin_ >= 0) close(stdin_);
        if (pid_ > 0) waitpid(pid_, nullptr, 0);
    }
    std::string url(const std::string& path) const { return base_ + path; }
    bool started() const { return !base_.empty(); }

private:
    pid_t pid_ = -1;
    int stdin_ = -1;
    std::string base_;
};

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Runs main on a fresh loop and real-time host over a CurlNetwork, as aio_run does.
void run_realtime(aio::Coro<void> main) {
    aio::CurlNetwork network;
    aio::Loop loop;
    aio::set_network(loop, &network);
    aio::RealtimeHost host(loop, &network);
    aio::Task<void> task = aio::create_task(loop, std::move(main));
    host.run_until_complete(*task.base());
    aio::cancel_all_tasks(loop);
    task.result();
}

TEST(CurlNetwork, fetches_and_timers_interleave_and_a_dripping_answer_ends_by_the_timeout) {
    HostileServer server;
    ASSERT_TRUE(server.started());
    alarm(20);   // a hang is a failure, not a stuck test run
    int ticks = 0;
    bool fetching = true;
    int kind = -1;
    const auto start = std::chrono::steady_clock::now();
    run_realtime([](std::string url, int& ticks, bool& fetching, int& kind) -> aio::Coro<void> {
        auto ticker = [](int& ticks, bool& fetching) -> aio::Coro<void> {
            while (fetching) {
                co_await aio::sleep(0.05);
                if (fetching) ++ticks;
            }
        };
        auto getter = [](std::string url, bool& fetching, int& kind) -> aio::Coro<void> {
            try {
                co_await aio::fetch(url, {.timeout = 1});
            } catch (const aio::FetchError& e) {
                kind = static_cast<int>(e.kind());
            }
            fetching = false;
        };
        co_await aio::gather(ticker(ticks, fetching), getter(url, fetching, kind));
    }(server.url("/drip"), ticks, fetching, kind));
    const double took = seconds_since(start);   // the network and loop are gone: nothing holds on
    alarm(0);
    EXPECT_EQ(kind, static_cast<int>(aio::FetchError::Kind::Timeout));
    EXPECT_GE(ticks, 10);   // 1 s of 0.05 s sleeps ran while the request was in flight
    EXPECT_GE(took, 1.0);
    EXPECT_LT(took, 3.0);
}

TEST(CurlNetwork, redirect_is_followed_and_reported_by_its_final_url) {
    HostileServer server;
    ASSERT_TRUE(server.started());
    aio::Response r;
    run_realtime([](std::string url, aio::Response& r) -> aio::Coro<void> {
        r = co_await aio::fetch(url, {.timeout = 5});
    }(server.url("/redirect-cr"), r));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.url, server.url("/landed"));
    EXPECT_EQ(r.content_type, "text/html");
    EXPECT_EQ(r.body, R"(<html><body><a href="/landed">landed</a></body></html>)");
    EXPECT_FALSE(r.truncated);
}

TEST(CurlNetwork, redirects_are_followed_ten_times_at_most) {
    HostileServer server;
    ASSERT_TRUE(server.started());
    std::string error;
    run_realtime([](std::string url, std::string& error) -> aio::Coro<void> {
        try {
            co_await aio::fetch(url, {.timeout = 5});
        } catch (const aio::FetchError& e) {
            if (e.kind() == aio::FetchError::Kind::Network) error = e.what();
        }
    }(server.url("/redirect-loop"), error));
    EXPECT_NE(error.find("Maximum (10) redirects followed"), std::string::npos) << "error: '" << error << "'";
}

TEST(CurlNetwork, body_past_max_body_is_cut_and_marked_truncated) {
    HostileServer server;
    ASSERT_TRUE(server.started());
    aio::Response r;
    run_realtime([](std::string url, aio::Response& r) -> aio::Coro<void> {
        r = co_await aio::fetch(url, {.timeout = 5, .max_body = 12});
    }(server.url("/page.html"), r));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "<html><body>");
    EXPECT_TRUE(r.truncated);
}

TEST(CurlNetwork, url_with_a_control_character_fails_as_invalid_url) {
    int kind = -1;
    run_realtime([](int& kind) -> aio::Coro<void> {
        try {
            co_await aio::fetch("http://127.0.0.1:9/a\r\nX-Injected: 1", {.timeout = 5});
        } catch (const aio::FetchError& e) {
            kind = static_cast<int>(e.kind());
        }
    }(kind));
    EXPECT_EQ(kind, static_cast<int>(aio::FetchError::Kind::InvalidUrl));
}

}  // namespace
