// Requests whose answers a loop timer delivers at a due time: the virtual network's, and a
// replay's of them. Each timer tells the loop panel which request it answers.
#pragma once
#include "runtime/detail/timer_owner.hpp"
#include "runtime/fetch.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace aio::detail {

class DueAnswers {
public:
    explicit DueAnswers(Loop& loop) : loop_(loop) {}
    DueAnswers(const DueAnswers&) = delete;
    DueAnswers& operator=(const DueAnswers&) = delete;

    // Request `id` for `url` (as requested) is answered with `result` at loop time `when`
    // (seconds), by a timer for the task running now. Without a result the timer still fires
    // then, but only tells `unanswered`: the request stays pending until cancel().
    void add(uint64_t id, std::string url, Time when, std::optional<FetchResult> result,
             std::function<void(FetchResult)> done);
    bool cancel(uint64_t id);      // true if it was pending: done is then never called
    Time due(uint64_t id) const;   // when its timer is due; -1: not pending, or the timer fired
    size_t pending() const { return answers_.size(); }

    std::function<void(uint64_t id)> unanswered;

private:
    struct Answer final : TimerOwner {
        Answer(DueAnswers& owner, uint64_t id, std::string url, uint32_t task, std::optional<FetchResult> result,
               std::function<void(FetchResult)> done)
            : owner(owner), id(id), url(std::move(url)), task(task), timer(owner.loop_), result(std::move(result)), done(std::move(done)) {}
        std::string describe_timer() const override;
        uint32_t timer_task() const override { return task; }
        void on_timer() override { owner.fire(id); }
        void answer_at(Time when) { schedule(timer, when); }
        DueAnswers& owner;
        uint64_t id;
        std::string url;
        uint32_t task;       // the task that asked; 0: none
        TimerHandle timer;
        std::optional<FetchResult> result;
        std::function<void(FetchResult)> done;
    };
    void fire(uint64_t id);
    Loop& loop_;
    std::map<uint64_t, std::unique_ptr<Answer>> answers_;
};

}  // namespace aio::detail
