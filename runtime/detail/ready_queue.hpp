// The loop's ready queue: a growable ring of callbacks addressed by a running sequence number, so
// a timer moved here can still be cancelled (neutralised in place) before it runs, as in asyncio.
#pragma once
#include "runtime/detail/callback.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

namespace aio::detail {

class ReadyQueue {
public:
    ReadyQueue() = default;
    ReadyQueue(const ReadyQueue&) = delete;
    ReadyQueue& operator=(const ReadyQueue&) = delete;
    ~ReadyQueue() { std::free(slots_); }

    bool empty() const { return head_ == tail_; }
    uint64_t size() const { return tail_ - head_; }
    uint64_t head() const { return head_; }   // sequence number of the next callback to run

    uint64_t push(const Callback& cb) {
        if (tail_ - head_ == cap_) grow();
        slots_[tail_ & (cap_ - 1)] = cb;
        return tail_++;
    }
    Callback pop() { return slots_[head_++ & (cap_ - 1)]; }
    Callback& at(uint64_t seq) { return slots_[seq & (cap_ - 1)]; }
    bool contains(uint64_t seq) const { return seq >= head_ && seq < tail_; }
    template <class F> void for_each(F&& f) const {
        for (uint64_t s = head_; s < tail_; ++s) f(slots_[s & (cap_ - 1)]);
    }

private:
    void grow() {
        const uint64_t ncap = cap_ ? cap_ * 2 : 64;
        auto* n = static_cast<Callback*>(std::malloc(ncap * sizeof(Callback)));
        if (!n) throw std::bad_alloc();
        // Keep each callback at its sequence number modulo the new capacity.
        for (uint64_t s = head_; s < tail_; ++s) n[s & (ncap - 1)] = slots_[s & (cap_ - 1)];
        std::free(slots_);
        slots_ = n;
        cap_ = ncap;
    }

    Callback* slots_ = nullptr;
    uint64_t cap_ = 0, head_ = 0, tail_ = 0;
};

}  // namespace aio::detail
