// errors (runtime/errors.hpp): exceptions named for display as Python names them, and
// CancelledError told apart from every other error.
#include "runtime/errors.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

struct ValueError : std::runtime_error { using std::runtime_error::runtime_error; };

TEST(Errors, exceptions_are_named_by_their_type_without_namespaces) {
    EXPECT_EQ(aio::exception_type_name(std::make_exception_ptr(aio::TimeoutError())), "TimeoutError");
    EXPECT_EQ(aio::exception_type_name(std::make_exception_ptr(aio::CancelledError())), "CancelledError");
    EXPECT_EQ(aio::exception_type_name(std::make_exception_ptr(ValueError("bad"))), "ValueError");
    EXPECT_EQ(aio::exception_type_name(nullptr), "");
}

TEST(Errors, the_message_is_what_the_exception_says) {
    EXPECT_EQ(aio::exception_message(std::make_exception_ptr(ValueError("bad value"))), "bad value");
    EXPECT_EQ(aio::exception_message(std::make_exception_ptr(42)), "");   // not an exception class
    EXPECT_EQ(aio::exception_message(nullptr), "");
}

TEST(Errors, only_a_cancelled_error_is_a_cancellation) {
    EXPECT_TRUE(aio::is_cancelled_error(std::make_exception_ptr(aio::CancelledError())));
    EXPECT_FALSE(aio::is_cancelled_error(std::make_exception_ptr(aio::TimeoutError())));
    EXPECT_FALSE(aio::is_cancelled_error(nullptr));
}

}  // namespace
