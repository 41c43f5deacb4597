// Strict UTF-8 decoding, as Python's bytes.decode("utf-8") does it: the URL helpers take UTF-8
// bytes and must fail where CPython cannot even make a str of them.
#pragma once

#include <optional>
#include <string_view>

namespace aio::demos {

// Decodes the code point starting at byte s[i] and moves i past it. Returns nullopt (i unchanged)
// when the bytes there are not well-formed UTF-8: a stray continuation byte, a truncated
// sequence, an overlong form, a surrogate (U+D800..U+DFFF) or a value past U+10FFFF.
std::optional<char32_t> next_code_point(std::string_view s, size_t& i);

// Byte offset of the first ill-formed sequence in s, or std::string_view::npos if s is valid.
size_t invalid_utf8_at(std::string_view s);

} // namespace aio::demos
