// Status and Result<T>: errors are values. No exception crosses the library API.
//
// A Status is either OK or carries a code and a human message that names the file, line and field
// concerned (e.g. "seeds.jsonl:3: field 'text': not a string"). Result<T> holds a T or a non-OK
// Status. Both are cheap to move and safe to use from any thread (they own their data).
#ifndef SITREP_BASE_STATUS_H_
#define SITREP_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace sitrep {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input: malformed JSON, wrong field type, invalid UTF-8...
  kNotFound,         // a file, id or record that does not exist
  kIoError,          // read/write failure, full disk, read-only file
  kCorruption,       // a stored structure that fails its own checks
  kAlreadyExists,    // e.g. duplicate doc_id with different text
  kInternal,
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
inline Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok());
  }
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

#define SITREP_RETURN_IF_ERROR(expr) \
  do {                               \
    ::sitrep::Status _st = (expr);   \
    if (!_st.ok()) return _st;       \
  } while (0)

}  // namespace sitrep

#endif  // SITREP_BASE_STATUS_H_
