// Synchronisation objects bind to the loop that first uses them (asyncio's _LoopBoundMixin).
#pragma once
#include "runtime/loop.hpp"

#include <stdexcept>
#include <string>

namespace aio::detail {

class LoopBound {
protected:
    Loop& get_loop(const char* what) {
        Loop& running = aio::get_running_loop();
        if (!loop_) loop_ = &running;
        else if (loop_ != &running) throw std::runtime_error(std::string(what) + " is bound to a different event loop");
        return *loop_;
    }
    Loop* loop_ = nullptr;
};

}  // namespace aio::detail
