#include "resolve/spill.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace sitrep {
namespace {

TEST(SpillFileTest, ReadsBackWhatWasAppended) {
  SpillFile spill;
  const SpillFile::Ref a = spill.Append("first");
  const SpillFile::Ref b = spill.Append(std::string("with\0nul", 8));
  const SpillFile::Ref none = spill.Append("");
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(spill.Read(none).value(), "");
  EXPECT_EQ(spill.Read(b).value(), std::string("with\0nul", 8));
  EXPECT_EQ(spill.Read(a).value(), "first");  // any order, any number of times
  EXPECT_EQ(spill.Read(a).value(), "first");
  EXPECT_EQ(spill.bytes(), 13u);
  // Past the end: an error, not garbage nor an empty string.
  const Result<std::string> past = spill.Read({100, 5});
  ASSERT_FALSE(past.ok());
  EXPECT_EQ(past.status().code(), StatusCode::kInternal);
  EXPECT_NE(past.status().message().find("past the 13 bytes"), std::string::npos)
      << past.status().ToString();
}

// A file that cannot be read back is an I/O error naming what was read, not an empty string;
// the part still buffered in memory reads back whatever happens to the file.
TEST(SpillFileTest, ReadErrorsOfTheFileAreErrors) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  const int fd = fileno(file);
  SpillFile spill(file);
  const std::string big(3u << 19, 'x');  // 1.5 MiB: written to the file at once
  const SpillFile::Ref on_disk = spill.Append(big);
  const SpillFile::Ref buffered = spill.Append("still in memory");
  ASSERT_EQ(spill.Read(on_disk).value(), big);
  // The file ends before the bytes (truncated under the spill).
  ASSERT_EQ(ftruncate(fd, 1000), 0);
  Result<std::string> short_read = spill.Read(on_disk);
  ASSERT_FALSE(short_read.ok());
  EXPECT_EQ(short_read.status().code(), StatusCode::kIoError);
  EXPECT_NE(short_read.status().message().find("at offset 1000"), std::string::npos)
      << short_read.status().ToString();
  // The descriptor no longer reads (a write-only file in its place): the system's error.
  const int write_only = open("/dev/null", O_WRONLY);
  ASSERT_GE(write_only, 0);
  ASSERT_EQ(dup2(write_only, fd), fd);
  close(write_only);
  Result<std::string> failed = spill.Read(on_disk);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kIoError);
  EXPECT_NE(failed.status().message().find("at offset 0"), std::string::npos)
      << failed.status().ToString();
  EXPECT_EQ(spill.Read(buffered).value(), "still in memory");
}

TEST(SpillFileTest, StringsAcrossTheFlushBoundaryAndOnDisk) {
  // Enough bytes that most are in the file, some still buffered, and some strings straddle the
  // boundary between the two.
  SpillFile spill;
  std::vector<std::pair<SpillFile::Ref, std::string>> kept;
  for (int i = 0; i < 3000; ++i) {
    std::string s(700 + i % 613, static_cast<char>('a' + i % 26));
    s += std::to_string(i);
    kept.emplace_back(spill.Append(s), s);
  }
  EXPECT_GT(spill.bytes(), 2u << 20);
  EXPECT_TRUE(spill.on_disk());
  for (size_t i = 0; i < kept.size(); i += 7) {
    ASSERT_EQ(spill.Read(kept[i].first).value(), kept[i].second) << i;
  }
  // Reading does not disturb appending.
  const SpillFile::Ref more = spill.Append("after reads");
  EXPECT_EQ(spill.Read(more).value(), "after reads");
  EXPECT_EQ(spill.Read(kept.back().first).value(), kept.back().second);
}

// Short strings come back through the block cache: correct across block boundaries, after the
// cache has replaced blocks, and for a block first read while the file still ended inside it.
TEST(SpillFileTest, CachedBlocksReadBackCorrectly) {
  SpillFile spill;
  std::vector<std::pair<SpillFile::Ref, std::string>> kept;
  auto append = [&](int i) {
    std::string s(100 + i % 3001, static_cast<char>('a' + i % 26));
    s += std::to_string(i);
    kept.emplace_back(spill.Append(s), s);
  };
  int i = 0;
  while (spill.bytes() < 3u << 20) append(i++);  // some of the last block only in memory
  const size_t first_part = kept.size();
  // Read the end of the file as it is now, then grow it past that block and read again.
  for (size_t k = first_part - 20; k < first_part; ++k) {
    ASSERT_EQ(spill.Read(kept[k].first).value(), kept[k].second) << k;
  }
  while (spill.bytes() < (SpillFile::kCachedBlocks + 8) * SpillFile::kBlockBytes) append(i++);
  // Every string, twice, in an order that touches more blocks than the cache holds.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t k = pass; k < kept.size(); k += 3) {
      ASSERT_EQ(spill.Read(kept[k].first).value(), kept[k].second) << k;
    }
    for (size_t k = kept.size(); k-- > 0;) {
      ASSERT_EQ(spill.Read(kept[k].first).value(), kept[k].second) << k;
    }
  }
}

// A short string whose block cannot be read is an error too, and a later read tries again.
TEST(SpillFileTest, ShortStringReadErrorsAreErrors) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  const int fd = fileno(file);
  SpillFile spill(file);
  const SpillFile::Ref small = spill.Append("short string");
  spill.Append(std::string(3u << 19, 'y'));  // flushes both
  ASSERT_EQ(ftruncate(fd, 5), 0);
  Result<std::string> r = spill.Read(small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
  ASSERT_EQ(pwrite(fd, "short string", 12, 0), 12);  // the bytes are back, the file as long
  ASSERT_EQ(ftruncate(fd, static_cast<off_t>(spill.bytes())), 0);
  EXPECT_EQ(spill.Read(small).value(), "short string");
}

TEST(SpillFileTest, MovesKeepTheContent) {
  SpillFile spill;
  const SpillFile::Ref r = spill.Append("moved along");
  SpillFile other = std::move(spill);
  EXPECT_EQ(other.Read(r).value(), "moved along");
  SpillFile third;
  third = std::move(other);
  EXPECT_EQ(third.Read(r).value(), "moved along");
}

}  // namespace
}  // namespace sitrep
