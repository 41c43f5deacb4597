// Leaf statements: each runs one runtime call and prints "{desc} -> {result}" or
// "{desc} !! {exception}" (SPEC.md §6).
#include "tests/differential/interp.hpp"

#include <cstdio>
#include <cstdlib>

namespace differential {

namespace {
// Awaitables of every result type, as one Coro<Value> (awaited inline: no extra loop turn).
aio::Coro<Value> sleeping(double d) {
    co_await aio::sleep(d);
    co_return Value();
}
aio::Coro<Value> awaiting(aio::Task<Value> t) { co_return co_await t; }
aio::Coro<Value> shielded(aio::Shielded<Value> s) { co_return co_await s; }
aio::Coro<Value> none_of(aio::Coro<void> c) {
    co_await std::move(c);
    co_return Value();
}
aio::Coro<Value> bool_of(aio::Coro<bool> c) { co_return Value(co_await std::move(c)); }

// Awaits an awaiter in place (g++ 12 copies an lvalue operand of co_await).
template <class A> struct InPlace {
    A& a;
    bool await_ready() { return a.await_ready(); }
    template <class H> void await_suspend(H h) { a.await_suspend(h); }
    decltype(auto) await_resume() { return a.await_resume(); }
};

// `await fut` for a gather's future awaited by a statement other than the gather itself.
struct FutureAwaiter : aio::detail::FutureWait {
    using FutureWait::FutureWait;
    void await_resume() { resume(); }
};

// The runtime's gather, wait_for, shield and as_completed take tasks only: a gather's future
// cannot be passed to them (CPython accepts any future).
[[noreturn]] void unsupported(const std::string& desc) {
    std::fflush(stdout);
    std::fprintf(stderr, "differential_interp: %s: the runtime has no API for a gather's future here (tasks only)\n",
                 desc.c_str());
    std::exit(3);
}
}  // namespace

Value Interp::GatherVar::result() {
    List out;
    for (aio::Task<Value>& t : children) {
        if (!outcomes) {
            out.push_back(t.result());
            continue;
        }
        aio::Outcome<Value> o = aio::detail::outcome_of(t);
        out.push_back(o.ok() ? *o.value : Value(o.error));
    }
    return out;
}

Value Interp::eval(const Expr& e, const Frame& f) const {
    switch (e.kind) {
    case Expr::Kind::Int: return e.i;
    case Expr::Kind::Str: return e.s;
    case Expr::Kind::None: return Value();
    case Expr::Kind::Arg: return f.x;
    case Expr::Kind::LastResult: return f.r;
    case Expr::Kind::List: {
        List l;
        for (const Expr& i : e.items) l.push_back(eval(i, f));
        return l;
    }
    }
    return Value();
}

std::string Interp::item_desc(const Item& item, const Frame& f) const {
    return item.is_call() ? item.coro + "(" + fmt(eval(item.arg, f)) + ")" : item.var;
}

// A variable's task, or a new task for ["call", coro, arg] (ensure_future).
aio::Task<Value> Interp::item_task(const Stmt& s, const Item& item, const Frame& f) {
    if (item.is_call()) return aio::create_task(loop_, run_frame(item.coro, eval(item.arg, f)));
    const Var& v = vars_.at(item.var);
    if (v.gather) unsupported(s.opname + " " + item.var);
    return v.task;
}

// A statement naming a variable nothing has set yet prints this and does nothing.
bool Interp::skipped(const std::string& desc, const std::vector<std::string>& names) {
    for (const std::string& v : names) {
        if (v != "self" && !vars_.count(v)) {
            emit(desc + " skipped (unset " + v + ")");
            return true;
        }
    }
    return false;
}

aio::Coro<void> Interp::leaf(std::string desc, Frame& f, aio::Coro<Value> op, bool sets_r) {
    std::exception_ptr err;
    Value v;
    try {
        v = co_await std::move(op);
    } catch (...) {
        err = std::current_exception();
    }
    if (err) {
        emit(desc + " !! " + fmt_exc(err));
        std::rethrow_exception(err);
    }
    emit(desc + " -> " + fmt(v));
    if (sets_r) f.r = std::move(v);
}

// A statement that does not await: fn() gives its result.
template <class F> void Interp::now(const std::string& desc, Frame& f, F fn, bool sets_r) {
    Value v;
    try {
        v = fn();
    } catch (...) {
        emit(desc + " !! " + fmt_exc(std::current_exception()));
        throw;
    }
    emit(desc + " -> " + fmt(v));
    if (sets_r) f.r = std::move(v);
}

aio::Coro<void> Interp::run_leaf(const Stmt& s, Frame& f) {
    const std::string& name = s.target;
    switch (s.op) {
    case Op::Print: emit(s.target); break;
    case Op::Iter: emit("iter " + std::to_string(loop_.iteration())); break;
    case Op::Sleep: co_await leaf("sleep " + fmt_num(s.num), f, sleeping(*s.num), false); break;
    case Op::Spawn:
    case Op::TgSpawn: spawn(s, f); break;
    case Op::Call: f.r = co_await run_frame(s.coro, eval(s.expr, f)); break;
    case Op::Await: {
        const std::string desc = "await " + name;
        if (skipped(desc, {name})) break;
        const Var v = vars_.at(name);
        if (v.task) {
            co_await leaf(desc, f, awaiting(v.task), true);
            break;
        }
        co_await leaf(desc, f, awaiting_gather(v.gather), true);
        break;
    }
    case Op::Gather: co_await run_gather(s, f); break;
    case Op::WaitFor: {
        const Item& item = s.items[0];
        const std::string desc = "wait_for " + item_desc(item, f) + " " + fmt_num(s.num);
        if (!item.is_call() && skipped(desc, {item.var})) break;
        if (!item.is_call()) co_await leaf(desc, f, aio::wait_for(item_task(s, item, f), s.num), true);
        else co_await leaf(desc, f, aio::wait_for(run_frame(item.coro, eval(item.arg, f)), s.num), true);
        break;
    }
    case Op::Shield: {
        const Item& item = s.items[0];
        const std::string desc = "shield " + item_desc(item, f);
        if (!item.is_call() && skipped(desc, {item.var})) break;
        co_await leaf(desc, f, shielded(aio::shield(item_task(s, item, f))), true);
        break;
    }
    case Op::AsCompleted: co_await run_as_completed(s, f); break;
    case Op::Cancel:
    case Op::Uncancel:
    case Op::Cancelling:
    case Op::State: run_target(s, f); break;
    case Op::Raise: {
        std::exception_ptr e = s.target == "ValueError" ? std::make_exception_ptr(ValueError(*s.label))
                               : s.target == "KeyError" ? std::make_exception_ptr(KeyError(*s.label))
                                                        : std::make_exception_ptr(RuntimeError(*s.label));
        emit("raise " + fmt_exc(e));
        std::rethrow_exception(e);
    }
    case Op::Put: {
        Value v = eval(s.expr, f);
        co_await leaf("put " + name + " " + fmt(v), f, none_of(queues_.at(name)->put(v)), false);
        break;
    }
    case Op::Get: co_await leaf("get " + name, f, queues_.at(name)->get(), true); break;
    case Op::PutNowait: {
        Value v = eval(s.expr, f);
        now("put_nowait " + name + " " + fmt(v), f, [&] { queues_.at(name)->put_nowait(v); return Value(); });
        break;
    }
    case Op::GetNowait: now("get_nowait " + name, f, [&] { return queues_.at(name)->get_nowait(); }, true); break;
    case Op::TaskDone: now("task_done " + name, f, [&] { queues_.at(name)->task_done(); return Value(); }); break;
    case Op::Join: co_await leaf("join " + name, f, none_of(queues_.at(name)->join()), false); break;
    case Op::Qsize: now("qsize " + name, f, [&] { return Value(int64_t(queues_.at(name)->qsize())); }); break;
    case Op::Wait: co_await leaf("wait " + name, f, bool_of(events_.at(name)->wait()), false); break;
    case Op::Set: now("set " + name, f, [&] { events_.at(name)->set(); return Value(); }); break;
    case Op::Clear: now("clear " + name, f, [&] { events_.at(name)->clear(); return Value(); }); break;
    case Op::IsSet: now("is_set " + name, f, [&] { return Value(events_.at(name)->is_set()); }); break;
    default: break;   // compound statements and return: run_stmt
    }
}

void Interp::spawn(const Stmt& s, Frame& f) {
    const Value x = eval(s.expr, f);
    const std::string desc = s.opname + " " + s.target + " " + s.coro + "(" + fmt(x) + ")";
    const std::string task_name = s.label.value_or("");
    aio::Task<Value> t;
    if (s.op == Op::Spawn) {
        t = aio::create_task(loop_, run_frame(s.coro, x), task_name);
    } else {
        try {
            t = f.groups.back()->create_task(run_frame(s.coro, x), task_name);
        } catch (const std::runtime_error&) {
            // CPython's message embeds the group's repr; the spec fixes a plain one.
            RuntimeError e("TaskGroup is shutting down");
            emit(desc + " !! " + fmt_exc(std::make_exception_ptr(e)));
            throw e;
        }
    }
    vars_[s.target] = Var{t, nullptr};
    emit(desc + " " + t.name());
}

aio::Coro<void> Interp::run_gather(const Stmt& s, Frame& f) {
    std::string desc = "gather [";
    std::vector<std::string> names;
    for (size_t i = 0; i < s.items.size(); ++i) {
        desc += (i ? ", " : "") + item_desc(s.items[i], f);
        if (!s.items[i].is_call()) names.push_back(s.items[i].var);
    }
    desc += "]";
    if (s.return_exceptions) desc += " return_exceptions";
    if (s.label) desc += " as " + *s.label;
    if (skipped(desc, names)) co_return;
    auto g = std::make_shared<GatherVar>();
    for (const Item& item : s.items) g->children.push_back(item_task(s, item, f));
    if (s.return_exceptions) g->outcomes.emplace(aio::gather(aio::return_exceptions, g->children));
    else g->plain.emplace(aio::gather(g->children));
    if (s.label) vars_[*s.label] = Var{{}, g};
    co_await leaf(desc, f, gathering(g), true);
}

// The gather statement's own await.
aio::Coro<Value> Interp::gathering(std::shared_ptr<GatherVar> g) {
    List out;
    if (g->plain) {
        for (Value& v : co_await InPlace<PlainGather>{*g->plain}) out.push_back(std::move(v));
    } else {
        for (aio::Outcome<Value>& o : co_await InPlace<OutcomeGather>{*g->outcomes})
            out.push_back(o.ok() ? std::move(*o.value) : Value(o.error));
    }
    co_return out;
}

// `await g` elsewhere: the gather's future, then the results from its children.
aio::Coro<Value> Interp::awaiting_gather(std::shared_ptr<GatherVar> g) {
    co_await FutureAwaiter(g->future());
    co_return g->result();
}

aio::Coro<void> Interp::run_as_completed(const Stmt& s, Frame& f) {
    std::string desc = "as_completed [";
    for (size_t i = 0; i < s.vars.size(); ++i) desc += (i ? ", " : "") + s.vars[i];
    desc += "] " + fmt_num(s.num);
    if (skipped(desc, s.vars)) co_return;
    Tasks tasks;
    for (const std::string& v : s.vars) tasks.push_back(item_task(s, Item{v, {}, {}}, f));
    auto ac = aio::as_completed(std::move(tasks), s.num);
    for (size_t k = 0; k < ac.size(); ++k) co_await leaf(desc + " #" + std::to_string(k), f, ac.next(), true);
}

void Interp::run_target(const Stmt& s, Frame& f) {
    std::string desc = s.opname + " " + s.target;
    if (s.op == Op::Cancel && s.label) desc += " " + *s.label;
    if (skipped(desc, {s.target})) return;
    const bool is_self = s.target == "self";
    Var var = is_self ? Var{} : vars_.at(s.target);
    aio::FutureBase* fut = is_self ? aio::current_task() : var.future();
    aio::TaskBase* task = is_self ? aio::current_task() : var.task.base();
    switch (s.op) {
    case Op::Cancel: now(desc, f, [&] { return Value(fut->cancel(s.label.value_or(""))); }); break;
    case Op::Uncancel:
    case Op::Cancelling:
        if (!task) emit(desc + " -> n/a");
        else now(desc, f, [&] { return Value(int64_t(s.op == Op::Uncancel ? task->uncancel() : task->cancelling())); });
        break;
    default: {
        std::string state;
        if (!fut->done()) state = "pending";
        else if (fut->cancelled()) state = "cancelled";   // never the result: it would consume the CancelledError
        else if (std::exception_ptr e = fut->exception()) state = "failed " + fmt_exc(e);
        else state = "done " + fmt(var.gather ? var.gather->result() : var.task.result());
        emit(desc + " -> " + state);
    }
    }
}

}  // namespace differential
