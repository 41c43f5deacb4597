#include "playground/app/frame_settle.hpp"

#include <imgui.h>

#include <functional>
#include <string_view>

namespace aio::page {

namespace {
template <typename T>
std::size_t hash_bytes(const T* data, int count) {
    return std::hash<std::string_view>{}(std::string_view(reinterpret_cast<const char*>(data), sizeof(T) * static_cast<std::size_t>(count)));
}

void combine(std::size_t& h, std::size_t v) { h ^= v + 0x9e3779b9u + (h << 6) + (h >> 2); }
}  // namespace

std::size_t hash_draw_data(const ImDrawData& draw) {
    const float frame[] = {draw.DisplayPos.x, draw.DisplayPos.y, draw.DisplaySize.x, draw.DisplaySize.y,
                           draw.FramebufferScale.x, draw.FramebufferScale.y};
    std::size_t h = hash_bytes(frame, 6);
    for (int i = 0; i < draw.CmdListsCount; ++i) {
        const ImDrawList& list = *draw.CmdLists[i];
        combine(h, hash_bytes(list.VtxBuffer.Data, list.VtxBuffer.Size));
        combine(h, hash_bytes(list.IdxBuffer.Data, list.IdxBuffer.Size));
        combine(h, hash_bytes(list.CmdBuffer.Data, list.CmdBuffer.Size));
    }
    return h;
}

bool FrameSettle::wants_more(const ImDrawData& draw, bool stirred) {
    const std::size_t h = hash_draw_data(draw);
    const bool changed = h != last_;
    last_ = h;
    if (stirred) {
        unsettled_ = 0;
    } else if (!changed) {
        unsettled_ = 0;
        return false;
    }
    return ++unsettled_ <= kMaxUnsettledFrames;
}

}  // namespace aio::page
