#include "base/status.h"

#include <gtest/gtest.h>

// GCC 12 reports a false -Wmaybe-uninitialized inside std::variant<int, Status> at -O2
// (GCC bug 105593 family); the code is well-defined.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

namespace sitrep {
namespace {

TEST(StatusTest, OkAndError) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = InvalidArgument("a.jsonl:3: field 'text': not a string");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.ToString(), "invalid input: a.jsonl:3: field 'text': not a string");
}

TEST(ResultTest, HoldsValueOrStatus) {
  Result<int> r = 7;
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 7);
  Result<int> e = NotFound("x");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), "x");
}

}  // namespace
}  // namespace sitrep
