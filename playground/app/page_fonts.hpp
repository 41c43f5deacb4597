// The page's fonts: a proportional TTF for the UI and a monospaced one for code and printed
// output, rasterised at the screen's devicePixelRatio so text is crisp on any display.
#pragma once
#include <string>

struct ImFont;

namespace aio::page {

struct PageFonts {
    ImFont* ui = nullptr;
    ImFont* code = nullptr;
    bool ttf = false;       // false: the TTFs did not arrive; ImGui's built-in font stands in
    float dpr = 0;          // the devicePixelRatio they were rasterised for
};

// Rebuilds the atlas for `dpr`. Reads /fonts/ui.ttf and /fonts/code.ttf, which web/js/boot.js
// writes into the virtual file system before main runs.
PageFonts load_fonts(float dpr);

// {"ttf":..,"dpr":..,"ui":{"name":..,"pixels":..},"code":{..}}: what the page drew with (tests).
std::string fonts_json(const PageFonts& fonts);

}  // namespace aio::page
