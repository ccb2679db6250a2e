// The one reader of the project's line-based data files (lexicons, rule tables, word lists).
//
// A data file is text of '\n'-separated lines; a trailing '\r' is dropped, and a line that is
// blank or whose first non-blank byte is '#' is a comment. TSV rows split such a line on tabs
// and trim each column of spaces and '\r'.
//
// Errors: every error names "<source>:<line>: ..." so a bad row in a data file is found at once.
// Pure functions over the caller's text; the views handed to callbacks point into it and live as
// long as it does. Thread-safe.
#ifndef SITREP_BASE_TSV_H_
#define SITREP_BASE_TSV_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sitrep {

// `s` without leading and trailing spaces, tabs and '\r'.
std::string_view TrimBlanks(std::string_view s);

// Appends the tab-separated columns of `line`, each trimmed, to `cols` (cleared first). A line
// without a tab is one column.
void SplitTsvColumns(std::string_view line, std::vector<std::string_view>* cols);

// Calls fn(line, number) for each data line of `text` (1-based numbers, comments skipped, the
// line untrimmed apart from its '\r'). An error from fn stops the walk and comes back prefixed
// with "<source>:<number>: ".
[[nodiscard]] Status ForEachDataLine(
    std::string_view text, std::string_view source,
    const std::function<Status(std::string_view line, int number)>& fn);

// Calls fn(cols, number) for each data line of `text` split into trimmed columns. A line with
// fewer than `min_cols` columns is an error "<source>:<number>: expected N tab-separated
// columns"; errors from fn are prefixed the same way.
[[nodiscard]] Status ForEachTsvLine(
    std::string_view text, std::string_view source, size_t min_cols,
    const std::function<Status(const std::vector<std::string_view>& cols, int number)>& fn);

// ForEachTsvLine over the file at `path` (the source named in errors); a file that cannot be
// read is that error.
[[nodiscard]] Status ForEachTsvRow(
    const std::string& path, size_t min_cols,
    const std::function<Status(const std::vector<std::string_view>& cols, int number)>& fn);

}  // namespace sitrep

#endif  // SITREP_BASE_TSV_H_
