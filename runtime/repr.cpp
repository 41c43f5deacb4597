// Python's repr for strings (quote choice and escapes) and floats (shortest round trip).
#include "runtime/repr.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace aio {

std::string repr(std::string_view s) {
    // Python prefers single quotes, and switches to double quotes if the text has ' but no ".
    const bool has_single = s.find('\'') != std::string_view::npos;
    const bool has_double = s.find('"') != std::string_view::npos;
    const char q = has_single && !has_double ? '"' : '\'';
    std::string out(1, q);
    for (unsigned char c : s) {
        if (c == q || c == '\\') { out += '\\'; out += static_cast<char>(c); }
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else out += static_cast<char>(c);
    }
    return out + q;
}

std::string format_g(double d) {
    const double ms = std::nearbyint(d * 1000);
    if (!std::signbit(d) && ms < 1e6 && ms / 1000 == d) {
        // d is m/1000 with m < 10^6: at most 6 significant digits, so %g prints them exactly.
        const auto m = static_cast<uint32_t>(ms);
        char buf[16];
        char* end = std::to_chars(buf, buf + 8, m / 1000).ptr;
        if (const uint32_t frac = m % 1000) {
            *end++ = '.';
            const char digits[3] = {char('0' + frac / 100), char('0' + frac / 10 % 10), char('0' + frac % 10)};
            const int keep = digits[2] != '0' ? 3 : digits[1] != '0' ? 2 : 1;
            for (int i = 0; i < keep; ++i) *end++ = digits[i];
        }
        return std::string(buf, end);
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", d);
    return buf;
}

std::string repr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    // Shortest digits that round-trip, in Python's layout: 1e+16 and up, and below 1e-4, use
    // exponents; otherwise plain decimals with at least one digit after the point.
    char buf[64];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (std::strtod(buf, nullptr) == d) break;
    }
    // buf holds d.ddde[+-]XX with the shortest mantissa.
    std::string sci = buf;
    const auto e = sci.find('e');
    std::string mant = sci.substr(0, e);
    const int exp = std::stoi(sci.substr(e + 1));
    const bool neg = mant[0] == '-';
    if (neg) mant.erase(0, 1);
    std::string digits;
    for (char c : mant)
        if (c != '.') digits += c;
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string out;
    if (exp >= 16 || exp < -4) {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
        out += eb;
    } else if (exp >= 0) {
        if (static_cast<int>(digits.size()) <= exp + 1) out = digits + std::string(exp + 1 - digits.size(), '0') + ".0";
        else out = digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
    } else {
        out = "0." + std::string(-exp - 1, '0') + digits;
    }
    return neg ? "-" + out : out;
}

}  // namespace aio
