// Putting two finished runs side by side (count's async and blocking twins): each labelled with
// the parameters that matter to the comparison, and a note when those differ, since figures from
// runs with different parameters do not compare.
#pragma once
#include "playground/demos/demo.hpp"

#include <string>
#include <vector>

namespace aio::demos {

// `names` of `params` as "n=3, delay=1"; a name absent from `params` is left out.
std::string params_label(const Params& params, const std::vector<std::string>& names);

// Which of `names` differ between runs `a` and `b`, in the order of `names`.
std::vector<std::string> differing_params(const Params& a, const Params& b, const std::vector<std::string>& names);

// "not comparable: different n" ("different n and delay", ...), or "" when none of `names` differ.
std::string comparability_note(const Params& a, const Params& b, const std::vector<std::string>& names);

// Whether `params` are those of the twin run the demo's comparison asks for (its flag on).
// False for a demo without a comparison.
bool is_twin(const Demo& demo, const Params& params);

// A compared run's title, its label and the script's command for it, as what the run prints
// names it: "async (countasync.py)", and for the twin "blocking (countasync.py --blocking)".
// "" for a demo without a comparison.
std::string run_title(const Demo& demo, bool twin);

// The key a demo's finished run is kept under, so a run and its twin are kept apart: the demo's
// name, and for the twin the name and the flag ("count", "count/blocking").
std::string run_key(const Demo& demo, bool twin);

}  // namespace aio::demos
