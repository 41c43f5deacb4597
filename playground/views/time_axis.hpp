// Where a time axis puts its ticks: 1-2-5 steps of seconds, as far apart as the labels need,
// at any zoom. No ImGui here; the timeline draws them.
#pragma once
#include <string>
#include <vector>

namespace aio::views {

struct Tick {
    double time;                    // loop seconds
    std::string label;              // "2.5 s": as many decimals as the step needs
};

// The smallest step of 1, 2 or 5 times a power of ten (seconds) that is at least `min_step`.
// min_step must be positive and finite (else std::invalid_argument naming it).
double tick_step(double min_step);

// The ticks inside [start, end] (loop seconds) on an axis `width` pixels wide, at least
// `min_spacing` pixels apart, each at a multiple of the step. Empty if the range or width is
// empty or not finite; at most width / min_spacing + 2 ticks.
std::vector<Tick> axis_ticks(double start, double end, double width, double min_spacing);

}  // namespace aio::views
