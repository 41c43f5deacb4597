// Each loop iteration told in plain words: which waits ended, which tasks ran, from which line of
// the demo's script to which, what they printed, and how they stopped. A Narrator listens to the
// loop as a Recorder placed in front of the loop's own (the run's Trace, which still gets every
// report), so it sees every iteration even when many run between two frames. Its wording comes
// from the runtime's reports and the demo's await lines only: no demo has sentences of its own.
#pragma once
#include "playground/demos/demo.hpp"
#include "playground/state/account.hpp"
#include "runtime/loop.hpp"
#include "runtime/recorder.hpp"
#include "runtime/resource.hpp"
#include "runtime/wait_kind.hpp"

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <unordered_map>
#include <string>
#include <vector>

namespace aio::page {

class Narrator final : public RecorderRelay {
public:
    // `demo` gives the script's await lines. Of the accounts not yet taken, the latest are kept:
    // at most `keep` accounts and `keep_sentences` sentences (the newest account always).
    explicit Narrator(const demos::Demo& demo, size_t keep = kKeptAccounts, size_t keep_sentences = kKeptSentences);
    ~Narrator() override;
    Narrator(const Narrator&) = delete;
    Narrator& operator=(const Narrator&) = delete;

    // Listens to `ctx.loop` in front of its recorder, forwarding every report to it, and to what
    // the demo prints and its blocking calls (time.sleep), through ctx.print and ctx.block.
    // detach() (or the destructor) puts them all back; `ctx` must outlive the attachment.
    void attach(demos::Context& ctx);
    void detach();
    // Ends the account of the iteration being told: the loop stopped between two iterations (a
    // step, a pause, a frame). Later reports of that iteration (a stop's cancellations) get an
    // account of their own, with the same iteration number.
    void flush();
    // The run is being stopped at loop time `at` (the time shown): what follows (its tasks
    // cancelled) is told at `at`, in an account that says so first; accounts later than `at`
    // not yet taken are dropped (the caller drops those it took). `cut`: the tasks the loop had
    // finished after `at`, which the stopped run shows cancelled (as_of.hpp's finished_after).
    void stopping(Time at, const std::vector<std::string>& cut = {});
    // Moves the accounts ended so far (oldest first) out to the end of `into`.
    void take(std::deque<Account>& into);
    // The accounts so far, oldest first, the one of the iteration running last (it may be empty).
    std::vector<Account> accounts() const;

    void on_task_created(const TaskBase& t) override;
    void on_task_state(const TaskBase& t, TaskState from) override;
    void on_iteration(const Loop& loop) override;
    void on_task_renamed(const TaskBase& t) override;
    void on_resource_changed(const detail::Resource& r) override;
    void on_resource_destroyed(const detail::Resource& r) override;
    void on_asyncgen_anext(const TaskBase& t, const detail::FrameBase& gen) override;
    void on_asyncgen_yield(const TaskBase& t, const detail::FrameBase& gen, const std::string& value) override;
    void on_asyncgen_return(const TaskBase& t, const detail::FrameBase& gen) override;

private:
    // What a task did, in the order done; consecutive creations and prints are told as one list.
    enum class Did : uint8_t { Began, Created, Printed, Blocked, Iterated, Ended };
    struct Deed {
        Did what;
        std::vector<std::string> items;    // "resumed at line 17"; the tasks created; the lines printed (the first few)
        size_t more = 0;                   // items past those
        std::string note;                  // said once a run, after the item: " (a blocking call: ...)"
        // A wait's future as the item names it ("fetch http://..."), at detail_at, and its kind ("fetch").
        size_t detail_at = std::string::npos;
        std::string detail, general;
        bool why = false;                  // it says why (the wait's cause), or the task failed or was cancelled
    };
    // One task's part in the iteration being told, as it happened.
    struct Part {
        std::string name;
        std::string woke;                  // "the sleep(1) of Task-2 ended", or empty
        std::vector<Deed> deeds;
        size_t woke_name_at = std::string::npos;   // where woke names the task, when it does once: wake-ups alike are told together
    };
    struct Awaiting {                      // a task waiting for other tasks (gather, a task, ...)
        std::string task;                  // the waiting task's name
        WaitKind kind = WaitKind::None;
        std::map<uint32_t, std::string> unfinished;   // the tasks it waits for, by id: their names
    };
    // The last queue, semaphore, lock or event a task changed (joining its waiters, say), as it was then.
    struct Touched {
        uint32_t task = 0;
        const detail::Resource* resource = nullptr;   // alive while that task's step goes on
        std::string name() const;          // "the queue", or "q" when named
    };
    void printed(const std::string& line);
    void blocked(double seconds);
    static bool outside_coroutines(const TaskBase& t);
    void close_iteration();
    Account told() const;                  // the iteration running, told as far as it has gone
    // Its deeds in words, after its name; `spoken`: printed lines counted, not quoted.
    static std::string body(const Part& p, bool notes, bool general, bool spoken = false);
    // The script line `t` waits at, by its innermost named frame and its wait (WaitKind::None: a
    // blocking call); 0 when the demo does not say.
    int line_of(const TaskBase& t, WaitKind wait, const detail::FrameBase** named = nullptr);
    // " in mygen(3)" when `frame` is an async generator's (it runs inside the task), else "".
    std::string in_generator(const detail::FrameBase* frame) const;
    void asked();                          // tells a pending __anext__ that neither yielded nor returned
    Part* part(const TaskBase& t);         // nullptr past the tasks told one by one
    bool deed(const TaskBase& t, Did what, std::string item);   // false: `t` is only counted
    void count_end(TaskState to);
    std::string why(const TaskBase& t, WaitKind kind) const;
    void finished(const TaskBase& t);

    const demos::Demo& demo_;
    size_t keep_, keep_sentences_;
    demos::Context* ctx_ = nullptr;
    std::function<void(const std::string&)> print_;   // ctx's own, while attached
    std::function<void(double)> block_;
    std::deque<Account> done_;
    Account current_;
    Time stopped_at_ = -1;                 // once stopping: the time its accounts carry
    uint64_t last_told_ = 0;               // the iteration of the latest account ended
    uint64_t accounts_told_ = 0;           // accounts ended so far: the next one is number accounts_told_ + 1
    bool said_blocking_ = false, said_fetch_ = false;   // what a blocking call or a fetch means, said once a run
    std::vector<uint32_t> order_;          // the tasks told one by one, in the order they first took part
    std::vector<Part> parts_;              // theirs, in that order (a dozen at most: searched in order_)
    // What happened in the order it happened: a told task's first deed (its sentence goes there) or
    // its wake-up, by index into parts_. A producer that blocks in put and is woken by a consumer
    // later in the same iteration is told blocking first, then the consumer, then the wake-up.
    struct Told {
        uint8_t part;
        bool woke;
    };
    std::vector<Told> sequence_;
    std::vector<std::string> after_run_;   // lines the script printed after asyncio.run() returned
    // What each waiting task waits on, by task id, kept cheap (a busy iteration has thousands of
    // waits): the words are made only for the tasks told, from the task itself.
    struct Note {
        WaitKind wait = WaitKind::None;    // of its last wait; None once it gave the loop a turn
        uint8_t part = 0;                  // its place in parts_ this iteration, plus one; 0: none
    };
    std::vector<Note> notes_;              // by task id (ids are dense)
    Note& note(uint32_t id) {
        if (notes_.size() <= id) notes_.resize(id + 1 + id / 2);
        return notes_[id];
    }
    std::unordered_map<uint32_t, std::string> resource_of_;   // a semaphore's, lock's or event's waiters: its name
    std::unordered_map<uint32_t, Awaiting> awaiting_;
    std::map<uint32_t, std::vector<uint32_t>> awaited_by_;   // task id -> the tasks whose wait includes it
    std::vector<uint32_t> still_;          // awaiting tasks one of whose tasks ended this iteration
    Touched touched_;
    // An async generator asked for its next value, told once it yields, returns or its task stops.
    struct Asking {
        const TaskBase* task = nullptr;
        const detail::FrameBase* gen = nullptr;
        bool first = false;                // a new generator: its first value
    } asking_;
    std::vector<const detail::FrameBase*> generators_;   // the async generators begun and not returned
    struct Line {                          // the demo's await lines, looked up once per function and wait
        std::string function;
        WaitKind wait;
        int line;
    };
    std::vector<Line> lines_;
    // The tasks of a busy iteration past those told one by one, counted (10,000 tasks start at once).
    struct Others {
        size_t woke = 0, ran = 0, printed = 0, waiting = 0, yielded = 0, finished = 0, failed = 0, cancelled = 0;
    } others_;
};

}  // namespace aio::page
