// The browser host's scheduling. The JavaScript half is web/js/library_host.js.
#include "runtime/hosts/browser_host.hpp"

#include "runtime/fetch.hpp"
#include "runtime/hosts/virtual_host.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

extern "C" {
double aio_host_now_ms();
void aio_host_set_timer(int host, double ms);   // replaces any timer of this host
void aio_host_clear_timer(int host);
void aio_host_post_hop(int host);
}

namespace aio {

namespace {
std::unordered_map<int, BrowserHost*>& hosts() {
    static std::unordered_map<int, BrowserHost*> h;
    return h;
}
int next_id = 1;
constexpr double kSliceMs = 6.0;   // ready work per hop, so a frame can render between slices
}  // namespace

BrowserHost::BrowserHost(Loop& loop) : loop_(loop), id_(next_id++) {
    hosts()[id_] = this;
    reanchor(loop.time());
}

BrowserHost::~BrowserHost() {
    aio_host_clear_timer(id_);
    hosts().erase(id_);
}

void BrowserHost::reanchor(Time loop_time) {
    wall_anchor_ms_ = aio_host_now_ms();
    loop_anchor_ = loop_time;
}

bool BrowserHost::idle() const { return !loop_.has_ready() && !loop_.has_timers(); }

double BrowserHost::pace() const {
    if (!instant()) return speed_;
    return fetches_in_flight(loop_).empty() ? 0.0 : 1.0;
}

Time BrowserHost::display_time() const {
    if (holding_) {   // walks from where the blocking call began up to where it left the clock
        if (paused_) return loop_anchor_;
        return std::min(loop_.time(), loop_anchor_ + (aio_host_now_ms() - wall_anchor_ms_) / 1000.0 * speed_);
    }
    if (paused_ || pace() == 0) return std::max(loop_anchor_, loop_.time());
    Time t = loop_anchor_ + (aio_host_now_ms() - wall_anchor_ms_) / 1000.0 * pace();
    if (loop_.has_timers()) t = std::min(t, loop_.next_deadline());
    else if (!loop_.has_due_work() && fetches_in_flight(loop_).empty()) t = std::min(t, loop_.time());   // idle: nothing to wait for
    return std::max(t, loop_.time());
}

void BrowserHost::wake() { schedule(); }

void BrowserHost::io_done() {
    if (holding_) return schedule();   // the blocking call's picture ends first; the response waits
    const Time now = display_time();
    loop_.advance_to(now);
    if (paused_) return;   // resume() runs what is ready
    reanchor(now);
    // The response makes its task ready once delivered, after this returns: a hop runs it then.
    if (!hop_posted_) {
        hop_posted_ = true;
        aio_host_post_hop(id_);
    }
}

void BrowserHost::pause() {
    if (paused_) return;
    loop_anchor_ = display_time();
    paused_ = true;
    timer_armed_ = false;
    aio_host_clear_timer(id_);
}

void BrowserHost::resume() {
    if (!paused_) return;
    paused_ = false;
    reanchor(loop_anchor_);
    schedule();
}

void BrowserHost::step() {
    if (loop_.is_running()) return;
    // The step's iteration runs no earlier than the time shown: paused at 0.09 s with the first
    // iteration still to run, a step ran it at 0 and the time shown went back.
    if (!holding_) loop_.advance_to(display_time());
    holding_ = false;   // a step shows the blocking call's end at once
    VirtualHost(loop_).step();   // one iteration, as on the virtual clock: the display catches up below
    reanchor(loop_.time());
    if (on_progress) on_progress();
    if (!paused_) schedule();
}

void BrowserHost::set_speed(double speed) {
    const Time now = display_time();
    speed_ = speed > 0 && std::isfinite(speed) ? speed : kInstant;
    if (holding_ && instant()) holding_ = false;
    reanchor(now);
    timer_armed_ = false;
    aio_host_clear_timer(id_);
    schedule();
}

void BrowserHost::schedule() {
    if (paused_ || loop_.is_running()) return;
    if (holding_) {   // wake when the display reaches the end of the blocking call
        if (timer_armed_ && timer_deadline_ == loop_.time()) return;
        timer_armed_ = true;
        timer_deadline_ = loop_.time();
        aio_host_set_timer(id_, std::max(0.0, (loop_.time() - display_time()) / speed_ * 1000.0));
        return;
    }
    if (loop_.has_due_work() || (pace() == 0 && loop_.has_timers())) {
        if (!hop_posted_) {
            hop_posted_ = true;
            aio_host_post_hop(id_);
        }
        return;
    }
    if (!loop_.has_timers()) return;
    const Time deadline = loop_.next_deadline();
    if (timer_armed_ && timer_deadline_ == deadline) return;
    if (pace() == 0) return;   // instant, nothing in flight: handled by hops above
    const double wait_ms = std::max(0.0, (deadline - display_time()) / pace() * 1000.0);
    timer_armed_ = true;
    timer_deadline_ = deadline;
    aio_host_set_timer(id_, wait_ms);
}

void BrowserHost::release() {
    holding_ = false;
    reanchor(loop_.time());
}

void BrowserHost::on_timer() {
    timer_armed_ = false;
    if (paused_) return;
    if (holding_) {
        if (display_time() + 1e-9 < loop_.time()) {
            schedule();   // woken early
            return;
        }
        release();
        run_slice(kSliceMs);
        return;
    }
    if (!loop_.has_timers()) return;
    const Time deadline = loop_.next_deadline();
    if (display_time() + 1e-9 < deadline) {
        // Woken early (timer granularity): wait out the rest.
        schedule();
        return;
    }
    loop_.advance_to(deadline);
    reanchor(deadline);   // a late timer (hidden tab) resumes from the deadline, not from wall time
    run_slice(kSliceMs);
}

void BrowserHost::on_hop() {
    hop_posted_ = false;
    if (paused_) return;
    run_slice(kSliceMs);
}

void BrowserHost::run_slice(double budget_ms) {
    const double start = aio_host_now_ms();
    while (!paused_) {
        if (!loop_.has_due_work()) {
            if (pace() != 0 || !loop_.has_timers()) break;
            loop_.advance_to(loop_.next_deadline());
            reanchor(loop_.time());
        }
        const Time before = loop_.time();
        loop_.run_once();
        if (loop_.time() > before && !instant()) {
            // A blocking call moved the clock: the display walks there at the chosen speed first.
            holding_ = true;
            held_from_ = before;
            reanchor(before);
            break;
        }
        if (complete && complete()) break;
        if (aio_host_now_ms() - start >= budget_ms) break;
    }
    if (instant()) reanchor(display_time());
    if (on_progress) on_progress();
    schedule();
}

}  // namespace aio

extern "C" {
// Called by web/js/library_host.js.
EMSCRIPTEN_KEEPALIVE void aio_host_on_timer(int host) {
    if (auto it = aio::hosts().find(host); it != aio::hosts().end()) it->second->on_timer();
}
EMSCRIPTEN_KEEPALIVE void aio_host_on_hop(int host) {
    if (auto it = aio::hosts().find(host); it != aio::hosts().end()) it->second->on_hop();
}
}
