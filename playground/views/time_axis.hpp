// Where a time axis puts its ticks: 1-2-5 steps of seconds, as far apart as the labels need,
// at any zoom. No ImGui here; the timeline draws them.
#pragma once
#include <functional>
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

// Where a tick's label of `label_w` pixels starts on an axis `width` pixels wide: centred on the
// tick at `x` pixels, but pushed inside the axis at either end.
double label_left(double x, double label_w, double width);

// axis_ticks spaced by their own labels, `measure(label)` pixels wide: at least 1.6 times the
// widest apart, so no two labels overlap, not even those label_left pushes in at the ends (a
// sub-millisecond run's "0.0001 s" is wider than a long run's "12 s"). On an axis too short for
// that, a tick whose label would still overlap the one before has an empty label.
std::vector<Tick> labelled_ticks(double start, double end, double width,
                                 const std::function<double(const std::string&)>& measure);

}  // namespace aio::views
