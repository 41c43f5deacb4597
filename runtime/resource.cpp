// Resource reporting and the names the views and the page API use for resources and waiters.
#include "runtime/resource.hpp"

#include "runtime/recorder.hpp"

namespace aio {

const char* to_string(ResourceKind k) {
    switch (k) {
        case ResourceKind::Queue: return "queue";
        case ResourceKind::Semaphore: return "semaphore";
        case ResourceKind::Lock: return "lock";
        case ResourceKind::Event: return "event";
    }
    return "?";
}

std::span<const WaitKind> waiter_kinds(ResourceKind k) {
    static constexpr WaitKind queue[] = {WaitKind::QueueGet, WaitKind::QueuePut, WaitKind::QueueJoin};
    static constexpr WaitKind semaphore[] = {WaitKind::Semaphore};
    static constexpr WaitKind lock[] = {WaitKind::Lock};
    static constexpr WaitKind event[] = {WaitKind::Event};
    switch (k) {
        case ResourceKind::Queue: return queue;
        case ResourceKind::Semaphore: return semaphore;
        case ResourceKind::Lock: return lock;
        case ResourceKind::Event: return event;
    }
    return {};
}

const char* waiter_role(WaitKind k) {
    switch (k) {
        case WaitKind::QueueGet: return "getters";
        case WaitKind::QueuePut: return "putters";
        case WaitKind::QueueJoin: return "joiners";
        case WaitKind::Lock: case WaitKind::Semaphore: return "acquirers";
        case WaitKind::Event: return "waiters";
        default: return "";
    }
}

namespace detail {

Resource::~Resource() {
    if (recorder_) recorder_->on_resource_destroyed(*this);
}

void Resource::set_name(std::string name) {
    name_ = std::move(name);
    changed();
}

void Resource::report(Loop& loop, Recorder& r) {
    Resource& self = *report_as_;
    if (self.loop_ && self.loop_ != &loop) return;   // used from another loop: that use throws, not ours to record
    if (!self.id_) self.id_ = loop.next_resource_id();
    self.recorder_ = &r;
    r.on_resource_changed(self);
}

}  // namespace detail
}  // namespace aio
