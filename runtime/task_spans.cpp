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
        next_.push_back(0);
        slots_.resize(slots_.size() + kChunk);
    } else {                              // all in use: the one taken longest ago comes back
        k = victim_;
        if (++victim_ == chunk_limit_) victim_ = 0;
        drop_head(*owner_[k], k);
    }
    owner_[k] = &chain;
    if (chain.count == 0) chain.head = k;
    else next_[chain.tail] = k;
    chain.tail = k;
}

void SpanLog::drop_head(SpanChain& chain, uint32_t k) {
    // Chunks are taken back in the order they were handed out, so k is its owner's oldest; a chain
    // reset since (a record made anew) holds none of the old ones.
    if (chain.empty() || chain.head != k) return;
    const uint32_t gone = std::min<uint32_t>(chain.count, kChunk);
    dropped_ += gone;
    chain.count -= gone;
    chain.head = next_[k];
}

TaskSpanView SpanLog::view(const SpanChain& chain) const {
    TaskSpanView v;
    if (chain.empty()) return v;
    auto chunks = std::make_shared<std::vector<const detail::SpanSlot*>>();
    const size_t n = (chain.count + kChunk - 1) / kChunk;
    chunks->reserve(n);
    for (uint32_t k = chain.head; chunks->size() < n; k = next_[k]) chunks->push_back(&slots_[k * kChunk]);
    v.chunks_ = std::move(chunks);
    v.size_ = v.total_ = chain.count;
    return v;
}

void SpanLog::clear() {
    slots_.clear();
    owner_.clear();
    next_.clear();
    victim_ = 0;
    appended_ = dropped_ = 0;
}

}  // namespace aio
