// Each loop iteration told in plain words: which waits ended, which tasks ran, from which line of
// the demo's script to which, what they printed, and how they stopped. A Narrator listens to the
// loop as a Recorder placed in front of the loop's own (the run's Trace, which still gets every
// report), so it sees every iteration even when many run between two frames. Its wording comes
// from the runtime's reports and the demo's await lines only: no demo has sentences of its own.
#pragma once
#include "playground/demos/demo.hpp"
#include "runtime/loop.hpp"
#include "runtime/recorder.hpp"
#include "runtime/wait_kind.hpp"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace aio::page {

// What one loop iteration did, in sentences ("Task-2 resumed at line 17, printed "Two" and
// finished.").
struct Account {
    uint64_t iteration = 0;               // the loop's iteration number (Loop::iteration)
    Time time = 0;                        // loop seconds when it ran
    std::vector<std::string> sentences;   // in the order things happened
};

class Narrator final : public Recorder {
public:
    // `demo` gives the script's await lines; the latest `keep` accounts are kept (at least 1).
    explicit Narrator(const demos::Demo& demo, size_t keep = 4096);
    ~Narrator() override;
    Narrator(const Narrator&) = delete;
    Narrator& operator=(const Narrator&) = delete;

    // Listens to `loop` in front of its recorder, forwarding every report to it; detach() (or the
    // destructor) puts that recorder back.
    void attach(Loop& loop);
    void detach();
    // A line the demo printed, told as printed by the task running now (if any).
    void printed(const std::string& line);
    // The accounts so far, oldest first, the one of the iteration running last (it may be empty).
    std::vector<Account> accounts() const;

    void on_task_created(const TaskBase& t) override;
    void on_task_state(const TaskBase& t, TaskState from) override;
    void on_iteration(const Loop& loop) override;
    void on_task_renamed(const TaskBase& t) override;
    void on_resource_changed(const detail::Resource& r) override;
    void on_resource_destroyed(const detail::Resource& r) override;

private:
    // One task's part in the iteration being told, as it happened.
    struct Part {
        std::string name;
        std::string woke;                  // "the sleep(1) of Task-2 ended", or empty
        std::string began;                 // "started" or "resumed at line 17"
        std::vector<std::string> created;  // the tasks it created
        std::vector<std::string> printed;
        std::string ended;                 // "now waits on sleep(1) at line 16", "finished", ...
    };
    struct Waiting {                       // what a task waits on, once it waits
        std::string what;                  // "sleep(1)"
        WaitKind kind = WaitKind::None;
        int line = 0;                      // the await's line in the script, 0: unknown
    };
    void close_iteration();
    Account told() const;                  // the iteration running, told as far as it has gone
    int line_of(const TaskBase& t) const;
    Part& part(const TaskBase& t);

    const demos::Demo& demo_;
    size_t keep_;
    Loop* loop_ = nullptr;
    Recorder* next_ = nullptr;
    std::deque<Account> done_;
    Account current_;
    std::vector<uint32_t> order_;          // tasks in the order they first took part
    std::map<uint32_t, Part> parts_;
    std::map<uint32_t, Waiting> waiting_;  // by task id
};

// An account as one paragraph: "t = 1.00 s, iteration 5: the sleep(1) of Task-2 ended. ..."
std::string to_text(const Account& a);

}  // namespace aio::page
