// playground/state/base64.hpp: RFC 4648's test vectors both ways, any bytes back as they were,
// and text that is not base64 refused.
#include "playground/state/base64.hpp"

#include <gtest/gtest.h>

namespace {

using aio::page::base64_decode;
using aio::page::base64_encode;

TEST(Base64, encodes_and_decodes_rfc_4648s_test_vectors) {
    const std::pair<const char*, const char*> vectors[] = {{"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},
                                                           {"foo", "Zm9v"},  {"foob", "Zm9vYg=="},  {"fooba", "Zm9vYmE="},
                                                           {"foobar", "Zm9vYmFy"}};
    for (const auto& [bytes, text] : vectors) {
        EXPECT_EQ(base64_encode(bytes), text) << bytes;
        EXPECT_EQ(base64_decode(text), std::optional<std::string>(bytes)) << text;
    }
}

TEST(Base64, every_byte_value_comes_back) {
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    for (size_t cut : {size_t{256}, size_t{255}, size_t{254}}) EXPECT_EQ(base64_decode(base64_encode(all.substr(0, cut))), all.substr(0, cut));
}

TEST(Base64, text_that_is_not_base64_is_refused) {
    for (const char* bad : {"Zg=", "Zg", "Z===", "Zm9v!A==", "Zg==Zg==", "=Zg=", "Zm 9v"}) EXPECT_EQ(base64_decode(bad), std::nullopt) << bad;
}

}  // namespace
