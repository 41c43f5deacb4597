// Link extraction for the web-crawler demo: the same hrefs areq.py's regex finds.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aio::demos {

// re.findall(r'href="(.*?)"', html): the text between each `href="` and the next '"', left to
// right without overlap; a '\n' before that quote voids the match ('.' stops only at '\n').
// Case-sensitive, no entity decoding, UTF-8 bytes in and out.
std::vector<std::string> find_hrefs(std::string_view html);

} // namespace aio::demos
