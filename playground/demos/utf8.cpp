// The well-formed byte sequences of Unicode's table 3-7, which CPython's codec accepts exactly.
#include "playground/demos/utf8.hpp"

namespace aio::demos {

std::optional<char32_t> next_code_point(std::string_view s, size_t& i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xbf;  // allowed range of the second byte
    if (lead >= 0xc2 && lead <= 0xdf) len = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
        len = 3;
        if (lead == 0xe0) lo = 0xa0;       // overlong below U+0800
        else if (lead == 0xed) hi = 0x9f;  // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        len = 4;
        if (lead == 0xf0) lo = 0x90;       // overlong below U+10000
        else if (lead == 0xf4) hi = 0x8f;  // past U+10FFFF
    } else {
        return std::nullopt;  // a continuation byte, 0xc0/0xc1 (overlong) or 0xf5..0xff
    }
    if (i + len > s.size()) return std::nullopt;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return std::nullopt;
    char32_t cp = lead & (0x7f >> len);
    for (size_t k = 1; k < len; ++k) {
        if (k > 1 && (byte(i + k) & 0xc0) != 0x80) return std::nullopt;
        cp = (cp << 6) | (byte(i + k) & 0x3f);
    }
    i += len;
    return cp;
}

size_t invalid_utf8_at(std::string_view s) {
    for (size_t i = 0; i < s.size();)
        if (!next_code_point(s, i)) return i;
    return std::string_view::npos;
}

} // namespace aio::demos
