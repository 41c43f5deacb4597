// urldefrag(url) against CPython's urllib.parse.urldefrag: the URL and the fragment. Input: url.
#include "playground/demos/urljoin.hpp"
#include "tests/fuzz/reference.hpp"

#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const aio_fuzz::Reference reference(
        "from urllib.parse import urldefrag\n"
        "def reference(url): return list(urldefrag(url))\n");
    const std::string url(reinterpret_cast<const char*>(data), size);
    std::optional<std::vector<std::string>> ours;
    try {
        auto [defragged, fragment] = aio::demos::urldefrag(url);
        ours = {{defragged, fragment}};
    } catch (const std::invalid_argument&) {
    }
    const auto cpython = reference({url});
    if (ours != cpython) aio_fuzz::mismatch("urldefrag", {url}, ours, cpython);
    return 0;
}
