// Test helper: deterministic random texts glued from pieces a test chooses (words, numbers,
// punctuation, multi-byte and invalid bytes), for tests that compare two ways of reading the
// same text on many hard mixtures. Used only by *_test.cc files.
#ifndef SITREP_TEXT_PIECE_TEXT_TEST_UTIL_H_
#define SITREP_TEXT_PIECE_TEXT_TEST_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep {
namespace testing_text {

// Each Next() is 1..max_pieces pieces drawn with a fixed-seed LCG, so a failure reproduces.
class PieceTexts {
 public:
  PieceTexts(std::vector<std::string_view> pieces, uint64_t seed, size_t max_pieces)
      : pieces_(std::move(pieces)), seed_(seed), max_pieces_(max_pieces) {}
  std::string Next() {
    std::string text;
    const size_t len = 1 + Draw() % max_pieces_;
    for (size_t k = 0; k < len; ++k) text += pieces_[Draw() % pieces_.size()];
    return text;
  }

 private:
  size_t Draw() {
    seed_ = seed_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(seed_ >> 33);
  }
  std::vector<std::string_view> pieces_;
  uint64_t seed_;
  size_t max_pieces_;
};

}  // namespace testing_text
}  // namespace sitrep

#endif  // SITREP_TEXT_PIECE_TEXT_TEST_UTIL_H_
