// Base64 (RFC 4648, with padding, no line breaks): how run files carry bytes that are not UTF-8,
// which JSON strings cannot hold.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aio::page {

std::string base64_encode(std::string_view bytes);
// The bytes `text` encodes; nullopt when it is not base64 (a character outside the alphabet,
// a length not a multiple of 4, padding anywhere but at the end).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace aio::page
