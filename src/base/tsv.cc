#include "base/tsv.h"

#include "base/data_dir.h"

namespace sitrep {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

Status Located(std::string_view source, int number, const Status& st) {
  return Status(st.code(),
                std::string(source) + ":" + std::to_string(number) + ": " + st.message());
}

}  // namespace

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

void SplitTsvColumns(std::string_view line, std::vector<std::string_view>* cols) {
  cols->clear();
  while (true) {
    const size_t tab = line.find('\t');
    cols->push_back(TrimBlanks(line.substr(0, tab)));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
}

Status ForEachDataLine(std::string_view text, std::string_view source,
                       const std::function<Status(std::string_view line, int number)>& fn) {
  int number = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view trimmed = TrimBlanks(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    Status st = fn(line, number);
    if (!st.ok()) return Located(source, number, st);
  }
  return Status::Ok();
}

Status ForEachTsvLine(
    std::string_view text, std::string_view source, size_t min_cols,
    const std::function<Status(const std::vector<std::string_view>& cols, int number)>& fn) {
  std::vector<std::string_view> cols;
  return ForEachDataLine(text, source, [&](std::string_view line, int number) -> Status {
    SplitTsvColumns(line, &cols);
    if (cols.size() < min_cols) {
      return InvalidArgument("expected " + std::to_string(min_cols) + " tab-separated columns");
    }
    return fn(cols, number);
  });
}

Status ForEachTsvRow(
    const std::string& path, size_t min_cols,
    const std::function<Status(const std::vector<std::string_view>& cols, int number)>& fn) {
  Result<std::string> content = ReadFile(path);
  if (!content.ok()) return content.status();
  return ForEachTsvLine(*content, path, min_cols, fn);
}

}  // namespace sitrep
