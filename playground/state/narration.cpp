// The Narrator: reports from the loop turned into one account per iteration.
#include "playground/state/narration.hpp"

#include "runtime/detail/frame.hpp"
#include "runtime/future.hpp"
#include "runtime/task.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iterator>
#include <utility>

namespace aio::page {

namespace {

constexpr size_t kNamesTold = 3;   // "still waiting for Task-4, Task-5, Task-6 and 9,994 more"
constexpr size_t kPartsTold = 12;  // tasks an account tells one by one; the others are counted
constexpr size_t kItemsTold = 10;  // tasks created or lines printed a sentence lists; "and 9,990 more"

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

// A printed line as a terminal shows it, quoted: control sequences (ECMA-48's CSI, ESC [ ... up to a
// final byte in @..~, such as rand's colours) are not read out.
std::string quoted(const std::string& line) {
    std::string out = "\"";
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] != '\x1b') {
            out += line[i];
            continue;
        }
        if (i + 1 < line.size() && line[i + 1] == '[')
            for (i += 2; i < line.size() && !(line[i] >= '@' && line[i] <= '~'); ++i) {}
    }
    return out + "\"";
}

std::string seconds(double s) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", s);
    return text;
}

std::string items(int64_t n) { return std::to_string(n) + (n == 1 ? " item" : " items"); }

// "9,988" as a count is read.
std::string counted(size_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

bool is_queue(WaitKind k) { return k == WaitKind::QueueGet || k == WaitKind::QueuePut || k == WaitKind::QueueJoin; }

// asyncio wakes one getter per put, one putter per get, and every joiner once all items are done;
// the woken task then takes its turn (another may take the item first). `queue`: "q".
std::string queue_woken(const std::string& task, WaitKind k, const std::string& queue) {
    const std::string call = k == WaitKind::QueueGet ? "get" : k == WaitKind::QueuePut ? "put" : "join";
    const std::string cause = k == WaitKind::QueueGet ? "an item was put in " + queue
                              : k == WaitKind::QueuePut ? "an item was taken from " + queue
                                                        : "every item of " + queue + " is marked done";
    const std::string owner = queue.starts_with("the ") ? queue.substr(4) : queue;   // "the queue": "queue.get()"
    return task + "'s " + owner + "." + call + "() is woken: " + cause + ", so " + task + " will resume";
}

}  // namespace

Narrator::Narrator(const demos::Demo& demo, size_t keep, size_t keep_sentences)
    : demo_(demo), keep_(keep ? keep : 1), keep_sentences_(keep_sentences) {}

Narrator::~Narrator() { detach(); }

void Narrator::attach(demos::Context& ctx) {
    detach();
    ctx_ = &ctx;
    relay_in(ctx.loop);
    print_ = ctx.print;
    block_ = ctx.block;
    ctx.print = [this](const std::string& line) { printed(line); if (print_) print_(line); };
    ctx.block = [this](double s) {
        blocked(s);
        if (block_) block_(s);
        // What comes after the call happens at the clock's new time: told apart, so that an
        // account shown while the call plays out does not tell what the loop did after it.
        close_iteration();
        if (loop_) current_.time = loop_->time();
    };
}

void Narrator::detach() {
    relay_out();
    if (ctx_) {
        ctx_->print = std::move(print_);
        ctx_->block = std::move(block_);
    }
    ctx_ = nullptr;
}

// The script line of the await `t` is suspended at (or of its blocking call): its innermost
// named frame ("count(1)" is count's) and the kind of wait, as the demo's await lines key them.
// Every wait of a busy run asks: the few functions of a demo are looked up once each.
int Narrator::line_of(const TaskBase& t, WaitKind wait, const detail::FrameBase** named) {
    for (const detail::FrameBase* frame = t.top_frame(); frame; frame = frame->parent) {
        if (!frame->label) continue;
        if (named) *named = frame;
        const std::string_view label = *frame->label, function = label.substr(0, label.find('('));
        for (const Line& l : lines_)
            if (l.wait == wait && l.function == function) return l.line;
        const auto it = demo_.await_lines.find({std::string(function), wait == WaitKind::None ? demos::kBlockingCall : to_string(wait)});
        lines_.push_back({std::string(function), wait, it == demo_.await_lines.end() ? 0 : it->second});
        return lines_.back().line;
    }
    return 0;
}

Narrator::Part* Narrator::part(const TaskBase& t) {
    Note& n = note(t.id());
    if (n.part) return &parts_[n.part - 1u];
    if (order_.size() == kPartsTold) return nullptr;
    order_.push_back(t.id());
    parts_.push_back({t.name(), {}, {}});
    n.part = static_cast<uint8_t>(parts_.size());
    return &parts_.back();
}

bool Narrator::deed(const TaskBase& t, Did what, std::string item) {
    Part* p = part(t);
    if (!p) return false;
    std::vector<Deed>& deeds = p->deeds;
    if (deeds.empty()) sequence_.push_back({static_cast<uint8_t>(p - parts_.data()), false});
    const bool listing = what == Did::Created || what == Did::Printed;
    if (listing && !deeds.empty() && deeds.back().what == what) {
        Deed& d = deeds.back();
        if (d.items.size() < kItemsTold) d.items.push_back(std::move(item));
        else ++d.more;
    } else {
        deeds.push_back({what, {std::move(item)}, 0});
    }
    return true;
}

// A task past those told one by one ended its step this way.
void Narrator::count_end(TaskState to) {
    switch (to) {
        case TaskState::Waiting: ++others_.waiting; break;
        case TaskState::Ready: ++others_.yielded; break;
        case TaskState::Done: ++others_.finished; break;
        case TaskState::Failed: ++others_.failed; break;
        case TaskState::Cancelled: ++others_.cancelled; break;
        default: break;
    }
}

void Narrator::printed(const std::string& line) {
    const TaskBase* t = loop_ ? loop_->current_task() : nullptr;
    if (!t) tell(current_, "Printed " + quoted(line) + ".", "Printed a line.");
    else if (outside_coroutines(*t)) after_run_.push_back(quoted(line));
    else if (part(*t)) deed(*t, Did::Printed, quoted(line));
    else ++others_.printed;
}

// A demo's program runs its script's `if __name__ == "__main__":` block in the main task, around
// the coroutine asyncio.run runs; only the coroutines have named frames. What it prints after
// main() returned is the script's, not main's.
bool Narrator::outside_coroutines(const TaskBase& t) {
    for (const detail::FrameBase* frame = t.top_frame(); frame; frame = frame->parent)
        if (frame->label) return false;
    return true;
}

void Narrator::blocked(double s) {
    const TaskBase* t = loop_ ? loop_->current_task() : nullptr;
    if (!t) return;
    const int line = line_of(*t, WaitKind::None);
    if (!deed(*t, Did::Blocked, "blocked the whole loop for " + seconds(s) + " in " + demos::kBlockingCall + (line ? " at line " + std::to_string(line) : ""))) return;
    if (!said_blocking_) part(*t)->deeds.back().note = " (a blocking call: no other task could run meanwhile)";
    said_blocking_ = true;   // once a run: the same words for every call crowd the account
}

// Why a task waits, where the wait's own words do not say it: the level of the queue, semaphore
// or lock it waits on, as the task found it.
std::string Narrator::why(const TaskBase& t, WaitKind kind) const {
    const Touched& r = touched_;
    const detail::Resource* res = r.task == t.id() ? r.resource : nullptr;
    const auto kinds = res ? waiter_kinds(res->resource_kind()) : std::span<const WaitKind>();
    const bool found = std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
    const ResourceLevel level = found ? res->level() : ResourceLevel{};
    switch (kind) {
        case WaitKind::Fetch: return ", while its request is in flight";
        case WaitKind::QueuePut:
            return found ? ", because " + r.name() + " is full: it holds its maxsize of " + items(level.capacity) : "";
        case WaitKind::QueueGet: return found ? ", because " + r.name() + " is empty" : "";
        case WaitKind::QueueJoin:
            return found ? ", because " + r.name() + " has " + items(level.unfinished) + " not yet marked done by task_done()" : "";
        case WaitKind::Semaphore:
            return found ? ", because " + r.name() + " is at its limit: all " + std::to_string(level.capacity) + " taken" : "";
        case WaitKind::Lock: return found ? ", because another task holds " + r.name() : "";
        case WaitKind::Event: return found ? ", until " + r.name() + " is set" : "";
        default: return "";
    }
}

void Narrator::on_task_created(const TaskBase& t) {
    RecorderRelay::on_task_created(t);
    const TaskBase* by = loop_ ? loop_->current_task() : nullptr;
    if (by && part(*by)) deed(*by, Did::Created, t.name());
}

// `t` ended: the tasks waiting for it (a gather's) are told as still waiting, if they still are.
void Narrator::finished(const TaskBase& t) {
    if (!resource_of_.empty()) resource_of_.erase(t.id());
    if (awaiting_.empty()) return;
    awaiting_.erase(t.id());
    const auto by = awaited_by_.find(t.id());
    if (by == awaited_by_.end()) return;
    for (uint32_t a : by->second) {
        const auto w = awaiting_.find(a);
        if (w == awaiting_.end() || !w->second.unfinished.erase(t.id())) continue;
        if (w->second.kind == WaitKind::AsCompleted) continue;   // the first to end is its next result: it waits no more
        if (std::find(still_.begin(), still_.end(), a) == still_.end()) still_.push_back(a);
    }
    awaited_by_.erase(by);
}

void Narrator::on_task_state(const TaskBase& t, TaskState from) {
    RecorderRelay::on_task_state(t, from);
    if (asking_.task == &t) asked();
    const TaskState to = t.state();
    const uint32_t id = t.id();
    WaitKind& wait = note(id).wait;
    // Tasks past those told one by one are only counted: no words are made for them.
    const bool quiet = to == TaskState::Pending || (to == TaskState::Ready && from == TaskState::Pending);   // scheduled: nothing to tell
    const bool told = !quiet && part(t) != nullptr;
    const auto end = [&](auto how) { if (told) deed(t, Did::Ended, how()); else count_end(to); };
    switch (to) {
        case TaskState::Ready:
            if (from == TaskState::Running) {
                // A bare yield is asyncio.sleep(0): it resumes at that sleep's line, as any other.
                wait = WaitKind::Sleep;
                end([&] {
                    const int line = line_of(t, WaitKind::Sleep);
                    return "gave the loop a turn" + (line ? " at line " + std::to_string(line) : std::string());
                });
            } else if (from == TaskState::Waiting && !told) {
                ++others_.woke;
            } else if (from == TaskState::Waiting) {   // the awaited future is still the task's until it runs
                const FutureBase* f = t.waiting_on();
                const std::string what = f ? f->describe() : "a future";
                const auto resource = resource_of_.find(id);
                Part* p = part(t);
                p->woke = t.cancelling() > 0                   ? "the " + what + " of " + t.name() + " was cancelled"
                                : wait == WaitKind::Sleep    ? "the " + what + " of " + t.name() + " ended"
                                : wait == WaitKind::AsCompleted ? "the next result of " + what + " for " + t.name() + " is ready"
                                : resource == resource_of_.end()       ? "the " + what + " of " + t.name() + " is done"
                                : is_queue(wait) ? queue_woken(t.name(), wait, resource->second)
                                                                       : "the wait of " + t.name() + " on " + resource->second + " is over";
                const size_t at = p->woke.find(t.name());
                p->woke_name_at = at != std::string::npos && p->woke.rfind(t.name()) == at ? at : std::string::npos;
                sequence_.push_back({static_cast<uint8_t>(p - parts_.data()), true});
            }
            break;
        case TaskState::Running:
            if (!told) ++others_.ran;
            else if (from == TaskState::Pending) deed(t, Did::Began, "started");
            else {
                const detail::FrameBase* named = nullptr;
                const int line = wait == WaitKind::None ? 0 : line_of(t, wait, &named);
                deed(t, Did::Began, line ? "resumed at line " + std::to_string(line) + in_generator(named) : std::string("resumed"));
            }
            break;
        case TaskState::Waiting: {
            const FutureBase* f = t.waiting_on();
            const WaitKind kind = f ? f->kind() : WaitKind::Future;
            // Woken from a get and straight back to waiting on one: another getter took the item
            // between the put that woke it and its turn (asyncio wakes one getter per put).
            const Part* p = told ? part(t) : nullptr;
            const bool beaten = kind == WaitKind::QueueGet && wait == WaitKind::QueueGet && p && p->deeds.size() == 1 &&
                                p->deeds.front().what == Did::Began && p->deeds.front().items.front() != "started";
            wait = kind;
            if ((kind == WaitKind::Semaphore || kind == WaitKind::Lock || kind == WaitKind::Event || is_queue(kind)) && touched_.task == id)
                resource_of_[id] = touched_.name();
            // Waiting for tasks: told, as they end, which are left.
            std::vector<const FutureBase*> targets;
            if (const TaskBase* other = as_task(f)) targets.push_back(other);
            else if (f) f->targets(targets);
            for (const FutureBase* g : targets) {
                const TaskBase* other = as_task(g);
                if (!other || other->done()) continue;
                Awaiting& waits = awaiting_[id];
                if (waits.unfinished.empty()) waits = {t.name(), kind, {}};
                waits.unfinished.emplace(other->id(), other->name());
                awaited_by_[other->id()].push_back(id);
            }
            bool reason = false;
            end([&] {
                const detail::FrameBase* named = nullptr;
                const int line = line_of(t, kind, &named);
                const std::string because = why(t, kind);
                reason = !because.empty() || beaten;
                return "now waits on " + (f ? f->describe() : std::string("a future")) + (line ? " at line " + std::to_string(line) + in_generator(named) : "") + because +
                       (beaten ? " again: another task took the item first" : "");
            });
            if (told && f) {   // where its future is named, to tell tasks that wait alike together
                Deed& d = part(t)->deeds.back();
                d.detail_at = std::string("now waits on ").size();
                d.detail = f->describe();
                d.general = to_string(kind);
                d.why = reason;
                if (kind == WaitKind::Fetch && !said_fetch_) d.note = " (other tasks run meanwhile)";
            }
            said_fetch_ |= told && kind == WaitKind::Fetch;
            break;
        }
        case TaskState::Done:
            end([&] {
                const std::string result = t.result_repr();
                return result == "None" ? std::string("finished") : "finished, returning " + result;
            });
            finished(t);
            break;
        case TaskState::Failed:
            end([&] { return "failed with " + t.result_repr(); });
            if (told) part(t)->deeds.back().why = true;
            finished(t);
            break;
        case TaskState::Cancelled:
            end([] { return std::string("was cancelled"); });
            if (told) part(t)->deeds.back().why = true;
            finished(t);
            break;
        case TaskState::Pending: break;
    }
}

// What a task did, after its name. `notes`: with what is said once a run; `general`: its wait's
// future by kind ("its fetch"), so that tasks that did the same on different futures compare equal.
std::string Narrator::body(const Part& p, bool notes, bool general, bool spoken) {
    std::vector<std::string> did;
    for (const Deed& d : p.deeds) {
        std::vector<std::string> items = d.items;
        if (d.more) items.push_back(counted(d.more) + " more");
        const size_t lines = d.items.size() + d.more;
        std::string text = d.what == Did::Created ? "created " + listed(items)
                           : d.what == Did::Printed ? "printed " + (spoken ? lines == 1 ? std::string("a line") : counted(lines) + " lines" : listed(items))
                                                    : items.front();
        if (general && d.detail_at != std::string::npos) text.replace(d.detail_at, d.detail.size(), "its " + d.general);
        did.push_back(notes ? text + d.note : text);
    }
    return listed(did);
}

Account Narrator::told() const {
    Account a = current_;
    a.number = accounts_told_ + 1;
    a.quiet_from = current_.iteration > last_told_ + 1 ? last_told_ + 1 : 0;
    // Tasks one after another that did the same, told in one sentence: "Each of Task-1 and Task-2
    // started, ...", and when only their futures differ, those listed after it. Each task's words
    // are made once: a busy iteration tells twelve.
    std::vector<std::string> exact(sequence_.size()), key(sequence_.size());
    for (size_t i = 0; i < sequence_.size(); ++i) {
        if (sequence_[i].woke) continue;
        const Part& p = parts_[sequence_[i].part];
        exact[i] = key[i] = body(p, false, false);
        for (const Deed& d : p.deeds)
            if (d.detail_at != std::string::npos)
                if (const size_t at = key[i].rfind(d.detail); at != std::string::npos) key[i].replace(at, d.detail.size(), "its " + d.general);
    }
    for (size_t i = 0; i < sequence_.size();) {
        const Part& p = parts_[sequence_[i].part];
        if (sequence_[i].woke) {
            // Wake-ups alike, one after another, told in one: "The sleep(1) of Task-1 and Task-2 ended."
            const auto shape = [&](size_t k) {
                const Part& q = parts_[sequence_[k].part];
                return q.woke_name_at == std::string::npos ? q.woke : std::string(q.woke).erase(q.woke_name_at, q.name.size());
            };
            std::vector<std::string> names = {p.name};
            size_t j = i + 1;
            if (p.woke_name_at != std::string::npos)
                for (const std::string mine = shape(i); j < sequence_.size() && sequence_[j].woke && parts_[sequence_[j].part].woke_name_at != std::string::npos && shape(j) == mine; ++j)
                    names.push_back(parts_[sequence_[j].part].name);
            const std::string woke = names.size() == 1 ? p.woke : std::string(p.woke).replace(p.woke_name_at, p.name.size(), listed(names));
            tell(a, capitalised(woke) + ".", {}, true);
            i = j;
            continue;
        }
        size_t j = i + 1;
        while (j < sequence_.size() && !sequence_[j].woke && key[j] == key[i]) ++j;
        const bool noted = std::any_of(p.deeds.begin(), p.deeds.end(), [](const Deed& d) { return !d.note.empty(); });
        const bool reason = std::any_of(p.deeds.begin(), p.deeds.end(), [](const Deed& d) { return d.why; });
        if (j == i + 1) {
            tell(a, p.name + " " + (noted ? body(p, true, false) : exact[i]) + ".", p.name + " " + body(p, noted, false, true) + ".", reason);
            i = j;
            continue;
        }
        std::vector<std::string> names, details;
        bool same = true;
        for (size_t k = i; k < j; ++k) {
            const Part& q = parts_[sequence_[k].part];
            names.push_back(q.name);
            same = same && exact[k] == exact[i];
            for (const Deed& d : q.deeds)
                if (d.detail_at != std::string::npos)   // "fetch http://..." told as its URL
                    details.push_back(d.detail.starts_with(d.general + " ") ? d.detail.substr(d.general.size() + 1) : d.detail);
        }
        const std::string words = noted ? body(p, true, !same) : same ? exact[i] : key[i];
        const std::string each = "Each of " + listed(names) + " ", end = same ? "." : ": " + listed(details) + " respectively.";
        tell(a, each + words + end, each + body(p, noted, !same, true) + end, reason);
        i = j;
    }
    if (!after_run_.empty()) {
        const std::string lines = listed(after_run_);   // a line's own full stop ends the sentence too
        tell(a, "After asyncio.run() returned, the script printed " + lines + (lines.ends_with(".\"") ? "" : "."),
             "After asyncio.run() returned, the script printed " + (after_run_.size() == 1 ? std::string("a line.") : counted(after_run_.size()) + " lines."));
    }
    // The others of a busy iteration, counted: "9,988 more tasks ran as well: 9,988 now wait."
    const Others& o = others_;
    if (o.woke) tell(a, "The waits of " + counted(o.woke) + " more tasks ended as well.");
    if (const size_t ended = o.waiting + o.yielded + o.finished + o.failed + o.cancelled) {
        std::vector<std::string> how;
        const auto add = [&](size_t n, const char* what) { if (n) how.push_back(counted(n) + " " + what); };
        add(o.waiting, "now wait");
        add(o.yielded, "gave the loop a turn");
        add(o.finished, "finished");
        add(o.failed, "failed");
        add(o.cancelled, "were cancelled");
        tell(a, counted(ended) + (ended == 1 ? " more task ran as well" : " more tasks ran as well") + (o.printed ? ", printing " + counted(o.printed) + " lines" : "") +
                    (how.empty() ? "" : ": " + listed(how)) + ".",
             {}, o.failed || o.cancelled);
    }
    // "gather in main is still waiting for Task-3": a task it waits for ended, not the last one.
    for (uint32_t id : still_) {
        const auto w = awaiting_.find(id);
        if (w == awaiting_.end() || w->second.unfinished.empty()) continue;
        std::vector<std::string> names;
        for (const auto& [other, name] : w->second.unfinished) {
            if (names.size() == kNamesTold) break;
            names.push_back(name);
        }
        if (const size_t more = w->second.unfinished.size() - names.size()) names.push_back(counted(more) + " more");
        tell(a, "The " + std::string(to_string(w->second.kind)) + " in " + w->second.task + " is still waiting for " + listed(names) + ".");
    }
    return a;
}

void Narrator::close_iteration() {
    Account a = told();
    for (uint32_t id : order_) notes_[id].part = 0;
    order_.clear();
    parts_.clear();
    sequence_.clear();
    after_run_.clear();
    still_.clear();
    others_ = {};
    current_.sentences.clear();
    current_.spoken.clear();
    current_.why.clear();
    if (a.sentences.empty()) return;
    last_told_ = a.iteration;
    ++accounts_told_;
    done_.push_back(std::move(a));
    std::deque<Account> none;
    keep_latest(done_, none, keep_, keep_sentences_);
}

void Narrator::flush() { close_iteration(); }

void Narrator::stopping(Time at, const std::vector<std::string>& cut) {
    flush();
    // Stopped behind the loop's clock (inside a blocking call's iteration): what the loop did after
    // the time shown is not shown, nor told.
    std::erase_if(done_, [at](const Account& a) { return a.time > at; });
    stopped_at_ = at;
    current_.time = at;
    current_.stop = 1;
    tell(current_, "Stop: as asyncio.run does on its way out, every task left is cancelled.", {}, true);
    if (!cut.empty())
        tell(current_, listed(cut) + (cut.size() == 1 ? ", not finished at the time shown, was cancelled." : ", not finished at the time shown, were cancelled."), {}, true);
}

void Narrator::take(std::deque<Account>& into) {
    for (Account& a : done_) into.push_back(std::move(a));
    done_.clear();
}

void Narrator::on_iteration(const Loop& loop) {
    RecorderRelay::on_iteration(loop);
    close_iteration();
    current_.iteration = loop.iteration();
    current_.stop = stopped_at_ >= 0 ? 2 : 0;
    current_.time = stopped_at_ >= 0 ? std::min(loop.time(), stopped_at_) : loop.time();
}

void Narrator::on_task_renamed(const TaskBase& t) {
    RecorderRelay::on_task_renamed(t);
    if (const uint8_t part = note(t.id()).part) parts_[part - 1u].name = t.name();
    if (auto it = awaiting_.find(t.id()); it != awaiting_.end()) it->second.task = t.name();
}

void Narrator::on_resource_changed(const detail::Resource& r) {
    RecorderRelay::on_resource_changed(r);
    const TaskBase* t = loop_ ? loop_->current_task() : nullptr;
    if (!t) return;
    touched_ = {t->id(), &r};   // its level is read only when the task waits on it (a queue counts its waiters)
}

void Narrator::on_resource_destroyed(const detail::Resource& r) {
    RecorderRelay::on_resource_destroyed(r);
    if (touched_.resource == &r) touched_ = {};
}

// An async generator runs in the task iterating it, in the same step, as in asyncio: its steps are
// that task's deeds ("got 2 from mygen(3) (yielded at line 17)").
namespace {
std::string generator_name(const detail::FrameBase& gen) { return gen.label ? *gen.label : std::string("an async generator"); }
}  // namespace

std::string Narrator::in_generator(const detail::FrameBase* frame) const {
    if (!frame || std::find(generators_.begin(), generators_.end(), frame) == generators_.end()) return {};
    return " in " + generator_name(*frame);
}

void Narrator::asked() {
    const Asking a = std::exchange(asking_, {});
    const std::string name = generator_name(*a.gen);
    deed(*a.task, Did::Iterated, a.first ? "asked a new " + name + " for its first value" : "asked " + name + " for its next value");
}

void Narrator::on_asyncgen_anext(const TaskBase& t, const detail::FrameBase& gen) {
    RecorderRelay::on_asyncgen_anext(t, gen);
    if (asking_.task) asked();
    const bool first = std::find(generators_.begin(), generators_.end(), &gen) == generators_.end();
    if (first) generators_.push_back(&gen);
    asking_ = {&t, &gen, first};
}

void Narrator::on_asyncgen_yield(const TaskBase& t, const detail::FrameBase& gen, const std::string& value) {
    RecorderRelay::on_asyncgen_yield(t, gen, value);
    const std::string name = generator_name(gen);
    const auto line = gen.label ? demo_.await_lines.find({name.substr(0, name.find('(')), demos::kYield}) : demo_.await_lines.end();
    const std::string at = line == demo_.await_lines.end() ? "" : " (yielded at line " + std::to_string(line->second) + ")";
    if (asking_.gen == &gen) {
        const Asking a = std::exchange(asking_, {});
        deed(t, Did::Iterated, (a.first ? "asked a new " + name + " for its first value" : "asked " + name + " for its next value") + " and got " + value + at);
    } else {
        deed(t, Did::Iterated, "got " + value + " from " + name + at);
    }
}

void Narrator::on_asyncgen_return(const TaskBase& t, const detail::FrameBase& gen) {
    RecorderRelay::on_asyncgen_return(t, gen);
    const std::string name = generator_name(gen), ended = " (StopAsyncIteration ended the async for)";
    if (asking_.gen == &gen) {
        asking_ = {};
        deed(t, Did::Iterated, "asked " + name + " for its next value and saw it return" + ended);
    } else {
        deed(t, Did::Iterated, "saw " + name + " return" + ended);
    }
    std::erase(generators_, &gen);
}

std::string Narrator::Touched::name() const {
    if (!resource) return "it";
    return resource->name().empty() ? std::string("the ") + to_string(resource->resource_kind()) : resource->name();
}

std::vector<Account> Narrator::accounts() const {
    std::vector<Account> out(done_.begin(), done_.end());
    if (Account now = told(); !now.sentences.empty()) out.push_back(std::move(now));
    std::deque<Account> kept(std::make_move_iterator(out.begin()), std::make_move_iterator(out.end())), none;
    keep_latest(kept, none, keep_, keep_sentences_);
    return {std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end())};
}

}  // namespace aio::page
