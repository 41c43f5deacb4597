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

}  // namespace aio_test
