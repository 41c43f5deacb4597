// The Narrator: reports from the loop turned into one account per iteration.
#include "playground/state/narration.hpp"

#include "runtime/detail/frame.hpp"
#include "runtime/future.hpp"
#include "runtime/task.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iterator>

namespace aio::page {

namespace {

constexpr size_t kNamesTold = 3;   // "still waiting for Task-4, Task-5, Task-6 and 9,994 more"

std::string capitalised(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

// "a", "a and b", "a, b and c"; "a, b and c, and d" when an item holds an "and" of its own.
std::string listed(const std::vector<std::string>& items) {
    const bool nested = std::any_of(items.begin(), items.end(), [](const std::string& s) { return s.find(" and ") != std::string::npos; });
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 < items.size() ? ", " : nested ? ", and " : " and ") + items[i];
    return out;
}

std::string quoted(const std::string& line) { return "\"" + line + "\""; }

std::string seconds(double s) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", s);
    return text;
}

std::string items(int64_t n) { return std::to_string(n) + (n == 1 ? " item" : " items"); }

}  // namespace

Narrator::Narrator(const demos::Demo& demo, size_t keep, size_t keep_sentences)
    : demo_(demo), keep_(keep ? keep : 1), keep_sentences_(keep_sentences) {}

Narrator::~Narrator() { detach(); }

void Narrator::attach(demos::Context& ctx) {
    detach();
    ctx_ = &ctx;
    loop_ = &ctx.loop;
    next_ = loop_->recorder();
    loop_->set_recorder(this);
    print_ = ctx.print;
    block_ = ctx.block;
    ctx.print = [this](const std::string& line) { printed(line); if (print_) print_(line); };
    ctx.block = [this](double s) { blocked(s); if (block_) block_(s); };
}

void Narrator::detach() {
    if (loop_ && loop_->recorder() == this) loop_->set_recorder(next_);
    if (ctx_) {
        ctx_->print = std::move(print_);
        ctx_->block = std::move(block_);
    }
    ctx_ = nullptr;
    loop_ = nullptr;
    next_ = nullptr;
}

// The script line of the await `t` is suspended at (or of its blocking call): its innermost
// named frame ("count(1)" is count's) and the kind of wait, as the demo's await lines key them.
int Narrator::line_of(const TaskBase& t, const std::string& wait) const {
    for (const detail::FrameBase* frame = t.top_frame(); frame; frame = frame->parent) {
        if (!frame->label) continue;
        const std::string function = frame->label->substr(0, frame->label->find('('));
        const auto it = demo_.await_lines.find({function, wait});
        return it == demo_.await_lines.end() ? 0 : it->second;
    }
    return 0;
}

Narrator::Part& Narrator::part(const TaskBase& t) {
    auto [it, fresh] = parts_.try_emplace(t.id());
    if (fresh) {
        order_.push_back(t.id());
        it->second.name = t.name();
    }
    return it->second;
}

void Narrator::deed(const TaskBase& t, Did what, std::string item) {
    std::vector<Deed>& deeds = part(t).deeds;
    const bool listing = what == Did::Created || what == Did::Printed;
    if (listing && !deeds.empty() && deeds.back().what == what) deeds.back().items.push_back(std::move(item));
    else deeds.push_back({what, {std::move(item)}});
}

void Narrator::printed(const std::string& line) {
    const TaskBase* t = loop_ ? loop_->current_task() : nullptr;
    if (t) deed(*t, Did::Printed, quoted(line));
    else current_.sentences.push_back("Printed " + quoted(line) + ".");
}

void Narrator::blocked(double s) {
    const TaskBase* t = loop_ ? loop_->current_task() : nullptr;
    if (!t) return;
    const int line = line_of(*t, demos::kBlockingCall);
    deed(*t, Did::Blocked, "blocked the whole loop for " + seconds(s) + " in " + demos::kBlockingCall +
                               (line ? " at line " + std::to_string(line) : "") +
                               " (a blocking call: no other task could run meanwhile)");
}

// Why a task waits, where the wait's own words do not say it: the level of the queue, semaphore
// or lock it waits on, as the task found it.
std::string Narrator::why(const TaskBase& t, const Waiting& w) const {
    const Touched& r = touched_;
    const bool found = r.task == t.id() && std::find(waiter_kinds(r.kind).begin(), waiter_kinds(r.kind).end(), w.kind) != waiter_kinds(r.kind).end();
    switch (w.kind) {
        case WaitKind::Fetch: return ", while its request is in flight (other tasks run meanwhile)";
        case WaitKind::QueuePut:
            return found ? ", because " + r.name + " is full: it holds its maxsize of " + items(r.level.capacity) : "";
        case WaitKind::QueueGet: return found ? ", because " + r.name + " is empty" : "";
        case WaitKind::QueueJoin:
            return found ? ", because " + r.name + " has " + items(r.level.unfinished) + " not yet marked done by task_done()" : "";
        case WaitKind::Semaphore:
            return found ? ", because " + r.name + " is at its limit: all " + std::to_string(r.level.capacity) + " taken" : "";
        case WaitKind::Lock: return found ? ", because another task holds " + r.name : "";
        case WaitKind::Event: return found ? ", until " + r.name + " is set" : "";
        default: return "";
    }
}

void Narrator::on_task_created(const TaskBase& t) {
    if (next_) next_->on_task_created(t);
    if (const TaskBase* by = loop_ ? loop_->current_task() : nullptr) deed(*by, Did::Created, t.name());
}

// `t` ended: the tasks waiting for it (a gather's) are told as still waiting, if they still are.
void Narrator::finished(const TaskBase& t) {
    waiting_.erase(t.id());
    const auto by = awaited_by_.find(t.id());
    if (by == awaited_by_.end()) return;
    for (uint32_t a : by->second) {
        const auto w = waiting_.find(a);
        if (w == waiting_.end() || !w->second.unfinished.erase(t.id())) continue;
        if (std::find(still_.begin(), still_.end(), a) == still_.end()) still_.push_back(a);
    }
    awaited_by_.erase(by);
}

void Narrator::on_task_state(const TaskBase& t, TaskState from) {
    if (next_) next_->on_task_state(t, from);
    const TaskState to = t.state();
    const auto was = waiting_.find(t.id());
    switch (to) {
        case TaskState::Ready:
            if (from == TaskState::Waiting && was != waiting_.end()) {
                const Waiting& w = was->second;
                part(t).woke = t.cancelling() > 0        ? "the " + w.what + " of " + t.name() + " was cancelled"
                               : w.kind == WaitKind::Sleep ? "the " + w.what + " of " + t.name() + " ended"
                               : w.resource.empty()        ? "the " + w.what + " of " + t.name() + " is done"
                                                           : "the wait of " + t.name() + " on " + w.resource + " is over";
            }
            if (from == TaskState::Running) deed(t, Did::Ended, "gave the loop a turn");
            break;
        case TaskState::Running:
            if (from == TaskState::Pending) deed(t, Did::Began, "started");
            else if (was != waiting_.end() && was->second.line) deed(t, Did::Began, "resumed at line " + std::to_string(was->second.line));
            else deed(t, Did::Began, "resumed");
            break;
        case TaskState::Waiting: {
            const FutureBase* f = t.waiting_on();
            Waiting w{t.name(), f ? f->describe() : "a future", f ? f->kind() : WaitKind::Future, 0, {}};
            w.line = line_of(t, to_string(w.kind));
            const bool lock_like = w.kind == WaitKind::Semaphore || w.kind == WaitKind::Lock || w.kind == WaitKind::Event;
            if (lock_like && touched_.task == t.id()) w.resource = touched_.name;
            std::vector<const FutureBase*> targets;
            if (const TaskBase* other = as_task(f)) targets.push_back(other);
            else if (f) f->targets(targets);
            for (const FutureBase* g : targets) {
                const TaskBase* other = as_task(g);
                if (!other || other->done()) continue;
                w.unfinished.emplace(other->id(), other->name());
                awaited_by_[other->id()].push_back(t.id());
            }
            deed(t, Did::Ended, "now waits on " + w.what + (w.line ? " at line " + std::to_string(w.line) : "") + why(t, w));
            waiting_[t.id()] = std::move(w);
            break;
        }
        case TaskState::Done: {
            const std::string result = t.result_repr();
            deed(t, Did::Ended, result == "None" ? "finished" : "finished, returning " + result);
            finished(t);
            break;
        }
        case TaskState::Failed:
            deed(t, Did::Ended, "failed with " + t.result_repr());
            finished(t);
            break;
        case TaskState::Cancelled:
            deed(t, Did::Ended, "was cancelled");
            finished(t);
            break;
        case TaskState::Pending: break;
    }
}

Account Narrator::told() const {
    Account a = current_;
    for (uint32_t id : order_) {
        const Part& p = parts_.at(id);
        if (!p.woke.empty()) a.sentences.push_back(capitalised(p.woke) + ".");
        if (p.deeds.empty()) continue;   // woken only: it runs next iteration
        std::vector<std::string> did;
        for (const Deed& d : p.deeds)
            did.push_back(d.what == Did::Created ? "created " + listed(d.items)
                          : d.what == Did::Printed ? "printed " + listed(d.items) : d.items.front());
        a.sentences.push_back(p.name + " " + listed(did) + ".");
    }
    // "gather in main is still waiting for Task-3": a task it waits for ended, not the last one.
    for (uint32_t id : still_) {
        const auto w = waiting_.find(id);
        if (w == waiting_.end() || w->second.unfinished.empty()) continue;
        std::vector<std::string> names;
        for (const auto& [other, name] : w->second.unfinished) {
            if (names.size() == kNamesTold) break;
            names.push_back(name);
        }
        if (const size_t more = w->second.unfinished.size() - names.size()) names.push_back(std::to_string(more) + " more");
        a.sentences.push_back("The " + std::string(to_string(w->second.kind)) + " in " + w->second.task + " is still waiting for " + listed(names) + ".");
    }
    return a;
}

void Narrator::close_iteration() {
    Account a = told();
    order_.clear();
    parts_.clear();
    still_.clear();
    current_.sentences.clear();
    if (a.sentences.empty()) return;
    done_.push_back(std::move(a));
    std::deque<Account> none;
    keep_latest(done_, none, keep_, keep_sentences_);
}

void Narrator::flush() { close_iteration(); }

void Narrator::take(std::deque<Account>& into) {
    for (Account& a : done_) into.push_back(std::move(a));
    done_.clear();
}

void Narrator::on_iteration(const Loop& loop) {
    if (next_) next_->on_iteration(loop);
    close_iteration();
    current_.iteration = loop.iteration();
    current_.time = loop.time();
}

void Narrator::on_task_renamed(const TaskBase& t) {
    if (next_) next_->on_task_renamed(t);
    if (auto it = parts_.find(t.id()); it != parts_.end()) it->second.name = t.name();
    if (auto it = waiting_.find(t.id()); it != waiting_.end()) it->second.task = t.name();
}

void Narrator::on_resource_changed(const detail::Resource& r) {
    if (next_) next_->on_resource_changed(r);
    const TaskBase* t = loop_ ? loop_->current_task() : nullptr;
    if (!t) return;
    touched_.task = t->id();
    touched_.kind = r.resource_kind();
    touched_.level = r.level();
    touched_.name = r.name().empty() ? std::string("the ") + to_string(r.resource_kind()) : r.name();
}

void Narrator::on_resource_destroyed(const detail::Resource& r) {
    if (next_) next_->on_resource_destroyed(r);
}

std::vector<Account> Narrator::accounts() const {
    std::vector<Account> out(done_.begin(), done_.end());
    if (Account now = told(); !now.sentences.empty()) out.push_back(std::move(now));
    std::deque<Account> kept(std::make_move_iterator(out.begin()), std::make_move_iterator(out.end())), none;
    keep_latest(kept, none, keep_, keep_sentences_);
    return {std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end())};
}

}  // namespace aio::page
