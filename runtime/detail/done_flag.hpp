// DoneFlag: a bool a future's done-callback sets, for hosts that run a loop until a future is
// done. The callback is removed again if the flag goes before the future finishes (a host threw).
#pragma once
#include "runtime/future.hpp"

namespace aio::detail {

class DoneFlag {
public:
    explicit DoneFlag(FutureBase& fut) : fut_(fut) { fut_.add_done_callback(&set, &done_); }
    ~DoneFlag() { if (!done_) fut_.remove_done_callback(&set, &done_); }
    DoneFlag(const DoneFlag&) = delete;
    DoneFlag& operator=(const DoneFlag&) = delete;
    explicit operator bool() const { return done_; }

private:
    static void set(void* flag, void*) { *static_cast<bool*>(flag) = true; }
    FutureBase& fut_;
    bool done_ = false;
};

}  // namespace aio::detail
