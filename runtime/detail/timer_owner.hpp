// A timer whose owner can say what it is for, so the loop panel lists "timeout of fetch URL"
// rather than "callback". The owner schedules through schedule(); a snapshot finds the owner from
// the heap's node by its callback, so a node carries nothing extra.
#pragma once
#include "runtime/detail/timer_handle.hpp"

#include <cstdint>
#include <string>

namespace aio::detail {

class TimerOwner {
public:
    virtual std::string describe_timer() const = 0;     // "fetch https://site/page (response due)"
    virtual uint32_t timer_task() const { return 0; }    // id of the task the timer is for; 0: none

    // The owner of `n`, when an owner scheduled it; nullptr for any other timer.
    static const TimerOwner* of_timer(const TimerNode& n) {
        return n.cb.fn == &TimerOwner::fire ? static_cast<const TimerOwner*>(n.cb.ctx) : nullptr;
    }

protected:
    TimerOwner() = default;
    TimerOwner(const TimerOwner&) = delete;
    TimerOwner& operator=(const TimerOwner&) = delete;
    ~TimerOwner() = default;   // the handle, cancelled when it goes, must not outlive its owner

    // Schedules `handle` (the owner's own) to call on_timer() at loop time `when`.
    void schedule(TimerHandle& handle, Time when) { handle.call_at(when, &TimerOwner::fire, this); }
    virtual void on_timer() = 0;

private:
    // The pointer stored is a TimerOwner*, so both casts go through the same base.
    static void fire(void* self, void*) { static_cast<TimerOwner*>(self)->on_timer(); }
};

}  // namespace aio::detail
