// TimerHeap (runtime/detail/timer_heap.hpp): the earliest timers without sorting them all.
#include "tests/runtime/log.hpp"
#include "runtime/detail/timer_heap.hpp"

#include <gtest/gtest.h>

namespace {

// The loop panel lists the earliest timers without sorting them all: the heap's best-first walk
// must return exactly the k earliest, in order, ties by scheduling order.
TEST(TimerHeap, earliest_k_are_the_first_k_in_deadline_order) {
    std::vector<aio::detail::TimerNode> nodes(2000);
    aio::detail::TimerHeap heap;
    uint64_t state = 12345;
    for (size_t i = 0; i < nodes.size(); ++i) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        nodes[i].when = static_cast<double>((state >> 33) % 500);   // many equal deadlines
        nodes[i].seq = i;
        heap.push(&nodes[i]);
    }
    std::vector<const aio::detail::TimerNode*> sorted(heap.nodes().begin(), heap.nodes().end());
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->when < b->when || (a->when == b->when && a->seq < b->seq); });
    for (size_t k : {size_t{0}, size_t{1}, size_t{7}, size_t{1000}, size_t{2000}, size_t{5000}}) {
        const auto got = heap.earliest(k);
        ASSERT_EQ(got.size(), std::min(k, nodes.size()));
        for (size_t i = 0; i < got.size(); ++i) ASSERT_EQ(got[i], sorted[i]) << "k=" << k << " i=" << i;
    }
}

}  // namespace
