// The WCAG 2.x formulas (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance).
#include "playground/views/contrast.hpp"

#include <algorithm>
#include <cmath>

namespace aio::views {

namespace {
double linear(double channel) { return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4); }
}  // namespace

Rgba unpack(uint32_t c) {
    const auto byte = [c](int shift) { return static_cast<double>((c >> shift) & 0xFF) / 255.0; };
    return {byte(0), byte(8), byte(16), byte(24)};
}

Rgba over(Rgba top, Rgba below) {
    const double a = top.a + below.a * (1 - top.a);
    if (a <= 0) return {0, 0, 0, 0};
    const auto mix = [&](double t, double b) { return (t * top.a + b * below.a * (1 - top.a)) / a; };
    return {mix(top.r, below.r), mix(top.g, below.g), mix(top.b, below.b), a};
}

double relative_luminance(Rgba c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrast_ratio(Rgba a, Rgba b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace aio::views
