// Telling a recorded run again (runtime/hosts/run_inputs.hpp) with no network: ReplayNetwork
// answers each request as the recording says, ReplayHost starts each iteration at the recorded
// time and hands back the recorded stop. Same demo, parameters and entropy seed: same run.
//
//   ReplayNetwork net(loop, inputs.fetches);  set_network(loop, &net);
//   ReplayHost host(loop, inputs, net);
//   while (host.step()) {}
//   if (host.stopped()) demos::stop_run(loop, host.stop()->time);
#pragma once
#include "runtime/detail/due_answers.hpp"
#include "runtime/hosts/run_inputs.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace aio {

// A Network that needs none: the n-th start() gets the recording's n-th request's answer (its id
// is n, as a fresh BrowserNetwork's would be). An answer that came from a loop timer (a virtual
// network's) comes from the same timer; one from outside is handed over by deliver_due() just
// before the iteration it came before. A request the recording did not make, made for another
// URL, or never answered there (aborted, or in flight at its end) stays pending until aborted.
// Where the run takes another path than the recording, mismatches() says how; nothing throws.
class ReplayNetwork final : public Network {
public:
    // `fetches` as RecordingNetwork::fetches() lists them.
    ReplayNetwork(Loop& loop, std::vector<RecordedFetch> fetches);
    uint64_t start(const std::string& url, const FetchOptions& options, std::function<void(FetchResult)> done) override;
    void abort(uint64_t id) override;
    Time due_at(uint64_t id) const override { return timed_.due(id); }

    // Hands over, in the recorded order, the answers from outside that came before iteration
    // `iteration` (Loop::iteration() numbering, from 1) and have not been handed over yet.
    void deliver_due(uint64_t iteration);

    // How the replay left the recording, one sentence each: "replay: request 3 is for
    // http://h/b, but the recording's request 3 was for http://h/a: it stays pending until aborted".
    const std::vector<std::string>& mismatches() const { return mismatches_; }
    std::function<void(const std::string&)> on_mismatch;   // told each as it is found

private:
    void mismatch(std::string what);
    std::string request(uint64_t ordinal) const;   // "request 3 (http://h/a)"
    std::vector<RecordedFetch> fetches_;
    std::map<uint64_t, size_t> by_ordinal_;        // into fetches_
    size_t next_from_outside_ = 0;                 // fetches_ before it are handed over or passed
    struct Waiting {
        std::function<void(FetchResult)> done;
        bool recorded = false;   // the recording's request of this ordinal, for the same URL
    };
    std::map<uint64_t, Waiting> waiting_;   // by id: for an answer from outside, or for none
    detail::DueAnswers timed_;
    Loop& loop_;
    uint64_t started_ = 0;
    std::vector<std::string> mismatches_;
};

// Drives a loop through recorded inputs, one iteration per step(), as VirtualHost drives one on
// the virtual clock (past the recorded starts it is one).
class ReplayHost {
public:
    // `inputs` and `network` must outlive the host; `loop` is where the recording's began.
    ReplayHost(Loop& loop, const RunInputs& inputs, ReplayNetwork& network);

    // One iteration: the answers due before it handed over, the clock moved to its recorded start
    // (else implied_start's), then Loop::run_once. Returns false, running nothing, at the recorded
    // stop (its answers handed over: stopped() then says so), or when nothing is ready, no timer
    // is pending and no answer is due: the recording ended there, or the replay took another path.
    bool step();
    bool stopped() const { return stopped_; }    // step() reached the recorded stop
    const std::optional<RecordedStop>& stop() const { return inputs_.stop; }

private:
    Loop& loop_;
    const RunInputs& inputs_;
    ReplayNetwork& network_;
    size_t next_start_ = 0;   // into inputs_.clock
    bool stopped_ = false;
};

}  // namespace aio
