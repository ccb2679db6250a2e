#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/guard_page_test_util.h"

namespace sitrep {
namespace {

using testing_guard::ForEachGuardedPrefix;
using testing_guard::Guard;
using testing_guard::GuardedBytes;

uintptr_t PageSize() { return static_cast<uintptr_t>(sysconf(_SC_PAGESIZE)); }

// A byte read through a pointer the optimiser cannot see through.
char ReadAt(const char* p) { return *static_cast<const volatile char*>(p); }

TEST(GuardPageTest, ViewHoldsTheBytesAndEndsAtTheGuard) {
  GuardedBytes buf(10);
  ASSERT_TRUE(buf.ok());
  const std::string_view v = buf.Set("abc");
  EXPECT_EQ(v, "abc");
  EXPECT_EQ(buf.Set("").size(), 0u);
  EXPECT_EQ(buf.Set(std::string(buf.capacity() + 1, 'x')).size(), 0u);  // too big: empty
  // The byte after the view is the guard page's first.
  EXPECT_EQ((reinterpret_cast<uintptr_t>(v.data() + v.size()) % PageSize()), 0u);
}

TEST(GuardPageDeathTest, ReadingPastTheEndOrBeforeTheStartFaults) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  GuardedBytes after(5);
  ASSERT_TRUE(after.ok());
  const std::string_view v = after.Set("hello");
  EXPECT_EQ(ReadAt(v.data() + 4), 'o');
  EXPECT_DEATH(ReadAt(v.data() + 5), "");
  GuardedBytes before(5, Guard::kBefore);
  ASSERT_TRUE(before.ok());
  const std::string_view w = before.Set("hello");
  EXPECT_EQ(ReadAt(w.data()), 'h');
  EXPECT_DEATH(ReadAt(w.data() - 1), "");
}

TEST(GuardPageTest, EveryPrefixIsTriedAgainstTheGuard) {
  std::vector<std::string> seen;
  ASSERT_TRUE(ForEachGuardedPrefix("abcd", 3, [&](std::string_view v) {
    seen.emplace_back(v);
    EXPECT_EQ((reinterpret_cast<uintptr_t>(v.data() + v.size()) % PageSize()), 0u);
  }));
  EXPECT_EQ(seen, (std::vector<std::string>{"", "a", "ab", "abc"}));
}

}  // namespace
}  // namespace sitrep
