// The list of demos. Each demo file defines one function returning its Demo; adding a demo is
// one declaration and one line here.
#include "playground/demos/demo.hpp"

namespace aio::demos {

const Demo& count_demo();           // count.cpp
const Demo& chain_demo();           // chain.cpp
const Demo& queue_demo();           // queue.cpp
const Demo& rand_demo();            // rand.cpp
const Demo& as_completed_demo();    // as_completed.cpp
const Demo& asyncgen_demo();        // asyncgen.cpp
const Demo& crawler_demo();         // crawler.cpp

const std::vector<const Demo*>& all_demos() {
    static const std::vector<const Demo*> demos = {
        &count_demo(), &chain_demo(), &queue_demo(), &rand_demo(), &crawler_demo(), &as_completed_demo(), &asyncgen_demo(),
    };
    return demos;
}

const Demo* find_demo(const std::string& name) {
    for (const Demo* d : all_demos())
        if (d->name == name) return d;
    return nullptr;
}

}  // namespace aio::demos
