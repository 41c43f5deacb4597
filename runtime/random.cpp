// MT19937 as CPython's _randommodule.c writes it, plus the random.py methods built on it.
// std::mt19937 is not used: its seeding differs from CPython's init_by_array.
#include "runtime/random.hpp"

#include <bit>
#include <string>

namespace aio {

namespace {
constexpr int N = 624;
constexpr int M = 397;
}  // namespace

void Random::init_genrand(uint32_t s) {
    mt_[0] = s;
    for (int i = 1; i < N; ++i)
        mt_[i] = 1812433253u * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + uint32_t(i);
    index_ = N;
}

void Random::init_by_array(const uint32_t* key, int len) {
    init_genrand(19650218u);
    int i = 1, j = 0;
    for (int k = N > len ? N : len; k; --k) {
        mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525u)) + key[j] + uint32_t(j);
        if (++i >= N) { mt_[0] = mt_[N - 1]; i = 1; }
        if (++j >= len) j = 0;
    }
    for (int k = N - 1; k; --k) {
        mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941u)) - uint32_t(i);
        if (++i >= N) { mt_[0] = mt_[N - 1]; i = 1; }
    }
    mt_[0] = 0x80000000u;  // guarantees a non-zero state
}

void Random::seed(int64_t n) {
    // abs(n) in unsigned arithmetic, so INT64_MIN becomes 2**63 instead of overflowing.
    uint64_t a = n < 0 ? 0 - uint64_t(n) : uint64_t(n);
    // CPython keys on only as many 32-bit words as abs(n) needs, and [0] for zero.
    uint32_t key[2] = {uint32_t(a), uint32_t(a >> 32)};
    init_by_array(key, key[1] ? 2 : 1);
}

uint32_t Random::next_u32() {
    if (index_ >= N) {
        auto twist = [](uint32_t upper, uint32_t lower, uint32_t far) {
            uint32_t y = (upper & 0x80000000u) | (lower & 0x7fffffffu);
            return far ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
        };
        int k = 0;
        for (; k < N - M; ++k) mt_[k] = twist(mt_[k], mt_[k + 1], mt_[k + M]);
        for (; k < N - 1; ++k) mt_[k] = twist(mt_[k], mt_[k + 1], mt_[k + M - N]);
        mt_[N - 1] = twist(mt_[N - 1], mt_[0], mt_[M - 1]);
        index_ = 0;
    }
    uint32_t y = mt_[index_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

uint64_t Random::getrandbits(int k) {
    if (k < 0 || k > 64)
        throw std::invalid_argument("getrandbits: k must be 0..64, got " + std::to_string(k));
    if (k == 0) return 0;
    if (k <= 32) return next_u32() >> (32 - k);
    // Words come least significant first; only the last (top) word is cut to size.
    uint64_t low = next_u32();
    uint64_t high = next_u32() >> (64 - k);
    return low | (high << 32);
}

double Random::random() {
    uint32_t a = next_u32() >> 5, b = next_u32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

uint64_t Random::below(uint64_t n) {
    int k = std::bit_width(n);  // n.bit_length()
    uint64_t r = getrandbits(k);
    while (r >= n) r = getrandbits(k);
    return r;
}

int64_t Random::randbelow(int64_t n) {
    if (n <= 0) throw std::invalid_argument("randbelow: n must be > 0, got " + std::to_string(n));
    return int64_t(below(uint64_t(n)));
}

int64_t Random::randrange(int64_t start, int64_t stop) {
    if (start >= stop)
        throw std::invalid_argument("randrange: empty range (" + std::to_string(start) + ", " +
                                    std::to_string(stop) + ")");
    // Unsigned width and wrap-around add keep ranges wider than INT64_MAX exact.
    uint64_t width = uint64_t(stop) - uint64_t(start);
    return int64_t(uint64_t(start) + below(width));
}

int64_t Random::randint(int64_t a, int64_t b) {
    if (a > b)
        throw std::invalid_argument("randint: empty range (" + std::to_string(a) + ", " +
                                    std::to_string(b) + ")");
    if (b < INT64_MAX) return randrange(a, b + 1);
    // b + 1 would overflow: the same draw as randrange(a, b + 1), done here in unsigned.
    uint64_t width = uint64_t(b) - uint64_t(a) + 1;
    if (width != 0) return int64_t(uint64_t(a) + below(width));
    // All of int64: CPython draws 65 bits and retries while the top one is set.
    for (;;) {
        uint64_t r = getrandbits(64);
        if ((next_u32() >> 31) == 0) return int64_t(uint64_t(a) + r);
    }
}

}  // namespace aio
