#include "playground/views/word_wrap.hpp"

#include <algorithm>

namespace aio::views {

std::vector<std::string_view> wrap_at_spaces(std::string_view text, float width,
                                             const std::function<float(std::string_view)>& measure) {
    std::vector<std::string_view> lines;
    for (size_t para = 0;;) {
        const size_t para_end = std::min(text.find('\n', para), text.size());
        const std::string_view p = text.substr(para, para_end - para);
        size_t start = 0, end = 0, word = 0;   // the line so far is p[start, end); the next word starts at `word`
        while (word <= p.size()) {
            const size_t space = std::min(p.find(' ', word), p.size());
            if (end > start && measure(p.substr(start, space - start)) > width) {
                lines.push_back(p.substr(start, end - start));
                start = end = word;   // the word that did not fit begins the next line
                continue;
            }
            end = space;
            word = space + 1;
        }
        lines.push_back(p.substr(start, end - start));
        if (para_end == text.size()) return lines;
        para = para_end + 1;
    }
}

}  // namespace aio::views
