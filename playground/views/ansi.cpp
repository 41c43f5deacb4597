// ECMA-48's escape sequence grammar, reduced to what printed program output uses: SGR colours
// and weight are applied, everything else that is an escape sequence is skipped.
#include "playground/views/ansi.hpp"

#include <algorithm>
#include <cstddef>

namespace aio::views {

namespace {

bool in(char c, int lo, int hi) {
    const auto u = static_cast<unsigned char>(c);
    return u >= lo && u <= hi;
}

// One SGR parameter list ("1;36", "" meaning 0) applied to `style`.
void apply_sgr(std::string_view params, TextStyle& style) {
    std::vector<int> codes;
    size_t start = 0;
    for (;;) {
        const size_t end = std::min(params.find(';', start), params.size());
        const std::string_view p = params.substr(start, end - start);
        if (p.find(':') != std::string_view::npos) codes.push_back(-1);   // "38:2:r:g:b": one self-contained code
        else {
            int v = 0;
            for (char c : p) v = std::min(v * 10 + (c - '0'), 100000);
            codes.push_back(v);
        }
        if (end == params.size()) break;
        start = end + 1;
    }
    for (size_t i = 0; i < codes.size(); ++i) {
        const int c = codes[i];
        if (c == 0) style = TextStyle{};
        else if (c == 1) style.bold = true;
        else if (c == 22) style.bold = false;
        else if (c >= 30 && c <= 37) style.foreground = c - 30;
        else if (c == 39) style.foreground = TextStyle::kDefaultColour;
        else if (c >= 90 && c <= 97) style.foreground = c - 90 + 8;
        else if (c >= 40 && c <= 47) style.background = c - 40;
        else if (c == 49) style.background = TextStyle::kDefaultColour;
        else if (c >= 100 && c <= 107) style.background = c - 100 + 8;
        else if ((c == 38 || c == 48) && i + 1 < codes.size()) {
            // 256-colour and RGB colours are not drawn, but their arguments are not codes.
            if (codes[i + 1] == 5) i += 2;
            else if (codes[i + 1] == 2) i += 4;
        }
    }
}

// The length of the escape sequence at `line[at]` (an ESC), applying it to `style` if it is a
// complete SGR sequence. A malformed sequence ends before the byte that broke it.
size_t escape_length(std::string_view line, size_t at, TextStyle& style) {
    size_t j = at + 1;
    if (j < line.size() && line[j] == '[') {   // CSI: parameters, intermediates, one final byte
        const size_t params = ++j;
        while (j < line.size() && in(line[j], 0x30, 0x3F)) ++j;
        const size_t params_end = j;
        while (j < line.size() && in(line[j], 0x20, 0x2F)) ++j;
        if (j == line.size() || !in(line[j], 0x40, 0x7E)) return j - at;
        const std::string_view p = line.substr(params, params_end - params);
        if (line[j] == 'm' && params_end == j && p.find_first_not_of("0123456789;:") == std::string_view::npos)
            apply_sgr(p, style);
        return j + 1 - at;
    }
    if (j < line.size() && line[j] == ']') {   // OSC (a title, a link): up to BEL or ESC '\'
        while (++j < line.size()) {
            if (line[j] == '\a') return j + 1 - at;
            if (line[j] == '\x1b') return (j + 1 < line.size() && line[j + 1] == '\\' ? j + 2 : j) - at;
        }
        return j - at;
    }
    while (j < line.size() && in(line[j], 0x20, 0x2F)) ++j;   // other escapes: ESC, intermediates, final
    if (j < line.size() && in(line[j], 0x30, 0x7E)) ++j;
    return j - at;
}

}  // namespace

std::vector<StyledRun> parse_sgr(std::string_view line, TextStyle& style) {
    std::vector<StyledRun> runs;
    size_t i = 0;
    while (i < line.size()) {
        const size_t esc = std::min(line.find('\x1b', i), line.size());
        if (esc > i) {
            if (!runs.empty() && runs.back().style == style) runs.back().text.append(line.substr(i, esc - i));
            else runs.push_back({std::string(line.substr(i, esc - i)), style});
        }
        if (esc == line.size()) break;
        i = esc + escape_length(line, esc, style);
    }
    return runs;
}

std::string strip_sgr(std::string_view line) {
    TextStyle style;
    std::string out;
    for (const StyledRun& r : parse_sgr(line, style)) out += r.text;
    return out;
}

}  // namespace aio::views
