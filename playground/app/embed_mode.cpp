// Embed mode's settings, and the export the page sets them through.
#include "playground/app/embed_mode.hpp"

#include "playground/app/page_api.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <string_view>
#include <utility>

namespace aio::page {
namespace {
EmbedMode g_embed;
}  // namespace

const EmbedMode& embed_mode() { return g_embed; }

std::vector<std::string> embedded_views(std::vector<std::string> views) {
    if (g_embed.views.empty()) return views;
    std::vector<std::string> kept = views;
    std::erase_if(kept, [](const std::string& v) { return std::find(g_embed.views.begin(), g_embed.views.end(), v) == g_embed.views.end(); });
    // A demo picked later may have none of the views named (pages without the crawler): it shows its own.
    return kept.empty() ? views : kept;
}

}  // namespace aio::page

extern "C" {

// Sets embed mode: {"embed": bool, "picker": bool, "views": [name, ...] or null}, each key
// optional (embed false, picker true, views null: every view). Answers {"ok": null}, or
// {"error": message} naming the bad key, and then changes nothing. The names are checked by
// the page (web/js/link_state.js); here only their shape.
EMSCRIPTEN_KEEPALIVE const char* aio_set_embed(const char* text, size_t bytes) {
    return aio::page::guarded([&] {
        const nlohmann::json j = nlohmann::json::parse(std::string_view(text, bytes), nullptr, false);
        if (!j.is_object()) return aio::page::error("aio_set_embed: expected a JSON object");
        aio::page::EmbedMode mode;
        const auto flag = [&](const char* key, bool& out) {
            if (!j.contains(key)) return true;
            if (!j[key].is_boolean()) return false;
            out = j[key].get<bool>();
            return true;
        };
        if (!flag("embed", mode.on)) return aio::page::error("aio_set_embed: embed must be true or false");
        if (!flag("picker", mode.picker)) return aio::page::error("aio_set_embed: picker must be true or false");
        if (j.contains("views") && !j["views"].is_null()) {
            if (!j["views"].is_array()) return aio::page::error("aio_set_embed: views must be a list of view names or null");
            for (const auto& v : j["views"]) {
                if (!v.is_string()) return aio::page::error("aio_set_embed: views must be a list of view names or null");
                mode.views.push_back(v.get<std::string>());
            }
        }
        mode.version = aio::page::g_embed.version + 1;
        aio::page::g_embed = std::move(mode);
        return aio::page::ok();
    });
}

}  // extern "C"
