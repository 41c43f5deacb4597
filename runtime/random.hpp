// aio::Random: a seeded generator that gives the same numbers as CPython 3.11's random.Random,
// so a demo's C++ run and its Python script agree value for value.
#pragma once

#include <array>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

namespace aio {

class Random {
public:
    explicit Random(int64_t seed = 0) { this->seed(seed); }

    void seed(int64_t n);                             // random.seed(n) for an int (uses abs(n))
    uint64_t getrandbits(int k);                      // k in 0..64, as random.getrandbits(k)
    double random();                                  // [0, 1) with 53 bits, as random.random()
    int64_t randbelow(int64_t n);                     // [0, n), n > 0, as random._randbelow(n)
    int64_t randrange(int64_t start, int64_t stop);   // [start, stop), as random.randrange
    int64_t randint(int64_t a, int64_t b);            // [a, b], as random.randint
    double uniform(double a, double b) { return a + (b - a) * random(); }

    template <class T> const T& choice(const std::vector<T>& seq);
    template <class T> void shuffle(std::vector<T>& seq);

private:
    uint32_t next_u32();                              // CPython's genrand_uint32
    uint64_t below(uint64_t n);                       // unsigned core of randbelow, so wide ranges fit
    void init_genrand(uint32_t s);
    void init_by_array(const uint32_t* key, int len);

    std::array<uint32_t, 624> mt_{};
    int index_ = 625;
};

template <class T> const T& Random::choice(const std::vector<T>& seq) {
    if (seq.empty()) throw std::out_of_range("choice: cannot choose from an empty sequence");
    return seq[below(seq.size())];
}

// Same swap order as CPython's shuffle, so shuffled lists match element for element.
template <class T> void Random::shuffle(std::vector<T>& seq) {
    for (size_t i = seq.size(); i-- > 1;) {
        size_t j = below(i + 1);
        std::swap(seq[i], seq[j]);
    }
}

}  // namespace aio
