// Where text wraps in a narrow column: only at spaces, so "3.0x", "1.00 s" and "delay=0.5" never
// break inside (ImGui's own wrap also breaks after a '.' or a ','). No ImGui here.
#pragma once
#include <functional>
#include <string_view>
#include <vector>

namespace aio::views {

// The lines `text` takes in `width` pixels, `measure(piece)` giving a piece's width in pixels.
// Lines break at spaces (the spaces at a break are dropped) and at '\n'; a word wider than
// `width` gets a line of its own and is left for the caller to clip. The lines view `text`.
std::vector<std::string_view> wrap_at_spaces(std::string_view text, float width,
                                             const std::function<float(std::string_view)>& measure);

}  // namespace aio::views
