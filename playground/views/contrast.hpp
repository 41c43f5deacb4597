// WCAG 2.x contrast between two colours: the relative luminance of each (sRGB), and colours with
// alpha laid over what lies beneath them, as the GPU blends them, before they are compared.
#pragma once
#include <cstdint>

namespace aio::views {

// A colour with each channel and alpha in 0..1.
struct Rgba {
    double r = 0, g = 0, b = 0, a = 1;
};

Rgba unpack(uint32_t colour);          // from ImU32 (0xAABBGGRR, as IM_COL32 packs it)
Rgba over(Rgba top, Rgba below);       // `top` blended onto `below` (source over); opaque when `below` is
double relative_luminance(Rgba c);     // 0 (black) .. 1 (white), of the colour's RGB (alpha ignored)
double contrast_ratio(Rgba a, Rgba b); // (lighter + 0.05) / (darker + 0.05): 1 .. 21, order does not matter

}  // namespace aio::views
