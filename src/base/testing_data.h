// Test helper: a scratch copy of one of the shipped data folders ("extract", "text", "resolve")
// in the test's temporary directory, whose files a test extends or replaces to check how a
// loader takes a bad row, and the check that a load error names the row. Used only by *_test.cc
// files.
#ifndef SITREP_BASE_TESTING_DATA_H_
#define SITREP_BASE_TESTING_DATA_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "base/data_dir.h"
#include "base/status.h"

namespace sitrep {
namespace testing_data {

class ScratchData {
 public:
  // Copies DataPath(folder) to <TempDir>/<name>/<folder>, anything there before removed first.
  ScratchData(std::string_view name, std::string_view folder)
      : root_(std::filesystem::path(::testing::TempDir()) / name), folder_(root_ / folder) {
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
    std::filesystem::copy(DataPath(folder), folder_, std::filesystem::copy_options::recursive);
  }
  ~ScratchData() {
    std::error_code ignored;  // a copy left behind is no failure of the test
    std::filesystem::remove_all(root_, ignored);
  }
  ScratchData(const ScratchData&) = delete;
  ScratchData& operator=(const ScratchData&) = delete;

  // The data root holding the copy (for loaders given the root, such as Extractor::Load) and
  // the copied folder itself (for loaders given their folder).
  std::string root() const { return root_.string(); }
  std::string folder() const { return folder_.string(); }

  // Appends `row` to the folder's `file`; returns the line number it starts at there.
  int Append(std::string_view file, std::string_view row) {
    const std::filesystem::path path = folder_ / file;
    std::ifstream in(path);
    const int lines = static_cast<int>(std::count(std::istreambuf_iterator<char>(in), {}, '\n'));
    in.close();
    std::ofstream(path, std::ios::app) << row;
    return lines + 1;
  }
  // Replaces the folder's `file` with `text`.
  void Write(std::string_view file, std::string_view text) {
    std::ofstream(folder_ / file) << text;
  }

 private:
  std::filesystem::path root_, folder_;
};

// A malformed row a loader must turn away, and what its load error must name.
struct BadRow {
  const char* file;    // in the copied folder
  const char* row;     // appended to the file, its '\n' included
  const char* column;  // "column 2"
  const char* value;   // the value read, as the message writes it
};

// Whether `status` is an error naming "<file>:<line>: ", the column and the value of `row`.
inline ::testing::AssertionResult NamesBadRow(const Status& status, const BadRow& row, int line) {
  const std::string msg = status.ToString();
  const std::string where = std::string(row.file) + ":" + std::to_string(line) + ": ";
  if (status.ok()) return ::testing::AssertionFailure() << "loaded despite " << row.row;
  for (const std::string& part : {where, std::string(row.column), std::string(row.value)}) {
    if (msg.find(part) == std::string::npos) {
      return ::testing::AssertionFailure() << "\"" << msg << "\" does not name " << part;
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace testing_data
}  // namespace sitrep

#endif  // SITREP_BASE_TESTING_DATA_H_
