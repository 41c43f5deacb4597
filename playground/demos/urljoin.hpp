// URL helpers for the web-crawler demo: a port of CPython 3.11's urllib.parse.urljoin and
// urldefrag, so the C++ crawler resolves and de-duplicates links exactly as areq.py does.
#pragma once

#include <string>
#include <string_view>

namespace aio::demos {

// urllib.parse.urljoin(base, url) with allow_fragments=True, byte for byte (UTF-8 in and out).
// Throws std::invalid_argument where CPython raises ValueError: a malformed bracketed host
// ("http://[::1", "http://[nope]/"), a netloc that NFKC-normalises to a delimiter ("℀"), or
// either argument not valid UTF-8 (CPython cannot make a str of those bytes).
std::string urljoin(std::string_view base, std::string_view url);

// What urldefrag returns: the URL without its fragment, and the fragment (without '#').
struct DefragResult {
    std::string url;
    std::string fragment;
};

// urllib.parse.urldefrag(url), byte for byte. With a '#', the URL is split with urlparse and put
// back with urlunparse, so an empty query or params goes too ("a?#x" -> "a"); without one, the
// URL comes back unchanged. Throws std::invalid_argument where CPython raises ValueError (the
// host checks of urljoin, or url not valid UTF-8).
DefragResult urldefrag(std::string_view url);

// True when urlsplit(url) has scheme http or https (any case) and a non-empty hostname.
// Never throws: a URL CPython would reject (bad host, invalid UTF-8) is simply not an http URL.
bool is_http_url(std::string_view url);

} // namespace aio::demos
