// A test log: lines stamped with loop time and the current task's name, so tests can compare
// the order of events with what CPython prints for the same program.
#pragma once
#include "runtime/aio.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace aio_test {

struct Log {
    std::vector<std::string> lines;
    void operator()(const std::string& what) {
        char t[32];
        std::snprintf(t, sizeof t, "%.2f", aio::get_running_loop().time());
        aio::TaskBase* task = aio::current_task();
        lines.push_back(std::string(t) + " " + (task ? task->name() : "-") + ": " + what);
    }
};

using Lines = std::vector<std::string>;

// v after d seconds of loop time: something to time out, shield or finish in order.
inline aio::Coro<int> after(double d, int v) {
    co_await aio::sleep(d);
    co_return v;
}

// Waits longer than any test runs: a task that is still pending when the loop goes.
inline aio::Coro<void> forever() { co_await aio::sleep(1000); }

}  // namespace aio_test
