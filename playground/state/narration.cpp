// The Narrator: reports from the loop turned into one account per iteration.
#include "playground/state/narration.hpp"

#include "runtime/detail/frame.hpp"
#include "runtime/future.hpp"
#include "runtime/task.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace aio::page {

namespace {

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

}  // namespace

Narrator::Narrator(const demos::Demo& demo, size_t keep) : demo_(demo), keep_(keep ? keep : 1) {}

Narrator::~Narrator() { detach(); }

void Narrator::attach(Loop& loop) {
    detach();
    loop_ = &loop;
    next_ = loop.recorder();
    loop.set_recorder(this);
}

void Narrator::detach() {
    if (loop_ && loop_->recorder() == this) loop_->set_recorder(next_);
    loop_ = nullptr;
    next_ = nullptr;
}

// The script line of the await `t` is suspended at: its innermost named frame ("count(1)" is
// count's) and the kind of what it waits on, as the demo's await lines key them.
int Narrator::line_of(const TaskBase& t) const {
    const FutureBase* f = t.waiting_on();
    if (!f) return 0;
    for (const detail::FrameBase* frame = t.top_frame(); frame; frame = frame->parent) {
        if (!frame->label) continue;
        const std::string function = frame->label->substr(0, frame->label->find('('));
        const auto it = demo_.await_lines.find({function, std::string(to_string(f->kind()))});
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

void Narrator::printed(const std::string& line) {
    const TaskBase* t = loop_ ? loop_->current_task() : nullptr;
    if (t) part(*t).printed.push_back(quoted(line));
    else current_.sentences.push_back("Printed " + quoted(line) + ".");
}

void Narrator::on_task_created(const TaskBase& t) {
    if (next_) next_->on_task_created(t);
    if (const TaskBase* by = loop_ ? loop_->current_task() : nullptr) part(*by).created.push_back(t.name());
}

void Narrator::on_task_state(const TaskBase& t, TaskState from) {
    if (next_) next_->on_task_state(t, from);
    const TaskState to = t.state();
    Part& p = part(t);
    const auto was = waiting_.find(t.id());
    switch (to) {
        case TaskState::Ready:
            if (from == TaskState::Waiting && was != waiting_.end()) {
                const Waiting& w = was->second;
                p.woke = "the " + w.what + " of " + p.name + (w.kind == WaitKind::Sleep ? " ended" : " is done");
            }
            if (from == TaskState::Running) p.ended = "gave the loop a turn";
            break;
        case TaskState::Running:
            if (from == TaskState::Pending) p.began = "started";
            else if (was != waiting_.end() && was->second.line) p.began = "resumed at line " + std::to_string(was->second.line);
            else p.began = "resumed";
            break;
        case TaskState::Waiting: {
            const FutureBase* f = t.waiting_on();
            Waiting w{f ? f->describe() : "a future", f ? f->kind() : WaitKind::Future, line_of(t)};
            p.ended = "now waits on " + w.what + (w.line ? " at line " + std::to_string(w.line) : "");
            waiting_[t.id()] = std::move(w);
            break;
        }
        case TaskState::Done: {
            const std::string result = t.result_repr();
            p.ended = result == "None" ? "finished" : "finished, returning " + result;
            waiting_.erase(t.id());
            break;
        }
        case TaskState::Failed:
            p.ended = "failed with " + t.result_repr();
            waiting_.erase(t.id());
            break;
        case TaskState::Cancelled:
            p.ended = "was cancelled";
            waiting_.erase(t.id());
            break;
        case TaskState::Pending: break;
    }
}

Account Narrator::told() const {
    Account a = current_;
    for (uint32_t id : order_) {
        const Part& p = parts_.at(id);
        if (!p.woke.empty()) a.sentences.push_back(capitalised(p.woke) + ".");
        if (p.began.empty() && p.ended.empty()) continue;   // woken only: it runs next iteration
        std::vector<std::string> did;
        if (!p.began.empty()) did.push_back(p.began);
        if (!p.created.empty()) did.push_back("created " + listed(p.created));
        if (!p.printed.empty()) did.push_back("printed " + listed(p.printed));
        if (!p.ended.empty()) did.push_back(p.ended);
        a.sentences.push_back(p.name + " " + listed(did) + ".");
    }
    return a;
}

void Narrator::close_iteration() {
    Account a = told();
    order_.clear();
    parts_.clear();
    current_ = {};
    if (a.sentences.empty()) return;
    done_.push_back(std::move(a));
    if (done_.size() > keep_) done_.pop_front();
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
}
void Narrator::on_resource_changed(const detail::Resource& r) {
    if (next_) next_->on_resource_changed(r);
}
void Narrator::on_resource_destroyed(const detail::Resource& r) {
    if (next_) next_->on_resource_destroyed(r);
}

std::vector<Account> Narrator::accounts() const {
    std::vector<Account> out(done_.begin(), done_.end());
    if (Account now = told(); !now.sentences.empty()) out.push_back(std::move(now));
    if (out.size() > keep_) out.erase(out.begin());
    return out;
}

std::string to_text(const Account& a) {
    char head[64];
    std::snprintf(head, sizeof head, "t = %.2f s, iteration %llu:", a.time, static_cast<unsigned long long>(a.iteration));
    std::string out = head;
    for (const std::string& s : a.sentences) out += " " + s;
    return out;
}

}  // namespace aio::page
