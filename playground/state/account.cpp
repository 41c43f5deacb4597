// Accounts as text, and the bound on how many a run keeps.
#include "playground/state/account.hpp"

#include <cstdio>
#include <string>

namespace aio::page {

std::string heading(const Account& a) {
    char text[64];
    std::snprintf(text, sizeof text, a.stop == 1 ? "t = %.2f s, stopped after iteration %llu" : "t = %.2f s, iteration %llu", a.time,
                  static_cast<unsigned long long>(a.iteration));
    if (a.stop == 2) return text + std::string(", run by the stop to cancel the tasks");
    if (!a.quiet_from || a.quiet_from >= a.iteration) return text;
    const auto n = [](uint64_t i) { return std::to_string(i); };
    return text + (a.quiet_from + 1 == a.iteration ? " (iteration " + n(a.quiet_from) : " (iterations " + n(a.quiet_from) + "-" + n(a.iteration - 1)) + " ran only callbacks)";
}

std::string to_text(const Account& a) {
    std::string out = heading(a) + ":";
    for (const std::string& s : a.sentences) out += " " + s;
    return out;
}

void tell(Account& a, std::string sentence, std::string spoken, bool why) {
    a.spoken.push_back(spoken.empty() ? sentence : std::move(spoken));
    a.sentences.push_back(std::move(sentence));
    a.why.push_back(why);
}

std::vector<size_t> spoken_order(const Account& a, size_t n) {
    std::vector<size_t> out;
    for (const bool first : {true, false})
        for (size_t i = 0; i < a.sentences.size() && out.size() < n; ++i)
            if ((i < a.why.size() && a.why[i]) == first) out.push_back(i);
    return out;
}

void keep_latest(std::deque<Account>& older, std::deque<Account>& newer, size_t accounts, size_t sentences) {
    size_t count = older.size() + newer.size(), told = 0;
    for (const Account& a : older) told += a.sentences.size();
    for (const Account& a : newer) told += a.sentences.size();
    for (std::deque<Account>* q : {&older, &newer}) {
        while (!q->empty() && count > 1 && (count > accounts || told > sentences)) {
            told -= q->front().sentences.size();
            --count;
            q->pop_front();
        }
    }
}

}  // namespace aio::page
