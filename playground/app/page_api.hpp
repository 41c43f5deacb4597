// The C++ half of the page API (window.aio): calls the page makes into the app, and the app's
// notifications to the page. The JavaScript half is web/js/aio_api.js.
#pragma once
#include "playground/app/session.hpp"

namespace aio::page {

Session& session();                                        // the page's run, shared by the UI and the API

void started();                                            // the app is set up; the page may draw
void report_fatal(const char* what, const char* detail);   // shows the page's error panel
bool wants_next_frame();                                   // true while something animates
void download(const std::string& name, const std::string& text);   // the browser saves a file

}  // namespace aio::page
