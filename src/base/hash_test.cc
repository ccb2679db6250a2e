#include "base/hash.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

// The published FNV-1a 64 test vectors: the hash is written to disk, so it must not drift.
TEST(HashTest, Fnv1aMatchesTheReferenceVectors) {
  EXPECT_EQ(Fnv1a(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(Fnv1a("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(Fnv1a("foobar"), 0x85944171f73967e8ull);
}

TEST(HashTest, AppendContinuesTheHash) {
  EXPECT_EQ(Fnv1aAppend(Fnv1a("foo"), "bar"), Fnv1a("foobar"));
}

}  // namespace
}  // namespace sitrep
