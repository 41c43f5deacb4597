// The span log's pool: chunks handed out in turn, the oldest taken back whole when all are in use.
#include "runtime/task_spans.hpp"

#include <algorithm>
#include <stdexcept>

namespace aio {

SpanLog::SpanLog(size_t budget)
    : chunk_limit_(std::min<size_t>(budget / kChunk + (budget % kChunk != 0), UINT32_MAX)) {
    if (budget == 0) throw std::invalid_argument("SpanLog: budget must be at least 1 span, got 0");
}

void SpanLog::begin_chunk(SpanChain& chain) {
    uint32_t k;
    if (owner_.size() < chunk_limit_) {   // the pool grows as chunks are needed, up to the budget
        k = static_cast<uint32_t>(owner_.size());
        owner_.push_back(nullptr);
        prev_.push_back(0);
        slots_.resize(slots_.size() + kChunk);
    } else {                              // all in use: the one taken longest ago comes back
        k = victim_;
        if (++victim_ == chunk_limit_) victim_ = 0;
        // Chunks come back in the order they were handed out, so k is its owner's oldest: the
        // owner loses 4 spans, or all it has if k was its only chunk.
        if (SpanChain* owner = owner_[k]) {
            const uint32_t gone = std::min<uint32_t>(owner->count, kChunk);
            owner->count -= gone;
            dropped_ += gone;
        }
    }
    owner_[k] = &chain;
    prev_[k] = chain.tail;   // read only while the chain has spans before k
    chain.tail = k;
}

void SpanLog::release(SpanChain& chain) {
    uint32_t k = chain.tail;
    for (size_t n = (chain.count + kChunk - 1) / kChunk; n > 0; --n, k = prev_[k]) owner_[k] = nullptr;
    dropped_ += chain.count;
    chain = SpanChain{};
}

TaskSpanView SpanLog::view(const SpanChain& chain) const {
    TaskSpanView v;
    if (chain.empty()) return v;
    auto chunks = std::make_shared<std::vector<const detail::SpanSlot*>>((chain.count + kChunk - 1) / kChunk);
    uint32_t k = chain.tail;
    for (size_t i = chunks->size(); i > 0; --i, k = prev_[k]) (*chunks)[i - 1] = &slots_[k * kChunk];
    v.chunks_ = std::move(chunks);
    v.size_ = v.total_ = chain.count;
    return v;
}

void SpanLog::clear() {
    slots_.clear();
    owner_.clear();
    prev_.clear();
    victim_ = 0;
    appended_ = dropped_ = 0;
}

}  // namespace aio
