// The C++ interpreter of the differential tests' programs: runs a Program on the aio runtime and
// prints the same lines as interp.py does on CPython (SPEC.md §4-§6).
#pragma once
#include "tests/differential/program.hpp"
#include "tests/differential/value.hpp"

#include "runtime/aio.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace differential {

class Interp {
public:
    explicit Interp(const Program& program);
    void run();   // main, cleanup, the last line (SPEC.md §5); prints as it goes

private:
    using Flow = std::optional<Value>;   // set when a `return` ends the frame
    using Tasks = std::vector<aio::Task<Value>>;
    using PlainGather = decltype(aio::gather(std::declval<Tasks>()));
    using OutcomeGather = decltype(aio::gather(aio::return_exceptions, std::declval<Tasks>()));

    // One coroutine invocation: its argument, its last result ($r) and its open task groups.
    struct Frame {
        Value x, r;
        std::vector<aio::TaskGroup*> groups;
    };
    // What gather returns, kept so that a variable can cancel it and show its state.
    struct GatherVar {
        Tasks children;
        std::optional<PlainGather> plain;       // return_exceptions=False
        std::optional<OutcomeGather> outcomes;  // return_exceptions=True
        aio::FutureBase* future() const { return plain ? plain->future() : outcomes->future(); }
        Value result();                         // the list awaiting it gives (once done without error)
    };
    // A variable: a task, or a gather's future.
    struct Var {
        aio::Task<Value> task;
        std::shared_ptr<GatherVar> gather;
        aio::FutureBase* future() const { return gather ? gather->future() : task.base(); }
    };
    enum class Halt { None, Deadlock, IterationLimit };

    // interp_run.cpp: driving the loop.
    Halt run_until_complete(aio::FutureBase& fut);
    Halt cancel_remaining_tasks();
    void emit(const std::string& msg);

    // interp_blocks.cpp: frames, bodies and compound statements.
    aio::Coro<Value> run_frame(std::string coro, Value x);
    aio::Coro<Flow> run_block(const Body& body, Frame& f);
    aio::Coro<Flow> run_stmt(const Stmt& s, Frame& f);
    aio::Coro<Flow> run_try(const Stmt& s, Frame& f);
    aio::Coro<Flow> run_with(const Stmt& s, Frame& f);     // timeout, taskgroup, lock, sem
    aio::Coro<Flow> run_entered(std::string desc, const Body& body, Frame& f);
    aio::Coro<Flow> run_taskgroup(const Body& body, Frame& f);
    aio::Coro<Flow> run_repeat(const Stmt& s, Frame& f);
    Flow leave(const std::string& desc, const std::exception_ptr& err, Flow ret);

    // interp_statements.cpp: leaf statements.
    aio::Coro<void> run_leaf(const Stmt& s, Frame& f);
    aio::Coro<void> leaf(std::string desc, Frame& f, aio::Coro<Value> op, bool sets_r);
    template <class F> void now(const std::string& desc, Frame& f, F fn, bool sets_r = false);
    aio::Coro<void> run_gather(const Stmt& s, Frame& f);
    static aio::Coro<Value> gathering(std::shared_ptr<GatherVar> g);
    static aio::Coro<Value> awaiting_gather(std::shared_ptr<GatherVar> g);
    aio::Coro<void> run_as_completed(const Stmt& s, Frame& f);
    void run_target(const Stmt& s, Frame& f);                // cancel, uncancel, cancelling, state
    void spawn(const Stmt& s, Frame& f);
    Value eval(const Expr& e, const Frame& f) const;
    std::string item_desc(const Item& item, const Frame& f) const;
    aio::Task<Value> item_task(const Stmt& s, const Item& item, const Frame& f);
    bool skipped(const std::string& desc, const std::vector<std::string>& names);

    const Program& program_;
    // The synchronisation objects outlive the loop: pending frames it destroys release locks.
    std::map<std::string, std::unique_ptr<aio::Queue<Value>>> queues_;
    std::map<std::string, std::unique_ptr<aio::Event>> events_;
    std::map<std::string, std::unique_ptr<aio::Lock>> locks_;
    std::map<std::string, std::unique_ptr<aio::Semaphore>> sems_;
    aio::Loop loop_;
    std::map<std::string, Var> vars_;   // destroyed before the loop, which their tasks report to
    bool finished_ = false;             // after the last line nothing prints
};

}  // namespace differential
