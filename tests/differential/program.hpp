// A differential-test program (SPEC.md §3, §6) parsed from JSON into statements, validated as
// program_check.py does: a bad program is refused with a message naming the bad input.
#pragma once
#include "tests/differential/value.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace differential {

// A value expression: evaluated when its statement runs.
struct Expr {
    enum class Kind { Int, Str, None, Arg, LastResult, List } kind = Kind::None;
    int64_t i = 0;
    std::string s;
    std::vector<Expr> items;
};

// What gather, wait_for and shield take: a variable, or ["call", coro, arg] (a new coroutine).
struct Item {
    std::string var;     // empty for a call
    std::string coro;
    Expr arg;
    bool is_call() const { return var.empty(); }
};

enum class Op {
    Print, Iter, Sleep, Spawn, TgSpawn, Await, Call, Gather, WaitFor, Shield, AsCompleted,
    Cancel, Uncancel, Cancelling, State, Raise, Return, Try, Timeout, TaskGroup, Lock, Sem, Repeat,
    Put, Get, PutNowait, GetNowait, TaskDone, Join, Qsize, Wait, Set, Clear, IsSet,
};

struct Stmt;
struct Handler;
using Body = std::vector<Stmt>;

// One statement; which fields are used depends on op (see SPEC.md §6).
struct Stmt {
    Op op = Op::Print;
    std::string opname;                 // as written: "put", "uncancel", ...
    std::string target;                 // print text, variable, queue/event/lock/sem, raise type
    std::string coro;                   // spawn, tg_spawn, call
    std::optional<std::string> label;   // spawn's task name, cancel's message, gather's variable, raise's message
    std::optional<double> num;          // sleep delay, timeout (nullopt: None)
    Expr expr;                          // spawn/tg_spawn/call argument, return value, put item
    std::vector<Item> items;            // gather; wait_for and shield have one
    std::vector<std::string> vars;      // as_completed
    bool return_exceptions = false;     // gather
    int count = 0;                      // repeat
    Body body;
    std::vector<Handler> handlers;      // try
    std::optional<Body> finally;        // try
};

struct Handler {
    std::vector<Catch> types;
    Body body;
    bool reraise = false;
};

struct Program {
    std::map<std::string, Body> coros;
    std::map<std::string, int> queues;       // name -> maxsize
    std::vector<std::string> events, locks;
    std::map<std::string, int> semaphores;   // name -> initial value
};

struct InvalidProgram : std::runtime_error { using std::runtime_error::runtime_error; };

// Parses and validates the program's JSON text; throws InvalidProgram naming the bad input.
Program parse_program(const std::string& json_text);

}  // namespace differential
