// A demo's parameters as JSON and back, as window.aio.run and window.aio.show take them and run
// files keep them: each value of the kind its parameter declares. Ranges are resolve_params' job.
#pragma once
#include "playground/demos/demo.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace aio::page {

std::string quoted(std::string_view name);   // a name for a message: repr'd, cut at 64 bytes
std::string brief(const nlohmann::json& v);  // a JSON value in a few words for a message: "-5", "a list of 3 items"

// `given` must be an object of parameter names to values: true/false (bool), a whole number
// (int; 3.0 reads as 3), a number (float), a list of whole numbers (int_list) or text without
// NUL (text). Throws demos::ParamError naming the demo, the parameter (a list item by its index)
// and what it takes: "queue: producers must be a whole number, got \"abc\"". Missing parameters
// are left out: resolve_params fills them in.
demos::Params params_from_json(const demos::Demo& d, const nlohmann::json& given);

// A parameter value as JSON: true/false, a number, a list of whole numbers or text.
nlohmann::json value_json(const demos::Value& v);
// Parameters as an object of their names to value_json's values.
nlohmann::json params_json(const demos::Params& params);

}  // namespace aio::page
