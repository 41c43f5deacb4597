// A demo's parameters from JSON, as window.aio.run and window.aio.show take them: each value of
// the kind its parameter declares. Ranges are resolve_params' job.
#pragma once
#include "playground/demos/demo.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace aio::page {

std::string quoted(std::string_view name);   // a name for a message: repr'd, cut at 64 bytes

// `given` must be an object of parameter names to values: true/false (bool), a whole number
// (int; 3.0 reads as 3), a number (float), a list of whole numbers (int_list) or text without
// NUL (text). Throws demos::ParamError naming the demo, the parameter (a list item by its index)
// and what it takes: "queue: producers must be a whole number, got \"abc\"". Missing parameters
// are left out: resolve_params fills them in.
demos::Params params_from_json(const demos::Demo& d, const nlohmann::json& given);

}  // namespace aio::page
