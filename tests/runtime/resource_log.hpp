// A resource's recorded history as lines ("1.00 level 1 waiting 0 1 0"), so tests compare it
// with the sequence of changes the program makes, in order.
#pragma once
#include "runtime/trace.hpp"
#include "tests/runtime/log.hpp"

#include <stdexcept>

namespace aio_test {

inline Lines history_lines(const aio::ResourceRecord& r) {
    Lines out;
    for (size_t i = 0; i < r.history.size(); ++i) {
        const aio::ResourceSample& s = r.history[i];
        char t[32];
        std::snprintf(t, sizeof t, "%.2f", s.time);
        std::string line = std::string(t) + " level " + std::to_string(s.level) + " waiting";
        for (size_t k = 0; k < aio::waiter_kinds(r.kind).size(); ++k) line += " " + std::to_string(s.waiters[k]);
        out.push_back(line);
    }
    return out;
}

// The one resource of that name the trace recorded.
inline const aio::ResourceRecord& recorded(const aio::Trace& trace, const std::string& name) {
    const aio::ResourceRecord* found = nullptr;
    for (const aio::ResourceRecord& r : trace.resources())
        if (r.name == name) {
            if (found) throw std::runtime_error("two resources named " + name);
            found = &r;
        }
    if (!found) throw std::runtime_error("no resource named " + name);
    return *found;
}

}  // namespace aio_test
