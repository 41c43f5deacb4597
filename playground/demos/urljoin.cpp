// Port of CPython 3.11's Lib/urllib/parse.py (urlsplit, urlparse, urlunsplit, urljoin, urldefrag)
// and the host checks urlsplit makes, so each answers, and fails, exactly where CPython does.
// Strings are UTF-8 bytes; every delimiter is ASCII, so byte offsets behave like code points.
#include "playground/demos/urljoin.hpp"
#include "playground/demos/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace aio::demos {
namespace {

using namespace std::string_view_literals;

// parse.py's scheme classes; only these three affect urljoin.
constexpr std::array uses_relative{""sv, "ftp"sv, "http"sv, "gopher"sv, "nntp"sv, "imap"sv,
    "wais"sv, "file"sv, "https"sv, "shttp"sv, "mms"sv, "prospero"sv, "rtsp"sv, "rtspu"sv,
    "sftp"sv, "svn"sv, "svn+ssh"sv, "ws"sv, "wss"sv};
constexpr std::array uses_netloc{""sv, "ftp"sv, "http"sv, "gopher"sv, "nntp"sv, "telnet"sv,
    "imap"sv, "wais"sv, "file"sv, "mms"sv, "https"sv, "shttp"sv, "snews"sv, "prospero"sv,
    "rtsp"sv, "rtspu"sv, "rsync"sv, "svn"sv, "svn+ssh"sv, "sftp"sv, "nfs"sv, "git"sv,
    "git+ssh"sv, "ws"sv, "wss"sv};
constexpr std::array uses_params{""sv, "ftp"sv, "hdl"sv, "prospero"sv, "http"sv, "imap"sv,
    "https"sv, "shttp"sv, "rtsp"sv, "rtspu"sv, "sip"sv, "sips"sv, "mms"sv, "sftp"sv, "tel"sv};

// Code points whose NFKC form contains one of "/?#@:" (Unicode 14.0, CPython 3.11's
// unicodedata); _checknetloc rejects a netloc holding any of them.
constexpr std::array<char32_t, 19> nfkc_delimiters{0x2047, 0x2048, 0x2049, 0x2100, 0x2101,
    0x2105, 0x2106, 0x2a74, 0xfe13, 0xfe16, 0xfe55, 0xfe56, 0xfe5f, 0xfe6b, 0xff03, 0xff0f,
    0xff1a, 0xff1f, 0xff20};

struct Parts {
    std::string scheme, netloc, path, params, query, fragment;
};

bool in(const auto& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_scheme_char(char c) { return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.'; }
bool is_c0_or_space(char c) { return static_cast<unsigned char>(c) <= 0x20; }
bool is_unsafe(char c) { return c == '\t' || c == '\r' || c == '\n'; }

// Python's str.split(sep): always at least one piece, empty pieces kept.
std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    for (size_t start = 0;;) {
        size_t end = s.find(sep, start);
        if (end == std::string_view::npos) {
            out.push_back(s.substr(start));
            return out;
        }
        out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
}

[[noreturn]] void fail(std::string_view why, std::string_view netloc) {
    throw std::invalid_argument("urlsplit: " + std::string(why) + " in netloc '" +
                                std::string(netloc) + "'");
}

// ipaddress.IPv4Address: four decimal octets 0..255, no leading zeros.
bool is_ipv4(std::string_view s) {
    auto octets = split(s, '.');
    if (octets.size() != 4) return false;
    for (auto o : octets) {
        if (o.empty() || o.size() > 3 || !std::all_of(o.begin(), o.end(), is_digit)) return false;
        if (o != "0" && o[0] == '0') return false;
        if (std::stoi(std::string(o)) > 255) return false;
    }
    return true;
}

bool is_hextet(std::string_view h) {
    return !h.empty() && h.size() <= 4 && std::all_of(h.begin(), h.end(), is_hex);
}

// ipaddress.IPv6Address: optional "%scope", at most one "::", optional dotted IPv4 tail.
bool is_ipv6(std::string_view s) {
    if (s.find('/') != s.npos) return false;
    if (size_t pct = s.find('%'); pct != s.npos) {
        auto scope = s.substr(pct + 1);
        if (scope.empty() || scope.find('%') != scope.npos) return false;
        s = s.substr(0, pct);
    }
    if (s.empty()) return false;
    auto parts = split(s, ':');
    if (parts.size() < 3) return false;
    if (parts.back().find('.') != std::string_view::npos) {
        if (!is_ipv4(parts.back())) return false;
        parts.back() = "0";  // the IPv4 tail stands for two valid hextets
        parts.push_back("0");
    }
    if (parts.size() > 9) return false;
    const size_t n = parts.size();
    size_t skip = 0;  // index of the empty part a "::" leaves; 0 means none
    for (size_t i = 1; i + 1 < n; ++i) {
        if (!parts[i].empty()) continue;
        if (skip) return false;
        skip = i;
    }
    size_t hi = n, lo = 0;
    if (skip) {
        hi = skip;
        lo = n - skip - 1;
        if (parts.front().empty() && --hi) return false;
        if (parts.back().empty() && --lo) return false;
        if (hi + lo >= 8) return false;
    } else if (n != 8 || parts.front().empty() || parts.back().empty()) {
        return false;
    }
    for (size_t i = 0; i < hi; ++i)
        if (!is_hextet(parts[i])) return false;
    for (size_t i = n - lo; i < n; ++i)
        if (!is_hextet(parts[i])) return false;
    return true;
}

// _check_bracketed_host: "v<hex>.<anything>" (IPvFuture) or an IPv6 address.
bool is_bracketed_host(std::string_view host) {
    if (!host.starts_with('v')) return is_ipv6(host);
    size_t i = 1;
    while (i < host.size() && is_hex(host[i])) ++i;
    return i > 1 && i + 1 < host.size() && host[i] == '.';
}

// _check_bracketed_netloc: only called when the netloc holds both '[' and ']'.
void check_bracketed_netloc(std::string_view netloc) {
    auto hostport = netloc.substr(netloc.rfind('@') + 1);  // npos + 1 == 0
    std::string_view host;
    if (size_t open = hostport.find('['); open != hostport.npos) {
        if (open > 0) fail("invalid IPv6 URL (text before '[')", netloc);
        auto bracketed = hostport.substr(open + 1);
        size_t close = bracketed.find(']');
        host = bracketed.substr(0, close);
        auto port = close == bracketed.npos ? ""sv : bracketed.substr(close + 1);
        if (!port.empty() && port[0] != ':') fail("invalid IPv6 URL (text after ']')", netloc);
    } else {
        host = hostport.substr(0, hostport.find(':'));
    }
    if (!is_bracketed_host(host)) fail("invalid bracketed host '" + std::string(host) + "'", netloc);
}

// _checknetloc: a non-ASCII netloc must not NFKC-normalise into URL delimiters.
void check_netloc(std::string_view netloc) {
    for (size_t i = 0; i < netloc.size();) {
        auto cp = next_code_point(netloc, i);
        if (!cp) fail("invalid UTF-8", netloc);  // callers validate first; never read past a bad byte
        if (std::find(nfkc_delimiters.begin(), nfkc_delimiters.end(), *cp) != nfkc_delimiters.end())
            fail("invalid characters under NFKC normalization", netloc);
    }
}

// A str in CPython is always valid Unicode: bytes that do not decode raise there (ValueError).
void require_utf8(std::string_view function, std::string_view what, std::string_view s) {
    const size_t at = invalid_utf8_at(s);
    if (at == s.npos) return;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(s[at]));
    throw std::invalid_argument(std::string(function) + ": " + std::string(what) +
                                " is not valid UTF-8 (byte " + byte + " at offset " +
                                std::to_string(at) + ")");
}

// urlsplit(url, scheme) with allow_fragments=True.
Parts urlsplit(std::string_view raw, std::string_view default_scheme) {
    // Only the left is stripped: CPython keeps trailing spaces for callers that rely on them.
    while (!raw.empty() && is_c0_or_space(raw.front())) raw.remove_prefix(1);
    while (!default_scheme.empty() && is_c0_or_space(default_scheme.front())) default_scheme.remove_prefix(1);
    while (!default_scheme.empty() && is_c0_or_space(default_scheme.back())) default_scheme.remove_suffix(1);
    std::string url;
    std::copy_if(raw.begin(), raw.end(), std::back_inserter(url), [](char c) { return !is_unsafe(c); });
    Parts p;
    std::copy_if(default_scheme.begin(), default_scheme.end(), std::back_inserter(p.scheme),
                 [](char c) { return !is_unsafe(c); });

    size_t colon = url.find(':');
    if (colon != url.npos && colon > 0 && is_alpha(url[0]) &&
        std::all_of(url.begin(), url.begin() + colon, is_scheme_char)) {
        p.scheme = url.substr(0, colon);
        for (char& c : p.scheme)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        url.erase(0, colon + 1);
    }
    if (url.starts_with("//")) {
        size_t delim = std::min(url.find_first_of("/?#", 2), url.size());
        p.netloc = url.substr(2, delim - 2);
        url.erase(0, delim);
        bool open = p.netloc.find('[') != p.netloc.npos;
        bool close = p.netloc.find(']') != p.netloc.npos;
        if (open != close) fail("invalid IPv6 URL (unbalanced brackets)", p.netloc);
        if (open) check_bracketed_netloc(p.netloc);
    }
    if (size_t hash = url.find('#'); hash != url.npos) {
        p.fragment = url.substr(hash + 1);
        url.erase(hash);
    }
    if (size_t q = url.find('?'); q != url.npos) {
        p.query = url.substr(q + 1);
        url.erase(q);
    }
    check_netloc(p.netloc);
    p.path = std::move(url);
    return p;
}

// urlparse: urlsplit, then ";params" off the last path segment for schemes that use them.
Parts urlparse(std::string_view url, std::string_view default_scheme) {
    Parts p = urlsplit(url, default_scheme);
    if (!in(uses_params, p.scheme) || p.path.find(';') == p.path.npos) return p;
    size_t slash = p.path.rfind('/');
    size_t semi = p.path.find(';', slash == p.path.npos ? 0 : slash);
    if (semi == p.path.npos) return p;
    p.params = p.path.substr(semi + 1);
    p.path.erase(semi);
    return p;
}

// urlunparse (params folded back into the path), then urlunsplit.
std::string urlunparse(const Parts& p) {
    std::string url = p.params.empty() ? p.path : p.path + ";" + p.params;
    if (!p.netloc.empty() || (!p.scheme.empty() && in(uses_netloc, p.scheme) && !url.starts_with("//"))) {
        if (!url.empty() && url[0] != '/') url.insert(0, "/");
        url = "//" + p.netloc + url;
    }
    if (!p.scheme.empty()) url = p.scheme + ":" + url;
    if (!p.query.empty()) url += "?" + p.query;
    if (!p.fragment.empty()) url += "#" + p.fragment;
    return url;
}

// The merge-and-remove-dot-segments step of urljoin, as 3.11 writes it (not RFC 3986's).
std::string merge_paths(std::string_view base_path, std::string_view path) {
    std::vector<std::string_view> segments;
    if (path.starts_with('/')) {
        segments = split(path, '/');
    } else {
        segments = split(base_path, '/');
        if (!segments.back().empty()) segments.pop_back();  // a file, not a directory
        auto rel = split(path, '/');
        segments.insert(segments.end(), rel.begin(), rel.end());
        // Drop empty middle segments so re-joining makes no doubled slashes.
        if (segments.size() > 2)
            segments.erase(std::remove(segments.begin() + 1, segments.end() - 1, ""sv), segments.end() - 1);
    }
    std::vector<std::string_view> resolved;
    for (auto seg : segments) {
        if (seg == "..") {
            if (!resolved.empty()) resolved.pop_back();  // ".." above the root is ignored
        } else if (seg != ".") {
            resolved.push_back(seg);
        }
    }
    if (segments.back() == "." || segments.back() == "..") resolved.push_back("");
    std::string out;
    for (size_t i = 0; i < resolved.size(); ++i) {
        if (i) out += '/';
        out += resolved[i];
    }
    return out.empty() ? "/" : out;
}

} // namespace

std::string urljoin(std::string_view base, std::string_view url) {
    require_utf8("urljoin", "base", base);
    require_utf8("urljoin", "url", url);
    if (base.empty()) return std::string(url);
    if (url.empty()) return std::string(base);
    Parts b = urlparse(base, "");
    Parts u = urlparse(url, b.scheme);
    if (u.scheme != b.scheme || !in(uses_relative, u.scheme)) return std::string(url);
    if (in(uses_netloc, u.scheme)) {
        if (!u.netloc.empty()) return urlunparse(u);
        u.netloc = b.netloc;
    }
    if (u.path.empty() && u.params.empty()) {
        u.path = b.path;
        u.params = b.params;
        if (u.query.empty()) u.query = b.query;
        return urlunparse(u);
    }
    u.path = merge_paths(b.path, u.path);
    return urlunparse(u);
}

DefragResult urldefrag(std::string_view url) {
    require_utf8("urldefrag", "url", url);
    if (url.find('#') == url.npos) return {std::string(url), ""};
    Parts p = urlparse(url, "");
    DefragResult r{.url = {}, .fragment = std::move(p.fragment)};
    p.fragment.clear();
    r.url = urlunparse(p);
    return r;
}

bool is_http_url(std::string_view url) {
    Parts p;
    try {
        require_utf8("is_http_url", "url", url);
        p = urlsplit(url, "");
    } catch (const std::invalid_argument&) {
        return false;
    }
    if (p.scheme != "http" && p.scheme != "https") return false;
    // SplitResult.hostname: after the last '@', inside "[...]" or before the first ':'.
    std::string_view hostinfo = std::string_view(p.netloc).substr(p.netloc.rfind('@') + 1);
    if (size_t open = hostinfo.find('['); open != hostinfo.npos) {
        auto bracketed = hostinfo.substr(open + 1);
        return !bracketed.substr(0, bracketed.find(']')).empty();
    }
    return !hostinfo.substr(0, hostinfo.find(':')).empty();
}

} // namespace aio::demos
