// Embed mode: how a course page's iframe shows the playground (the link's embed=1, picker= and
// views= keys, which web/js/link_state.js hands over): compact controls, the demo picker only when
// asked for, and only the views named.
#pragma once
#include <string>
#include <vector>

namespace aio::page {

struct EmbedMode {
    bool on = false;                  // compact controls, and a button that opens the full playground
    bool picker = true;               // the demo picker shows (embed mode hides it unless picker=1)
    std::vector<std::string> views;   // the views shown, by the page API's names, in any order; empty: every view
    int version = 0;                  // counts the settings: a layout made before the last one is out of date
    bool shows_picker() const { return !on || picker; }
};

const EmbedMode& embed_mode();

// `views` limited to those embed mode shows; all of them when it names none of these.
std::vector<std::string> embedded_views(std::vector<std::string> views);

}  // namespace aio::page
