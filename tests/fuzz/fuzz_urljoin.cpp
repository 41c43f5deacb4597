// urljoin(base, url) against CPython's urllib.parse.urljoin. Input: base, then url, split by
// FuzzedDataProvider (a lone '\' ends base; "\\" stands for one backslash).
#include "playground/demos/urljoin.hpp"
#include "tests/fuzz/reference.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const aio_fuzz::Reference reference(
        "from urllib.parse import urljoin\n"
        "def reference(base, url): return [urljoin(base, url)]\n");
    FuzzedDataProvider in(data, size);
    const std::string base = in.ConsumeRandomLengthString();
    const std::string url = in.ConsumeRemainingBytesAsString();
    std::optional<std::vector<std::string>> ours;
    try {
        ours = {{aio::demos::urljoin(base, url)}};
    } catch (const std::invalid_argument&) {
    }
    const auto cpython = reference({base, url});
    if (ours != cpython) aio_fuzz::mismatch("urljoin", {base, url}, ours, cpython);
    return 0;
}
