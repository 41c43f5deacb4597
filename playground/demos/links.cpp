// A hand-rolled scanner for areq.py's href regex; std::regex is slow and its '.' differs.
#include "playground/demos/links.hpp"

namespace aio::demos {

std::vector<std::string> find_hrefs(std::string_view html) {
    constexpr std::string_view open = "href=\"";
    std::vector<std::string> hrefs;
    size_t pos = html.find(open);
    while (pos != html.npos) {
        size_t start = pos + open.size();
        size_t end = html.find_first_of("\"\n", start);
        if (end == html.npos) break;  // nothing left to close this or any later match
        if (html[end] == '\n') {
            pos = html.find(open, pos + 1);  // the regex retries one character on
            continue;
        }
        hrefs.emplace_back(html.substr(start, end - start));
        pos = html.find(open, end + 1);
    }
    return hrefs;
}

} // namespace aio::demos
