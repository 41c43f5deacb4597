// LogRange: a stretch of one of a run's append-only logs (the lines it printed, the accounts
// told), which a state shows without copying: a busy run prints hundreds of lines an iteration,
// and going back to an earlier iteration only moves the stretch's ends.
#pragma once
#include <cstddef>
#include <deque>
#include <iterator>

namespace aio::page {

template <class T> class LogRange {
public:
    using value_type = T;
    using const_iterator = typename std::deque<T>::const_iterator;
    using iterator = const_iterator;

    LogRange() = default;
    // Items [first, last) of `log` (first <= last <= log->size()). Valid while those items stay
    // in the log: a log appended to keeps them where they are (a deque).
    LogRange(const std::deque<T>* log, size_t first, size_t last) : log_(log), first_(first), last_(last) {}
    // The whole of `log`, as it is now.
    explicit LogRange(const std::deque<T>& log) : LogRange(&log, 0, log.size()) {}

    size_t size() const { return last_ - first_; }
    bool empty() const { return first_ == last_; }
    const T& operator[](size_t i) const { return (*log_)[first_ + i]; }
    const T& front() const { return (*this)[0]; }
    const T& back() const { return (*this)[size() - 1]; }
    const_iterator begin() const { return log_ ? log_->begin() + static_cast<std::ptrdiff_t>(first_) : const_iterator(); }
    const_iterator end() const { return log_ ? log_->begin() + static_cast<std::ptrdiff_t>(last_) : const_iterator(); }
    auto rbegin() const { return std::make_reverse_iterator(end()); }
    auto rend() const { return std::make_reverse_iterator(begin()); }
    // Where the stretch lies in its log.
    size_t first() const { return first_; }
    size_t last() const { return last_; }

private:
    const std::deque<T>* log_ = nullptr;
    size_t first_ = 0, last_ = 0;
};

}  // namespace aio::page
