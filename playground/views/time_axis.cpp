// 1-2-5 ticks, the spacing plotting libraries use: round labels at any zoom.
#include "playground/views/time_axis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace aio::views {

double tick_step(double min_step) {
    if (!(min_step > 0) || !std::isfinite(min_step))
        throw std::invalid_argument("tick_step: min_step must be a positive finite number of seconds, got " +
                                    std::to_string(min_step));
    const double decade = std::pow(10.0, std::floor(std::log10(min_step)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * decade >= min_step * (1 - 1e-12)) return m * decade;
    return 10 * decade;
}

std::vector<Tick> axis_ticks(double start, double end, double width, double min_spacing) {
    std::vector<Tick> ticks;
    if (!std::isfinite(start) || !std::isfinite(end) || !(end > start) || !(width > 0) || !(min_spacing > 0) ||
        !std::isfinite(width))
        return ticks;
    const double step = tick_step((end - start) / width * min_spacing);
    // Decimals enough to tell neighbouring ticks apart: 0 for 1 s steps, 1 for 0.5 s, 2 for 0.02 s.
    const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    const double first = std::ceil(start / step - 1e-9);
    // Counted, not stepped: far from zero, adding 1 to a huge multiple would not move it.
    const double count = std::min(std::floor(end / step + 1e-9) - first + 1, width / min_spacing + 2);
    for (double i = 0; i < count; ++i) {
        const double t = (first + i) * step;
        char label[48];
        std::snprintf(label, sizeof label, "%.*f s", decimals, t == 0 ? 0.0 : t);   // no "-0 s"
        ticks.push_back({t, label});
    }
    return ticks;
}

double label_left(double x, double label_w, double width) {
    return std::clamp(x - label_w / 2, 0.0, std::max(0.0, width - label_w));
}

std::vector<Tick> labelled_ticks(double start, double end, double width,
                                 const std::function<double(const std::string&)>& measure) {
    constexpr double kGap = 1.6;   // a pushed-in end label moves half its width: 1.5 would just touch
    double spacing = measure("0 s") * kGap;
    std::vector<Tick> ticks;
    // Wider spacing means a longer step, fewer decimals and narrower labels: a few rounds settle it.
    for (int round = 0; round < 8; ++round) {
        ticks = axis_ticks(start, end, width, spacing);
        double widest = 0;
        for (const Tick& t : ticks) widest = std::max(widest, measure(t.label));
        if (widest * kGap <= spacing) break;
        spacing = widest * kGap;
    }
    // On an axis two labels wide, both end labels may be pushed in: the later one goes unlabelled.
    double right = -1;
    for (Tick& t : ticks) {
        const double w = measure(t.label), left = label_left((t.time - start) / (end - start) * width, w, width);
        if (left <= right) t.label.clear();
        else right = left + w;
    }
    return ticks;
}

}  // namespace aio::views
