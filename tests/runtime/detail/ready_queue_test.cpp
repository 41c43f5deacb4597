// ReadyQueue (runtime/detail/ready_queue.hpp): callbacks come out in the order they went in, each
// keeps its sequence number as the ring grows, so an entry can still be found and neutralised.
#include "runtime/detail/ready_queue.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace {
using aio::detail::Callback;
using aio::detail::ReadyQueue;

void noop(void*, void*) {}
// The callback that stands for number n: its argument carries n.
Callback numbered(uintptr_t n) { return {&noop, nullptr, reinterpret_cast<void*>(n)}; }
uintptr_t number(const Callback& cb) { return reinterpret_cast<uintptr_t>(cb.arg); }

TEST(ReadyQueue, is_first_in_first_out_and_numbers_entries_in_order) {
    ReadyQueue q;
    EXPECT_TRUE(q.empty());
    for (uintptr_t i = 0; i < 3; ++i) EXPECT_EQ(q.push(numbered(i)), i);
    EXPECT_EQ(q.size(), 3u);
    EXPECT_EQ(q.head(), 0u);
    for (uintptr_t i = 0; i < 3; ++i) EXPECT_EQ(number(q.pop()), i);
    EXPECT_TRUE(q.empty());
    EXPECT_EQ(q.head(), 3u);
}

// Growing while the ring has wrapped keeps both the order and each entry at its number.
TEST(ReadyQueue, growth_keeps_order_and_sequence_numbers) {
    ReadyQueue q;
    uintptr_t next_in = 0, next_out = 0;
    for (int i = 0; i < 50; ++i) q.push(numbered(next_in++));
    for (int i = 0; i < 40; ++i) ASSERT_EQ(number(q.pop()), next_out++);
    std::vector<uint64_t> seqs;
    for (int i = 0; i < 500; ++i) {
        const uintptr_t n = next_in++;
        seqs.push_back(q.push(numbered(n)));
        ASSERT_EQ(seqs.back(), n);
    }
    for (uint64_t s : seqs) ASSERT_EQ(number(q.at(s)), s);
    std::vector<uintptr_t> listed;
    q.for_each([&](const Callback& cb) { listed.push_back(number(cb)); });
    ASSERT_EQ(listed.size(), q.size());
    for (size_t i = 0; i < listed.size(); ++i) EXPECT_EQ(listed[i], next_out + i);
    while (!q.empty()) ASSERT_EQ(number(q.pop()), next_out++);
    EXPECT_EQ(next_out, next_in);
}

TEST(ReadyQueue, contains_only_entries_not_yet_popped) {
    ReadyQueue q;
    const uint64_t a = q.push(numbered(1));
    const uint64_t b = q.push(numbered(2));
    EXPECT_TRUE(q.contains(a));
    EXPECT_TRUE(q.contains(b));
    EXPECT_FALSE(q.contains(b + 1));
    q.pop();
    EXPECT_FALSE(q.contains(a));
    EXPECT_TRUE(q.contains(b));
}

// A timer cancelled after it became due is neutralised in place: the loop skips an empty entry.
TEST(ReadyQueue, an_entry_changed_through_at_comes_out_changed) {
    ReadyQueue q;
    q.push(numbered(1));
    const uint64_t s = q.push(numbered(2));
    q.push(numbered(3));
    q.at(s) = {};
    EXPECT_EQ(number(q.pop()), 1u);
    EXPECT_EQ(q.pop().fn, nullptr);
    EXPECT_EQ(number(q.pop()), 3u);
}

}  // namespace
