// Recording a run's inputs: iteration starts a replay could not tell, and every fetch's answer.
#include "runtime/hosts/run_inputs.hpp"

#include <algorithm>

namespace aio {

Time implied_start(const Loop& loop, Time from) {
    if (!loop.has_ready() && loop.has_timers()) return std::max(from, loop.next_deadline());
    return from;
}

void ClockRecorder::on_iteration(const Loop& loop) {
    // The host moved the clock from somewhere between the previous start and now. A replay's clock
    // stands in that range too; from any point of it implied_start lands here exactly when it
    // does from the previous start (it is monotone, and now is its upper bound).
    const Time now = loop.time();
    if (implied_start(loop, last_start_) != now) starts_.push_back({loop.iteration(), now});
    last_start_ = now;
    RecorderRelay::on_iteration(loop);
}

uint64_t RecordingNetwork::start(const std::string& url, const FetchOptions& options, std::function<void(FetchResult)> done) {
    const uint64_t ordinal = requests_.size() + 1;
    requests_.push_back({.ordinal = ordinal, .url = url});
    const uint64_t id = inner_.start(url, options, [this, ordinal, done = std::move(done)](FetchResult r) {
        answered(ordinal, r);
        done(std::move(r));
    });
    requests_.back().due = inner_.due_at(id);
    return id;
}

void RecordingNetwork::abort(uint64_t id) { inner_.abort(id); }

void RecordingNetwork::answered(uint64_t ordinal, const FetchResult& r) {
    RecordedFetch& f = requests_[ordinal - 1];
    f.result = r;
    // A timer's answer runs inside its iteration; any other comes between two, before the next.
    f.iteration = loop_.iteration() + (loop_.is_running() && f.due >= 0 ? 0 : 1);
    if (f.due < 0) f.at = loop_.time();
    answer_order_.push_back(ordinal);
}

std::vector<RecordedFetch> RecordingNetwork::fetches() const {
    std::vector<RecordedFetch> out;
    out.reserve(requests_.size());
    for (uint64_t n : answer_order_) out.push_back(requests_[n - 1]);
    for (const RecordedFetch& f : requests_)
        if (!f.result) out.push_back(f);
    return out;
}

}  // namespace aio
