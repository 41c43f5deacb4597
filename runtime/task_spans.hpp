// A task's life as spans, one per state it entered: what the timeline draws and the Chrome trace
// exports. A SpanLog stores them for every task of a run in fixed chunks taken in turn from one
// pool, so recording a state change is one store, and the oldest chunk leaves whole when it is full.
#pragma once
#include "runtime/loop.hpp"
#include "runtime/task_state.hpp"
#include "runtime/wait_kind.hpp"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <span>
#include <type_traits>
#include <vector>

namespace aio {

// One stretch of a task's life in one state, [start, end) in loop seconds. The open span, the
// task's state now, ends where it starts until the state changes; a done, failed or cancelled
// span (the last) never changes, and lasts nothing.
struct TaskSpan {
    Time start = 0, end = 0;
    TaskState state = TaskState::Pending;
    WaitKind wait = WaitKind::None;   // with Waiting: what the task waited on
};

namespace detail {
// A span as stored: its end is the next span's start, so entering a state writes one slot.
struct SpanSlot {
    Time start;
    TaskState state;
    WaitKind wait;
};
}  // namespace detail

// Random access, oldest first, to a task's spans as a SpanLog keeps them (chunk by chunk), or to
// spans laid out in one array. Elements are TaskSpan values, each ending where the next starts.
// Valid until the log it came from changes.
class TaskSpanView {
public:
    class iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using iterator_concept = std::random_access_iterator_tag;
        using value_type = TaskSpan;
        using difference_type = std::ptrdiff_t;
        using reference = TaskSpan;
        using pointer = void;
        iterator() = default;
        iterator(const TaskSpanView* v, size_t i) : v_(v), i_(static_cast<difference_type>(i)) {}
        TaskSpan operator*() const { return (*v_)[static_cast<size_t>(i_)]; }
        TaskSpan operator[](difference_type n) const { return (*v_)[static_cast<size_t>(i_ + n)]; }
        iterator& operator++() { ++i_; return *this; }
        iterator operator++(int) { iterator t = *this; ++i_; return t; }
        iterator& operator--() { --i_; return *this; }
        iterator operator--(int) { iterator t = *this; --i_; return t; }
        iterator& operator+=(difference_type n) { i_ += n; return *this; }
        iterator& operator-=(difference_type n) { i_ -= n; return *this; }
        friend iterator operator+(iterator a, difference_type n) { return a += n; }
        friend iterator operator+(difference_type n, iterator a) { return a += n; }
        friend iterator operator-(iterator a, difference_type n) { return a -= n; }
        friend difference_type operator-(const iterator& a, const iterator& b) { return a.i_ - b.i_; }
        friend bool operator==(const iterator& a, const iterator& b) { return a.i_ == b.i_; }
        friend auto operator<=>(const iterator& a, const iterator& b) { return a.i_ <=> b.i_; }

    private:
        const TaskSpanView* v_ = nullptr;
        difference_type i_ = 0;
    };

    TaskSpanView() = default;
    // Spans laid out in one array (a vector, a span), each with its own end.
    TaskSpanView(std::span<const TaskSpan> flat) : flat_(flat.data()), size_(flat.size()), total_(flat.size()) {}
    template <class R>
        requires(!std::is_same_v<std::remove_cvref_t<R>, TaskSpanView> && std::is_convertible_v<const R&, std::span<const TaskSpan>>)
    TaskSpanView(const R& flat) : TaskSpanView(std::span<const TaskSpan>(flat)) {}

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    TaskSpan operator[](size_t i) const {
        if (flat_) return flat_[i];
        const detail::SpanSlot& s = slot(i);
        return {s.start, i + 1 < total_ ? slot(i + 1).start : s.start, s.state, s.wait};
    }
    TaskSpan front() const { return (*this)[0]; }
    TaskSpan back() const { return (*this)[size_ - 1]; }
    // The first n spans (n <= size()); the last of them still ends where the next starts.
    TaskSpanView first(size_t n) const {
        TaskSpanView v = *this;
        v.size_ = n;
        return v;
    }
    // The first n spans (n <= size()) as they stood before the next was entered: the last of them
    // open, ending where it starts. Spans laid out in one array keep the ends they were given.
    TaskSpanView first_open(size_t n) const {
        TaskSpanView v = first(n);
        if (!v.flat_) v.total_ = n;
        return v;
    }
    iterator begin() const { return {this, 0}; }
    iterator end() const { return {this, size_}; }

private:
    friend class SpanLog;
    static constexpr size_t kShift = 2, kChunk = size_t{1} << kShift;   // SpanLog's chunk: 4 spans, 64 bytes
    const detail::SpanSlot& slot(size_t i) const { return (*chunks_)[i >> kShift][i & (kChunk - 1)]; }
    const TaskSpan* flat_ = nullptr;
    std::shared_ptr<const std::vector<const detail::SpanSlot*>> chunks_;   // the task's chunks, oldest first
    size_t size_ = 0, total_ = 0;   // total_: spans in the task, past a first()
};

// Where a task's spans are in a SpanLog: its newest chunk, linked back through the log to its
// oldest. Every chunk but the newest is full. 12 bytes, in the task's record. The spans kept are
// the latest `count` of the `entered`: the oldest leave first.
struct SpanChain {
    uint32_t tail = 0;      // chunk number; meaningless while count is 0
    uint32_t count = 0;     // spans kept
    uint32_t entered = 0;   // spans ever appended: drops and recycled chunks leave it as it is
    size_t size() const { return count; }
    bool empty() const { return count == 0; }
};

// The spans of every task of a run, in chunks of 4 taken in turn from a pool of budget / 4: once
// all are in use, the next chunk a task needs is the one taken longest ago, which the task owning
// it loses (its oldest 4 spans, or all its spans if that was its only chunk). So at most `budget`
// spans are kept, and the oldest leave first, a chunk at a time.
class SpanLog {
public:
    static constexpr size_t kChunk = TaskSpanView::kChunk;
    static constexpr size_t kUnbounded = SIZE_MAX;   // no budget: as many chunks as chunk numbers count
    // budget: spans, at least 1 (else std::invalid_argument), rounded up to whole chunks. A span
    // takes 16 bytes, and 12 per chunk of 4 (whose it is, what came before) natively, 8 in wasm.
    explicit SpanLog(size_t budget = kUnbounded);

    // Closes the chain's open span at `at` and opens one in `state`. The log keeps a pointer to
    // each chain it holds spans of, to take its oldest chunk back: a chain must stay where it is
    // (or be emptied with clear()) while the log holds its spans.
    void append(SpanChain& chain, Time at, TaskState state, WaitKind wait) {
        const size_t fill = chain.count & (kChunk - 1);   // spans in the tail chunk; 0 when full or none
        if (fill == 0) [[unlikely]] begin_chunk(chain);
        slots_[chain.tail * kChunk + fill] = {at, state, wait};
        ++chain.count;
        ++chain.entered;
        ++appended_;
    }
    TaskSpanView view(const SpanChain& chain) const;   // walks the chain: O(its chunks)
    void release(SpanChain& chain);                     // forgets the chain's spans (counted as dropped), before it is reset
    size_t size() const { return static_cast<size_t>(appended_ - dropped_); }   // spans kept, all chains
    uint64_t dropped() const { return dropped_; }
    size_t budget() const { return chunk_limit_ > SIZE_MAX / kChunk ? SIZE_MAX : chunk_limit_ * kChunk; }
    void clear();   // forgets every span (the chains that held them must be reset too)

private:
    void begin_chunk(SpanChain& chain);             // a new chunk at the chain's end, taken back from its owner if in use
    std::vector<detail::SpanSlot> slots_;   // chunk k is slots_[k * kChunk, (k + 1) * kChunk)
    std::vector<SpanChain*> owner_;         // per chunk: whose it is (null once released)
    std::vector<uint32_t> prev_;            // per chunk: its owner's chunk before it
    size_t chunk_limit_;
    uint32_t victim_ = 0;                   // once every chunk is in use: the one taken longest ago
    uint64_t appended_ = 0, dropped_ = 0;
};

// One task's spans on their own, with no budget: spans built by hand (tests, tools).
class TaskSpans {
public:
    TaskSpans() = default;
    TaskSpans(const TaskSpans&) = delete;   // the log points at chain_
    TaskSpans& operator=(const TaskSpans&) = delete;
    void enter(Time at, TaskState state, WaitKind wait) {
        log_.append(chain_, at, state, wait);
    }
    TaskSpanView view() const { return log_.view(chain_); }
    size_t size() const { return chain_.size(); }
    bool empty() const { return chain_.empty(); }

private:
    SpanLog log_;
    SpanChain chain_;
};

}  // namespace aio
