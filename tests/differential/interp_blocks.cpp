// Frames, bodies and compound statements (try, timeout, taskgroup, lock, sem, repeat). C++ cannot
// co_await inside a catch block, so each one catches into an exception_ptr and acts after it.
#include "tests/differential/interp.hpp"

namespace differential {

aio::Coro<Value> Interp::run_frame(std::string coro, Value x) {
    Frame f{x, Value(), {}};
    const std::string desc = coro + "(" + fmt(x) + ")";
    emit("enter " + desc);
    std::exception_ptr err;
    Flow ret;
    try {
        ret = co_await run_block(program_.coros.at(coro), f);
    } catch (...) {
        err = std::current_exception();
    }
    if (err) {
        emit("exit " + desc + " !! " + fmt_exc(err));
        std::rethrow_exception(err);
    }
    Value value = ret ? std::move(*ret) : Value();
    emit("exit " + desc + " -> " + fmt(value));
    co_return value;
}

aio::Coro<Interp::Flow> Interp::run_block(const Body& body, Frame& f) {
    for (const Stmt& s : body) {
        Flow ret = co_await run_stmt(s, f);
        if (ret) co_return ret;
    }
    co_return std::nullopt;
}

aio::Coro<Interp::Flow> Interp::run_stmt(const Stmt& s, Frame& f) {
    switch (s.op) {
    case Op::Return: co_return eval(s.expr, f);
    case Op::Try: co_return co_await run_try(s, f);
    case Op::Timeout:
    case Op::TaskGroup:
    case Op::Lock:
    case Op::Sem: co_return co_await run_with(s, f);
    case Op::Repeat: co_return co_await run_repeat(s, f);
    default: co_await run_leaf(s, f); co_return std::nullopt;
    }
}

aio::Coro<Interp::Flow> Interp::run_try(const Stmt& s, Frame& f) {
    emit("try enter");
    std::exception_ptr exc;
    Flow ret;
    try {
        ret = co_await run_block(s.body, f);
    } catch (...) {
        exc = std::current_exception();
    }
    if (exc) {
        const Handler* handler = nullptr;
        for (const Handler& h : s.handlers) {
            for (Catch type : h.types)
                if (catches(type, exc)) handler = &h;
            if (handler) break;
        }
        if (handler) {
            emit("try caught " + fmt_exc(exc));
            std::exception_ptr e2;
            try {
                ret = co_await run_block(handler->body, f);   // a return here ends the try with that value
            } catch (...) {
                e2 = std::current_exception();
            }
            if (e2) exc = e2;
            else if (ret || !handler->reraise) exc = nullptr;
        }
    }
    if (s.finally) {
        emit("try finally");
        std::exception_ptr e3;
        Flow fin;
        try {
            fin = co_await run_block(*s.finally, f);
        } catch (...) {
            e3 = std::current_exception();
        }
        if (e3) {
            exc = e3;
            ret.reset();
        } else if (fin) {   // `return` in finally drops any pending exception
            exc = nullptr;
            ret = std::move(fin);
        }
    }
    if (exc) {
        emit("try !! " + fmt_exc(exc));
        std::rethrow_exception(exc);
    }
    emit("try exit");
    co_return ret;
}

// `async with cm: body`: "enter" inside the block, "exit" or "!! exc" after __aexit__, outside it.
aio::Coro<Interp::Flow> Interp::run_with(const Stmt& s, Frame& f) {
    const std::string desc = s.op == Op::TaskGroup ? "taskgroup" : s.opname + " " + (s.op == Op::Timeout ? fmt_num(s.num) : s.target);
    std::exception_ptr err;
    Flow ret;
    try {
        if (s.op == Op::Timeout) {
            ret = co_await aio::timeout(s.num, run_entered(desc, s.body, f));
        } else if (s.op == Op::TaskGroup) {
            ret = co_await run_taskgroup(s.body, f);
        } else if (s.op == Op::Lock) {
            auto held = co_await locks_.at(s.target)->hold();
            ret = co_await run_entered(desc, s.body, f);
        } else {
            auto held = co_await sems_.at(s.target)->hold();
            ret = co_await run_entered(desc, s.body, f);
        }
    } catch (...) {
        err = std::current_exception();
    }
    co_return leave(desc, err, std::move(ret));
}

// Leaving a compound statement: "exit", or "!! exc" and the exception goes on.
Interp::Flow Interp::leave(const std::string& desc, const std::exception_ptr& err, Flow ret) {
    if (err) {
        emit(desc + " !! " + fmt_exc(err));
        std::rethrow_exception(err);
    }
    emit(desc + " exit");
    return ret;
}

aio::Coro<Interp::Flow> Interp::run_entered(std::string desc, const Body& body, Frame& f) {
    emit(desc + " enter");
    co_return co_await run_block(body, f);
}

aio::Coro<Interp::Flow> Interp::run_taskgroup(const Body& body, Frame& f) {
    Flow ret;
    co_await aio::task_group([this, &body, &f, &ret](aio::TaskGroup& tg) -> aio::Coro<void> {
        emit("taskgroup enter");
        f.groups.push_back(&tg);   // tg_spawn uses the innermost group of its frame
        std::exception_ptr err;
        try {
            ret = co_await run_block(body, f);
        } catch (...) {
            err = std::current_exception();
        }
        f.groups.pop_back();
        if (err) std::rethrow_exception(err);
    });
    co_return ret;
}

aio::Coro<Interp::Flow> Interp::run_repeat(const Stmt& s, Frame& f) {
    const std::string desc = "repeat " + std::to_string(s.count);
    emit(desc + " enter");
    std::exception_ptr err;
    Flow ret;
    try {
        for (int i = 0; i < s.count && !ret; ++i) ret = co_await run_block(s.body, f);
    } catch (...) {
        err = std::current_exception();
    }
    co_return leave(desc, err, std::move(ret));
}

}  // namespace differential
