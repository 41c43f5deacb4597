// is_http_url(url) against CPython's urlsplit: scheme http(s) and a hostname. Input: url. Where
// CPython raises (bad host, bytes that are not UTF-8), the answer must be false.
#include "playground/demos/urljoin.hpp"
#include "tests/fuzz/reference.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const aio_fuzz::Reference reference(
        "from urllib.parse import urlsplit\n"
        "def reference(url):\n"
        "    p = urlsplit(url)\n"
        "    return ['1' if p.scheme in ('http', 'https') and p.hostname else '0']\n");
    const std::string url(reinterpret_cast<const char*>(data), size);
    const std::optional<std::vector<std::string>> ours = {{aio::demos::is_http_url(url) ? "1" : "0"}};
    auto cpython = reference({url});
    if (!cpython) cpython = {{"0"}};
    if (ours != cpython) aio_fuzz::mismatch("is_http_url", {url}, ours, cpython);
    return 0;
}
