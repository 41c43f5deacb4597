// A resource's level over loop time: a bounded ring of samples, oldest dropped first, as the
// trace's event ring. Views read it as a step function (a sample's level holds until the next).
#pragma once
#include "runtime/loop.hpp"
#include "runtime/resource.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace aio {

struct ResourceSample {
    Time time;                                               // loop time of the change
    int64_t level;                                           // ResourceLevel::level after it
    std::array<uint32_t, kResourceWaitLists> waiters;        // ResourceLevel::waiters after it
};

class ResourceSampleView;

class ResourceHistory {
public:
    // capacity: samples kept, rounded up to a power of two (0 keeps 1); above the largest power of
    // two a size_t holds (SIZE_MAX, say), that power: in effect unbounded.
    explicit ResourceHistory(size_t capacity) : mask_(power_of_two_at_least(capacity) - 1) {}
    size_t size() const { return buf_.size(); }
    bool empty() const { return buf_.empty(); }
    size_t capacity() const { return mask_ + 1; }
    uint64_t dropped() const { return dropped_; }            // samples the ring no longer holds
    uint64_t pushed() const { return buf_.size() + dropped_; }   // samples ever pushed: kept and dropped
    const ResourceSample& operator[](size_t i) const { return buf_[(head_ + i) & mask_]; }   // 0: oldest
    const ResourceSample& back() const { return (*this)[size() - 1]; }
    // The oldest n samples kept (n <= size()), as a view: what of the history a reader may see.
    ResourceSampleView first(size_t n) const;
    void push(const ResourceSample& s) {
        if (buf_.size() <= mask_) {
            buf_.push_back(s);   // grows only as samples come, up to the capacity
            return;
        }
        buf_[head_] = s;
        head_ = (head_ + 1) & mask_;
        ++dropped_;
    }

    // The least power of two >= n, at most the largest one a size_t holds (one more doubling
    // would wrap to 0 and never reach n).
    static size_t power_of_two_at_least(size_t n) {
        constexpr size_t kLargest = ~(SIZE_MAX >> 1);
        size_t p = 1;
        while (p < n && p < kLargest) p <<= 1;
        return p;
    }

private:
    std::vector<ResourceSample> buf_;
    size_t mask_;
    size_t head_ = 0;
    uint64_t dropped_ = 0;
};

// Random access, oldest first, to the oldest samples a history keeps: all of them, or the first n
// (ResourceHistory::first). Valid until the history is pushed to again.
class ResourceSampleView {
public:
    ResourceSampleView() = default;
    ResourceSampleView(const ResourceHistory& h) : h_(&h), size_(h.size()) {}   // the whole history
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const ResourceSample& operator[](size_t i) const { return (*h_)[i]; }   // 0: oldest
    const ResourceSample& back() const { return (*h_)[size_ - 1]; }

private:
    friend class ResourceHistory;
    const ResourceHistory* h_ = nullptr;
    size_t size_ = 0;
};

inline ResourceSampleView ResourceHistory::first(size_t n) const {
    ResourceSampleView v(*this);
    v.size_ = n;
    return v;
}

}  // namespace aio
