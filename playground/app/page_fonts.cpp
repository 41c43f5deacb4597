#include "playground/app/page_fonts.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace aio::page {
namespace {

// CSS pixel sizes. The glyph ranges match the subset the build keeps (playground/page_fonts.cmake).
constexpr float kUiSize = 15.0f, kCodeSize = 14.0f;
constexpr ImWchar kRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0};

ImFont* load_ttf(const char* path, float css_size, float dpr) {
    if (std::FILE* f = std::fopen(path, "rb")) std::fclose(f);
    else return nullptr;   // ImGui asserts on a missing file; the page must go on without it
    ImFontConfig cfg;
    cfg.OversampleH = 2;   // already at device pixels; 2 keeps sub-pixel x positions smooth
    cfg.OversampleV = 1;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(path, std::round(css_size * dpr), &cfg, kRanges);
}

}  // namespace

PageFonts load_fonts(float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    PageFonts fonts;
    fonts.dpr = dpr;
    fonts.ui = load_ttf("/fonts/ui.ttf", kUiSize, dpr);
    fonts.code = fonts.ui ? load_ttf("/fonts/code.ttf", kCodeSize, dpr) : nullptr;
    fonts.ttf = fonts.ui && fonts.code;
    if (!fonts.ttf) {
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = std::round(13.0f * dpr);
        fonts.ui = fonts.code = io.Fonts->AddFontDefault(&cfg);
    }
    io.FontGlobalScale = 1.0f / dpr;   // sizes above are device pixels; layout stays in CSS pixels
    return fonts;
}

std::string fonts_json(const PageFonts& fonts) {
    auto face = [&](const ImFont* f, const char* name) {
        return nlohmann::json{{"name", fonts.ttf ? name : "ProggyClean (built-in)"}, {"pixels", f ? f->FontSize : 0.0f}};
    };
    return nlohmann::json{{"ttf", fonts.ttf}, {"dpr", fonts.dpr}, {"ui", face(fonts.ui, AIO_FONT_UI_NAME)},
                          {"code", face(fonts.code, AIO_FONT_CODE_NAME)}}.dump();
}

}  // namespace aio::page
