// Parsing and validating programs: the same rules, in the same order, as program_check.py.
#include "tests/differential/program.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

namespace differential {

namespace {
using json = nlohmann::json;

// op -> its Op and the kinds of its arguments (all required, in order; "?" allows null).
struct Signature {
    Op op;
    std::vector<std::string> kinds;
};
const std::map<std::string, Signature>& signatures() {
    static const std::map<std::string, Signature> table = {
        {"print", {Op::Print, {"text"}}}, {"iter", {Op::Iter, {}}}, {"sleep", {Op::Sleep, {"num"}}},
        {"spawn", {Op::Spawn, {"var", "coro", "expr", "name?"}}},
        {"tg_spawn", {Op::TgSpawn, {"var", "coro", "expr", "name?"}}},
        {"await", {Op::Await, {"ref"}}}, {"call", {Op::Call, {"coro", "expr"}}},
        {"gather", {Op::Gather, {"items", "bool", "var?"}}}, {"wait_for", {Op::WaitFor, {"item", "num?"}}},
        {"shield", {Op::Shield, {"item"}}}, {"as_completed", {Op::AsCompleted, {"refs", "num?"}}},
        {"cancel", {Op::Cancel, {"ref_or_self", "name?"}}}, {"uncancel", {Op::Uncancel, {"ref_or_self"}}},
        {"cancelling", {Op::Cancelling, {"ref_or_self"}}}, {"state", {Op::State, {"ref_or_self"}}},
        {"raise", {Op::Raise, {"raisable", "name"}}}, {"return", {Op::Return, {"expr"}}},
        {"try", {Op::Try, {"body", "handlers", "body?"}}}, {"timeout", {Op::Timeout, {"num?", "body"}}},
        {"taskgroup", {Op::TaskGroup, {"body"}}}, {"lock", {Op::Lock, {"lock", "body"}}},
        {"sem", {Op::Sem, {"sem", "body"}}}, {"repeat", {Op::Repeat, {"count", "body"}}},
        {"put", {Op::Put, {"queue", "expr"}}}, {"get", {Op::Get, {"queue"}}},
        {"put_nowait", {Op::PutNowait, {"queue", "expr"}}}, {"get_nowait", {Op::GetNowait, {"queue"}}},
        {"task_done", {Op::TaskDone, {"queue"}}}, {"join", {Op::Join, {"queue"}}},
        {"qsize", {Op::Qsize, {"queue"}}}, {"wait", {Op::Wait, {"event"}}}, {"set", {Op::Set, {"event"}}},
        {"clear", {Op::Clear, {"event"}}}, {"is_set", {Op::IsSet, {"event"}}},
    };
    return table;
}

bool is_name(const json& v) {
    if (!v.is_string()) return false;
    const std::string& s = v.get_ref<const std::string&>();
    if (s.empty()) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
    return true;
}

bool is_text(const json& v) {
    if (!v.is_string()) return false;
    for (char c : v.get_ref<const std::string&>())
        if (c < ' ' || c > '~') return false;
    return true;
}

bool is_int(const json& v) { return v.is_number_integer(); }

class Parser {
public:
    explicit Parser(const json& p) : p_(p) {}

    Program program() {
        if (!p_.is_object() || !p_.contains("coros") || !p_["coros"].is_object() || !p_["coros"].contains("main"))
            fail("program", "must be an object with \"coros\" containing \"main\"");
        std::string extra;
        for (const auto& [key, _] : p_.items())
            if (key != "coros" && key != "queues" && key != "events" && key != "locks" && key != "semaphores")
                extra += (extra.empty() ? "'" : ", '") + key + "'";
        if (!extra.empty()) fail("program", "unknown keys [" + extra + "]");
        Program out;
        out.queues = sizes("queues", 0);
        out.semaphores = sizes("semaphores", 1);
        out.events = names("events");
        out.locks = names("locks");
        for (const auto& [name, body] : p_["coros"].items()) {
            name_check("coros", name);
            out.coros[name] = parse_body("coros." + name, body, false);
        }
        return out;
    }

private:
    [[noreturn]] static void fail(const std::string& where, const std::string& msg) {
        throw InvalidProgram(where + ": " + msg);
    }

    static void name_check(const std::string& where, const json& v) {
        if (!is_name(v)) fail(where, "names and strings must match [a-z0-9_-]+, got " + v.dump());
    }

    std::map<std::string, int> sizes(const char* key, int low) {
        std::map<std::string, int> out;
        if (!p_.contains(key)) return out;
        const json& v = p_[key];
        if (!v.is_object()) fail(key, "must be a JSON object");
        for (const auto& [name, n] : v.items()) name_check(key, name);
        for (const auto& [name, n] : v.items()) {
            if (!is_int(n) || n.get<int64_t>() < low || n.get<int64_t>() > 1000)
                fail(std::string(key) + "." + name,
                     "must be an integer " + std::to_string(low) + "..1000, got " + n.dump());
            out[name] = n.get<int>();
        }
        return out;
    }

    std::vector<std::string> names(const char* key) {
        std::vector<std::string> out;
        if (!p_.contains(key)) return out;
        const json& v = p_[key];
        if (!v.is_array()) fail(key, "must be a JSON array");
        for (const json& n : v) {
            name_check(key, n);
            out.push_back(n.get<std::string>());
        }
        return out;
    }

    Body parse_body(const std::string& where, const json& stmts, bool in_group) {
        if (!stmts.is_array()) fail(where, "a body must be a list of statements");
        Body out;
        for (size_t i = 0; i < stmts.size(); ++i) out.push_back(parse_stmt(where + "[" + std::to_string(i) + "]", stmts[i], in_group));
        return out;
    }

    Stmt parse_stmt(const std::string& where, const json& s, bool in_group) {
        const auto& table = signatures();
        if (!s.is_array() || s.empty() || !s[0].is_string() || !table.count(s[0].get<std::string>()))
            fail(where, "statement must be [op, ...] with a known op, got " + s.dump());
        Stmt out;
        out.opname = s[0].get<std::string>();
        const Signature& sig = table.at(out.opname);
        out.op = sig.op;
        if (s.size() != 1 + sig.kinds.size())
            fail(where, out.opname + " takes " + std::to_string(sig.kinds.size()) + " arguments, got " +
                            std::to_string(s.size() - 1));
        if (out.op == Op::TgSpawn && !in_group) fail(where, "tg_spawn must be inside a taskgroup body of the same coroutine");
        in_group = in_group || out.op == Op::TaskGroup;
        bool had_body = false;
        for (size_t i = 0; i < sig.kinds.size(); ++i) {
            std::string kind = sig.kinds[i];
            const json& a = s[i + 1];
            const std::string w = where + "[" + std::to_string(i + 1) + "]";
            const bool optional = kind.back() == '?';
            if (optional) kind.pop_back();
            if (optional && a.is_null()) continue;
            parse_arg(w, kind, optional, a, in_group, out, had_body);
        }
        return out;
    }

    void parse_arg(const std::string& w, const std::string& kind, bool optional, const json& a, bool in_group,
                   Stmt& out, bool& had_body) {
        if (kind == "var" || kind == "ref") {
            ref(w, a);
            (optional ? out.label.emplace() : out.target) = a.get<std::string>();   // gather's "as var" is a label
        } else if (kind == "ref_or_self" || kind == "queue" || kind == "event" || kind == "lock" || kind == "sem") {
            name_check(w, a);
            out.target = a.get<std::string>();
            if (kind != "ref_or_self") declared(w, kind, out.target);
        } else if (kind == "name") {
            name_check(w, a);
            out.label = a.get<std::string>();
        } else if (kind == "text") {
            if (!is_text(a)) fail(w, "text must be printable ASCII, got " + a.dump());
            out.target = a.get<std::string>();
        } else if (kind == "num") {
            if (!a.is_number() || !std::isfinite(a.get<double>()) || a.get<double>() < -1000 || a.get<double>() > 1000 ||
                (a.get<double>() == 0 && std::signbit(a.get<double>())))
                fail(w, "must be a number -1000..1000 (not -0), got " + a.dump());
            out.num = a.get<double>();
        } else if (kind == "bool") {
            if (!a.is_boolean()) fail(w, "must be true or false, got " + a.dump());
            out.return_exceptions = a.get<bool>();
        } else if (kind == "count") {
            if (!is_int(a) || a.get<int64_t>() < 0 || a.get<int64_t>() > 100) fail(w, "must be an integer 0..100, got " + a.dump());
            out.count = a.get<int>();
        } else if (kind == "coro") {
            if (!a.is_string() || !p_["coros"].contains(a.get<std::string>())) fail(w, "unknown coroutine " + a.dump());
            out.coro = a.get<std::string>();
        } else if (kind == "expr") {
            out.expr = expr(w, a);
        } else if (kind == "item") {
            out.items.push_back(item(w, a));
        } else if (kind == "items") {
            if (!a.is_array()) fail(w, "must be a list of items");
            for (size_t i = 0; i < a.size(); ++i) out.items.push_back(item(w + "[" + std::to_string(i) + "]", a[i]));
        } else if (kind == "refs") {
            if (!a.is_array()) fail(w, "must be a list of variable names");
            for (size_t i = 0; i < a.size(); ++i) {
                ref(w + "[" + std::to_string(i) + "]", a[i]);
                out.vars.push_back(a[i].get<std::string>());
            }
        } else if (kind == "raisable") {
            if (a != "ValueError" && a != "KeyError" && a != "RuntimeError")
                fail(w, "must be one of ValueError, KeyError, RuntimeError, got " + a.dump());
            out.target = a.get<std::string>();
        } else if (kind == "body") {
            (had_body ? out.finally.emplace() : out.body) = parse_body(w, a, in_group);   // try's second body is `finally`
            had_body = true;
        } else if (kind == "handlers") {
            if (!a.is_array()) fail(w, "must be a list of [types, body, reraise]");
            for (size_t i = 0; i < a.size(); ++i) out.handlers.push_back(handler(w + "[" + std::to_string(i) + "]", a[i], in_group));
        }
    }

    Handler handler(const std::string& w, const json& h, bool in_group) {
        if (!h.is_array() || h.size() != 3 || !h[0].is_array() || h[0].empty() || !h[2].is_boolean())
            fail(w, "a handler is [[type, ...], body, reraise], got " + h.dump());
        Handler out;
        for (const json& t : h[0]) {
            std::optional<Catch> c = t.is_string() ? catch_from_name(t.get<std::string>()) : std::nullopt;
            if (!c) fail(w, "exception type must be one of CancelledError, TimeoutError, ValueError, KeyError, "
                            "RuntimeError, QueueFull, QueueEmpty, ExceptionGroup, Exception, BaseException, got " + t.dump());
            out.types.push_back(*c);
        }
        out.body = parse_body(w, h[1], in_group);
        out.reraise = h[2].get<bool>();
        return out;
    }

    void declared(const std::string& w, const std::string& kind, const std::string& name) {
        const char* table = kind == "queue" ? "queues" : kind == "event" ? "events" : kind == "lock" ? "locks" : "semaphores";
        bool found = false;
        if (p_.contains(table)) {
            const json& t = p_[table];
            found = t.is_object() ? t.contains(name) : std::find(t.begin(), t.end(), json(name)) != t.end();
        }
        if (!found) fail(w, "unknown " + kind + " '" + name + "' (declare it in \"" + table + "\")");
    }

    // "self" names the running task only in cancel, uncancel, cancelling and state.
    static void ref(const std::string& w, const json& v) {
        name_check(w, v);
        if (v == "self") fail(w, "\"self\" is only allowed in cancel, uncancel, cancelling and state");
    }

    Item item(const std::string& w, const json& a) {
        Item out;
        if (a.is_string()) {
            ref(w, a);
            out.var = a.get<std::string>();
        } else if (a.is_array() && a.size() == 3 && a[0] == "call" && a[1].is_string() &&
                   p_["coros"].contains(a[1].get<std::string>())) {
            out.coro = a[1].get<std::string>();
            out.arg = expr(w, a[2]);
        } else {
            fail(w, "an item is a variable name or [\"call\", coro, arg], got " + a.dump());
        }
        return out;
    }

    static Expr expr(const std::string& w, const json& a) {
        Expr out;
        if (a.is_null()) {
            out.kind = Expr::Kind::None;
        } else if (is_int(a) && a.get<int64_t>() >= -1000000000 && a.get<int64_t>() <= 1000000000 &&
                   !(a.is_number_unsigned() && a.get<uint64_t>() > 1000000000)) {
            out.kind = Expr::Kind::Int;
            out.i = a.get<int64_t>();
        } else if (a.is_string()) {
            out.s = a.get<std::string>();
            if (out.s == "$x") out.kind = Expr::Kind::Arg;
            else if (out.s == "$r") out.kind = Expr::Kind::LastResult;
            else {
                name_check(w, a);
                out.kind = Expr::Kind::Str;
            }
        } else if (a.is_array()) {
            out.kind = Expr::Kind::List;
            for (size_t i = 0; i < a.size(); ++i) out.items.push_back(expr(w + "[" + std::to_string(i) + "]", a[i]));
        } else {
            fail(w, "a value is an integer, string, null, \"$x\", \"$r\" or a list, got " + a.dump());
        }
        return out;
    }

    const json& p_;
};
}  // namespace

Program parse_program(const std::string& json_text) {
    json p;
    try {
        p = json::parse(json_text);
    } catch (const json::parse_error& e) {
        throw InvalidProgram(std::string("program: not JSON: ") + e.what());
    }
    return Parser(p).program();
}

}  // namespace differential
