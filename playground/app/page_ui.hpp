// What the canvas remembers that the page's DOM mirror (web/js/mirror*.js) reads and writes: its
// form and the view in front. main.cpp owns it; mirror_api.cpp hands it to JavaScript.
#pragma once
#include "playground/views/views.hpp"

#include <string>
#include <vector>

namespace aio::page {

views::ControlsView& form();                        // the demo picker, the parameters, the speed
const views::Commands& commands();                  // what the canvas's controls call
const demos::Demo& shown_demo();                    // the run's demo, or before any run the one picked
std::vector<std::string> views_of(const demos::Demo& d);   // its views by the page API's names, in tab order
std::string front_view();                           // the view in front, or the one coming forward
std::string show_view(const std::string& name);     // brings it forward next frame; "" or why not

}  // namespace aio::page
