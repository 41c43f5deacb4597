// The C++ half of the page API (window.aio): calls the page makes into the app, and the app's
// notifications to the page. The JavaScript half is web/js/aio_api.js.
#pragma once
#include "playground/app/session.hpp"
#include "playground/state/params_json.hpp"

#include <nlohmann/json.hpp>

#include <exception>
#include <string>
#include <string_view>

namespace aio::page {

Session& session();                                        // the page's run, shared by the UI and the API

void started();                                            // the app is set up; the page may draw
void report_fatal(const char* what, const char* detail);   // shows the page's error panel
bool wants_next_frame();                                   // true while something animates
void download(const std::string& name, const std::string& text);   // the browser saves a file

// An export's reply, as UTF-8 JSON owned by this side until the next reply: {"ok": value} or
// {"error": message} (page_api.cpp's and mirror_api.cpp's exports answer this way).
const char* reply(const nlohmann::json& j);
const char* ok(const nlohmann::json& value = nullptr);
const char* error(const std::string& message);
// An export's body, with any exception turned into an {"error"} reply: an exception crossing
// into JavaScript would skip the rest of this side's cleanup.
template <class Body> const char* guarded(Body&& body) {
    try {
        return body();
    } catch (const std::exception& e) {
        return error(e.what());
    } catch (...) {
        return error("the playground failed in an unexpected way");
    }
}
const char* kind_name(demos::Param::Kind k);          // "bool", "int", "float", "int_list", "text"

}  // namespace aio::page
