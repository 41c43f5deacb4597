// When the page may stop drawing. ImGui often shows an input's effect a frame or two later (a
// tab's body follows its tab bar, scroll positions follow content), so after input the page draws
// until a frame's output equals the previous frame's, for at most kMaxUnsettledFrames frames.
#pragma once
#include <cstddef>

struct ImDrawData;

namespace aio::page {

// A hash of everything a frame draws: vertices, indices, draw commands and the display size.
std::size_t hash_draw_data(const ImDrawData& draw);

class FrameSettle {
public:
    // Frames drawn after the last input while the output keeps changing (an animation that never
    // ends); past it the page stops drawing until the next input.
    static constexpr int kMaxUnsettledFrames = 60;

    // Call after ImGui::Render(); `stirred` is true when the frame took input or a change from
    // outside (its effect may show only in the next frame). True while another frame is needed.
    bool wants_more(const ImDrawData& draw, bool stirred);

private:
    std::size_t last_ = 0;
    int unsettled_ = 0;
};

}  // namespace aio::page
