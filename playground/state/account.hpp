// An account of one loop iteration in plain words, as the Narrator tells it and the state holds it.
#pragma once
#include "runtime/loop.hpp"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace aio::page {

// What one loop iteration did, in sentences ("Task-2 resumed at line 17, printed "Two" and
// finished.").
struct Account {
    uint64_t iteration = 0;               // the loop's iteration number (Loop::iteration)
    Time time = 0;                        // loop seconds when it ran
    std::vector<std::string> sentences;   // in the order things happened
    // Each sentence as read aloud, where shorter: printed lines counted ("printed 2 lines"), not
    // quoted; else the sentence itself. Same length as `sentences`.
    std::vector<std::string> spoken;
    // Per sentence: it tells why something happened (a wait's cause, a wait that ended, a task
    // cancelled or failed), which a short spoken form keeps first. Same length as `sentences`.
    std::vector<bool> why;
    // 1: the Stop's own account, told after `iteration`; 2: an iteration the stop ran to cancel
    // the tasks (the status line's iteration count includes these); 0: neither.
    uint8_t stop = 0;
    uint64_t quiet_from = 0;              // 0, or the first of the iterations just before it that told nothing (ran only callbacks)
    uint64_t number = 0;                  // 1, 2, ... in the order told: an iteration split by blocking calls tells several
};

// What a run keeps of its narration, as far back as the Explain view scrolls: a few MB at most.
constexpr size_t kKeptAccounts = 4096;
constexpr size_t kKeptSentences = 20000;

// An account as one paragraph: "t = 1.00 s, iteration 5: the sleep(1) of Task-2 ended. ..."
std::string to_text(const Account& a);
// Its heading alone: "t = 1.00 s, iteration 5", or "t = 8.00 s, iteration 7 (iteration 6 ran only
// callbacks)" after iterations that told nothing; on Stop, "t = 11.00 s, stopped after iteration
// 10", then "t = 11.00 s, iteration 11, run by the stop to cancel the tasks".
std::string heading(const Account& a);

// Adds a sentence: `spoken` its form read aloud (empty: the sentence itself), `why` whether it
// tells why something happened.
void tell(Account& a, std::string sentence, std::string spoken = {}, bool why = false);

// Up to `n` indices of a's sentences to read aloud when only a few fit: those with a why first,
// then the others, each group in the order told.
std::vector<size_t> spoken_order(const Account& a, size_t n);

// Drops the oldest accounts, of `older` first, then of `newer` (the later ones), until both
// together hold at most `accounts` accounts and `sentences` sentences; the newest always stays.
void keep_latest(std::deque<Account>& older, std::deque<Account>& newer, size_t accounts, size_t sentences);

}  // namespace aio::page
