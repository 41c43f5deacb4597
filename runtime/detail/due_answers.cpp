// Answers delivered by loop timers, so runs on the virtual clock stay deterministic.
#include "runtime/detail/due_answers.hpp"

#include "runtime/task.hpp"

namespace aio::detail {

void DueAnswers::add(uint64_t id, std::string url, Time when, std::optional<FetchResult> result,
                     std::function<void(FetchResult)> done) {
    const TaskBase* task = loop_.current_task();
    auto a = std::make_unique<Answer>(*this, id, std::move(url), task ? task->id() : 0, std::move(result), std::move(done));
    a->answer_at(when);
    answers_[id] = std::move(a);
}

bool DueAnswers::cancel(uint64_t id) { return answers_.erase(id) > 0; }

Time DueAnswers::due(uint64_t id) const {
    auto it = answers_.find(id);
    return it != answers_.end() && it->second->timer.pending() ? it->second->timer.when() : -1;
}

std::string DueAnswers::Answer::describe_timer() const {
    if (!result) return "fetch " + url + " (answer due)";
    return "fetch " + url + (result->failed ? " (error due)" : " (response due)");
}

void DueAnswers::fire(uint64_t id) {
    auto it = answers_.find(id);
    if (!it->second->result) {
        if (unanswered) unanswered(id);
        return;
    }
    auto answer = std::move(it->second->done);
    FetchResult r = std::move(*it->second->result);
    answers_.erase(it);   // destroys the timer's owner: nothing of it is touched after
    answer(std::move(r));
}

}  // namespace aio::detail
