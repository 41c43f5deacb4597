// Playing recorded inputs back: answers by request ordinal, iteration starts by iteration.
#include "runtime/hosts/replay.hpp"

namespace aio {

ReplayNetwork::ReplayNetwork(Loop& loop, std::vector<RecordedFetch> fetches)
    : fetches_(std::move(fetches)), timed_(loop), loop_(loop) {
    for (size_t i = 0; i < fetches_.size(); ++i) by_ordinal_[fetches_[i].ordinal] = i;
    timed_.unanswered = [this](uint64_t id) {
        mismatch("replay: " + request(id) + " was never answered in the recording, but is still waiting at its answer's "
                 "due time: it stays pending until aborted");
    };
}

std::string ReplayNetwork::request(uint64_t ordinal) const {
    auto it = by_ordinal_.find(ordinal);
    return "request " + std::to_string(ordinal) + (it == by_ordinal_.end() ? "" : " (" + fetches_[it->second].url + ")");
}

void ReplayNetwork::mismatch(std::string what) {
    mismatches_.push_back(std::move(what));
    if (on_mismatch) on_mismatch(mismatches_.back());
}

uint64_t ReplayNetwork::start(const std::string& url, const FetchOptions&, std::function<void(FetchResult)> done) {
    const uint64_t id = ++started_;
    auto it = by_ordinal_.find(id);
    bool recorded = false;
    if (it == by_ordinal_.end()) {
        mismatch("replay: request " + std::to_string(id) + " (" + url + ") was not made in the recording (it made " +
                 std::to_string(fetches_.size()) + "): it stays pending until aborted");
    } else if (const RecordedFetch& f = fetches_[it->second]; f.url != url) {
        mismatch("replay: request " + std::to_string(id) + " is for " + url + ", but the recording's request " +
                 std::to_string(id) + " was for " + f.url + ": it stays pending until aborted");
    } else if (f.due >= 0) {
        timed_.add(id, url, f.due, f.result, std::move(done));
        return id;
    } else {
        recorded = true;
    }
    waiting_[id] = {std::move(done), recorded};
    return id;
}

void ReplayNetwork::abort(uint64_t id) {
    if (!timed_.cancel(id)) waiting_.erase(id);
}

void ReplayNetwork::deliver_due(uint64_t iteration) {
    for (; next_from_outside_ < fetches_.size(); ++next_from_outside_) {
        const RecordedFetch& f = fetches_[next_from_outside_];
        if (!f.result) break;              // the unanswered come last
        if (f.due >= 0) continue;          // a timer's: it answers by itself
        if (f.iteration > iteration) break;
        auto it = waiting_.find(f.ordinal);
        if (it == waiting_.end() || !it->second.recorded) {
            mismatch("replay: the recording's answer to " + request(f.ordinal) + " came before iteration " +
                     std::to_string(f.iteration) + ", but the replay " +
                     (f.ordinal > started_ ? "had not made that request by then" : "was not waiting for it") +
                     ": the answer is dropped");
            continue;
        }
        auto done = std::move(it->second.done);
        waiting_.erase(it);
        // The clock first, as the host moved it then: the task waited up to that time.
        if (f.at > loop_.time()) loop_.advance_to(f.at);
        done(*f.result);
    }
}

ReplayHost::ReplayHost(Loop& loop, const RunInputs& inputs, ReplayNetwork& network)
    : loop_(loop), inputs_(inputs), network_(network) {}

bool ReplayHost::step() {
    const uint64_t next = loop_.iteration() + 1;
    if (inputs_.stop && loop_.iteration() >= inputs_.stop->after_iteration) {
        // Answers that came after the last iteration reached the loop before the stop cancelled its tasks.
        network_.deliver_due(next);
        stopped_ = true;
        return false;
    }
    // Answers first: whether anything is ready decides the start implied_start gives.
    network_.deliver_due(next);
    if (!loop_.has_ready() && !loop_.has_timers()) return false;
    while (next_start_ < inputs_.clock.size() && inputs_.clock[next_start_].iteration < next) ++next_start_;
    if (next_start_ < inputs_.clock.size() && inputs_.clock[next_start_].iteration == next)
        loop_.advance_to(inputs_.clock[next_start_].time);
    else
        loop_.advance_to(implied_start(loop_, loop_.time()));
    loop_.run_once();
    return true;
}

}  // namespace aio
