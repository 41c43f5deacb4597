// find_hrefs(html) against re.findall(r'href="(.*?)"', html), areq.py's regex. Input: html.
// Page bodies are bytes that need not be UTF-8, so both sides see every input: CPython decodes
// with surrogateescape (a bad byte becomes one code point that '.' matches) and encodes back.
#include "playground/demos/links.hpp"
#include "tests/fuzz/reference.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const aio_fuzz::Reference reference(
        "import re\n"
        "HREF_RE = re.compile(r'href=\"(.*?)\"')\n"
        "def reference(html): return HREF_RE.findall(html)\n",
        "surrogateescape");
    const std::string html(reinterpret_cast<const char*>(data), size);
    const std::optional<std::vector<std::string>> ours = aio::demos::find_hrefs(html);
    const auto cpython = reference({html});
    if (ours != cpython) aio_fuzz::mismatch("find_hrefs", {html}, ours, cpython);
    return 0;
}
