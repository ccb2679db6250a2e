#include "base/data_dir.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace sitrep {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::path(::testing::TempDir()) / name).string();
}

void Write(const std::string& path, const std::string& bytes) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(std::fwrite(bytes.data(), 1, bytes.size(), f), bytes.size());
  std::fclose(f);
}

TEST(ReadFileTest, ReadsEveryByte) {
  std::string bytes(300000, 'a');  // several reads, NULs and all byte values kept
  for (size_t i = 0; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(i % 256);
  const std::string path = TempPath("read_file_bytes");
  Write(path, bytes);
  EXPECT_EQ(ReadFile(path).value(), bytes);
  Write(path, "");
  EXPECT_EQ(ReadFile(path).value(), "");
  std::remove(path.c_str());
}

TEST(ReadFileTest, AFileWithoutASizeReadsToItsEnd) {
  // A FIFO has no size: the buffer grows until the writer closes it.
  const std::string path = TempPath("read_file_fifo");
  std::remove(path.c_str());
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  const std::string bytes(200000, 'z');
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
    _exit(0);
  }
  EXPECT_EQ(ReadFile(path).value(), bytes);
  int status = 0;
  EXPECT_EQ(waitpid(child, &status, 0), child);
  std::remove(path.c_str());
}

TEST(ReadFileTest, ErrorsNameThePath) {
  const std::string missing = TempPath("read_file_missing");
  std::remove(missing.c_str());
  Result<std::string> r = ReadFile(missing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
  EXPECT_NE(r.status().message().find(missing + ": cannot open"), std::string::npos)
      << r.status().ToString();
  // A directory opens but does not read.
  Result<std::string> dir = ReadFile(::testing::TempDir());
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.status().message().find("read failed"), std::string::npos)
      << dir.status().ToString();
}

}  // namespace
}  // namespace sitrep
