// Pending timers: a binary min-heap of intrusive nodes ordered by (deadline, scheduling order).
// Nodes know their heap slot, so a cancelled timer leaves the heap at once in O(log n).
#pragma once
#include "runtime/detail/callback.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace aio::detail {

struct TimerNode {
    static constexpr uint32_t kNone = 0xffffffffu;
    double when = 0;
    uint64_t seq = 0;                // scheduling order, to break deadline ties
    uint64_t ready_seq = 0;          // slot in the ready queue once due
    uint32_t heap_index = kNone;
    enum State : uint8_t { Idle, Scheduled, Ready } state = Idle;
    BoundFn cb;                      // called with a null argument
};

class TimerHeap {
public:
    bool empty() const { return heap_.empty(); }
    size_t size() const { return heap_.size(); }
    TimerNode* top() const { return heap_.front(); }
    const std::vector<TimerNode*>& nodes() const { return heap_; }
    // The k earliest timers, earliest first, touching O(k log k) nodes however many there are:
    // a best-first walk down the heap (a node's children are never earlier than the node).
    std::vector<const TimerNode*> earliest(size_t k) const {
        std::vector<const TimerNode*> out;
        std::vector<uint32_t> frontier;   // heap indexes, kept as a min-heap by deadline
        const auto later = [this](uint32_t a, uint32_t b) { return less(heap_[b], heap_[a]); };
        if (!heap_.empty() && k) frontier.push_back(0);
        while (!frontier.empty() && out.size() < k) {
            std::pop_heap(frontier.begin(), frontier.end(), later);
            const uint32_t i = frontier.back();
            frontier.pop_back();
            out.push_back(heap_[i]);
            for (uint32_t c : {2 * i + 1, 2 * i + 2})
                if (c < heap_.size()) {
                    frontier.push_back(c);
                    std::push_heap(frontier.begin(), frontier.end(), later);
                }
        }
        return out;
    }

    void push(TimerNode* n) {
        n->heap_index = static_cast<uint32_t>(heap_.size());
        heap_.push_back(n);
        sift_up(n->heap_index);
    }
    TimerNode* pop() {
        TimerNode* t = heap_.front();
        remove_at(0);
        return t;
    }
    void remove(TimerNode* n) { remove_at(n->heap_index); }

private:
    static bool less(const TimerNode* a, const TimerNode* b) {
        return a->when < b->when || (a->when == b->when && a->seq < b->seq);
    }
    void place(uint32_t i, TimerNode* n) { heap_[i] = n; n->heap_index = i; }
    void remove_at(uint32_t i) {
        heap_[i]->heap_index = TimerNode::kNone;
        TimerNode* last = heap_.back();
        heap_.pop_back();
        if (i == heap_.size()) return;
        place(i, last);
        sift_down(i);
        sift_up(last->heap_index);
    }
    void sift_up(uint32_t i) {
        TimerNode* n = heap_[i];
        while (i > 0) {
            uint32_t p = (i - 1) / 2;
            if (!less(n, heap_[p])) break;
            place(i, heap_[p]);
            i = p;
        }
        place(i, n);
    }
    void sift_down(uint32_t i) {
        TimerNode* n = heap_[i];
        const uint32_t size = static_cast<uint32_t>(heap_.size());
        for (;;) {
            uint32_t c = 2 * i + 1;
            if (c >= size) break;
            if (c + 1 < size && less(heap_[c + 1], heap_[c])) ++c;
            if (!less(heap_[c], n)) break;
            place(i, heap_[c]);
            i = c;
        }
        place(i, n);
    }

    std::vector<TimerNode*> heap_;
};

}  // namespace aio::detail
