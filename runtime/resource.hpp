// Resources: the queues, semaphores, locks and events tasks wait on, as the instrumentation sees
// them (tokio-console's resources). Each reports its level and waiters to the loop's Recorder
// whenever they change; with no recorder attached, a change costs two loads and two branches.
#pragma once
#include "runtime/detail/loop_bound.hpp"
#include "runtime/wait_kind.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace aio {

class Recorder;
class Trace;

enum class ResourceKind : uint8_t { Queue, Semaphore, Lock, Event };
const char* to_string(ResourceKind k);   // "queue", "semaphore", "lock", "event"

constexpr size_t kResourceWaitLists = 3;   // the most kinds of waiter one resource has (a queue's)

// The kinds of waiting a resource's waiters do, in the order of its waiter lists:
// queue {QueueGet, QueuePut, QueueJoin}; semaphore {Semaphore}; lock {Lock}; event {Event}.
std::span<const WaitKind> waiter_kinds(ResourceKind k);
// The role of a waiter waiting that way, as the page API names it: "getters", "putters",
// "joiners", "acquirers" (lock, semaphore) or "waiters" (event); "" for other kinds.
const char* waiter_role(WaitKind k);

// What a resource holds and who waits, at one moment.
struct ResourceLevel {
    int64_t level = 0;        // queue: items; semaphore: value; lock: 1 when locked; event: 1 when set
    int64_t capacity = 0;     // queue: maxsize (0: unbounded); semaphore: its initial value; lock, event: 1
    int64_t unfinished = 0;   // queue: items put and not yet task_done(); 0 for the others
    // Waiters in each list of waiter_kinds(kind), as asyncio's repr counts them (a woken waiter
    // stays listed until it runs).
    std::array<uint32_t, kResourceWaitLists> waiters{};
    bool operator==(const ResourceLevel&) const = default;
};

namespace detail {

class Waiters;

class Resource : protected LoopBound {
public:
    Resource(const Resource&) = delete;
    Resource& operator=(const Resource&) = delete;

    ResourceKind resource_kind() const { return kind_; }
    uint32_t resource_id() const { return id_; }   // from its loop, when a recorder first sees it; 0 before
    const std::string& name() const { return name_; }   // "" unless named
    void set_name(std::string name);               // as Python names the variable: "q", "sem"
    virtual ResourceLevel level() const = 0;
    // Waiter list i (of waiter_kinds(kind)); its futures' first callbacks wake the waiting tasks.
    virtual const Waiters& waiter_list(size_t i) const = 0;

protected:
    explicit Resource(ResourceKind kind) : kind_(kind) {}
    ~Resource();
    // A part of `owner` (a queue's join event): its changes are the owner's, it has no record.
    void report_as(Resource& owner) { report_as_ = &owner; }
    // Call after every change of level or waiters. Recorded only inside a running loop's
    // iteration (the one the resource is bound to, if bound) that has a recorder.
    void changed() {
        if (Loop* l = Loop::running_loop())
            if (Recorder* r = l->recorder()) report(*l, *r);
    }

private:
    friend class aio::Trace;   // forgets the resources it recorded when it stops recording
    void report(Loop& loop, Recorder& r);
    Resource* report_as_ = this;
    Recorder* recorder_ = nullptr;   // the recorder that has seen it: told when it goes away
    std::string name_;
    uint32_t id_ = 0;
    ResourceKind kind_;
};

}  // namespace detail
}  // namespace aio
