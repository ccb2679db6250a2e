// Fuzz target: duplicate detection (ingest/dedup.h) on two arbitrary texts. The word scan reads
// 64-byte blocks and eight-byte chunks, the exact-copy key 16-byte samples: each text is copied
// into a heap buffer of exactly its size, so ASan reports any read past it.
//
// Input: two bytes give the split point, the rest is text a then text b; a third article is an
// exact copy of a. Invariants: ShingleJaccard is symmetric, in [0, 1], and 1 for a text and
// itself; MarkDuplicates marks the copy of a as an exact duplicate of the canonical one, gives
// the same marks whatever the input order, and links a and b only when they are identical or
// their Jaccard reaches the threshold.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "ingest/dedup.h"

namespace sitrep {
namespace {

// The marks of a batch by doc_id.
std::map<std::string, std::pair<std::string, bool>> Marks(const std::vector<Article>& arts) {
  std::map<std::string, std::pair<std::string, bool>> out;
  for (const Article& a : arts) out[a.doc_id] = {a.copy_of, a.exact_duplicate};
  return out;
}

Article Make(std::string id, std::string_view text) {
  Article a;
  a.doc_id = std::move(id);
  a.text = std::string(text);
  return a;
}

}  // namespace
}  // namespace sitrep

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  if (size < 2) return 0;
  const size_t rest = size - 2;
  const size_t cut = rest == 0 ? 0 : (size_t{data[0]} << 8 | data[1]) % (rest + 1);
  const char* body = reinterpret_cast<const char*>(data + 2);
  // Exact-size copies: a read past either text leaves its allocation.
  std::unique_ptr<char[]> ca(new char[std::max<size_t>(cut, 1)]);
  std::unique_ptr<char[]> cb(new char[std::max<size_t>(rest - cut, 1)]);
  std::copy(body, body + cut, ca.get());
  std::copy(body + cut, body + rest, cb.get());
  const std::string_view a(ca.get(), cut), b(cb.get(), rest - cut);

  const double ab = ShingleJaccard(a, b), ba = ShingleJaccard(b, a);
  FUZZ_CHECK(ab == ba);
  FUZZ_CHECK(ab >= 0.0 && ab <= 1.0);
  FUZZ_CHECK(ShingleJaccard(a, a) == 1.0);
  FUZZ_CHECK(ShingleJaccard(b, b, 1) == 1.0);

  DedupOptions loose;  // short texts take part in near-duplicate detection too
  loose.min_shingles = 1;
  loose.bands = 4;
  loose.rows = 2;
  for (const DedupOptions& options : {DedupOptions(), loose}) {
    std::vector<Article> fwd = {Make("a", a), Make("b", b), Make("c", a)};
    std::vector<Article> rev = {Make("c", a), Make("b", b), Make("a", a)};
    MarkDuplicates(&fwd, options);
    MarkDuplicates(&rev, options);
    const auto marks = Marks(fwd);
    FUZZ_CHECK(marks == Marks(rev));
    FUZZ_CHECK(marks.at("c").second && !marks.at("a").second);
    FUZZ_CHECK(marks.at("a").first.empty() == (marks.at("c").first == "a"));
    const bool same = a == b;
    FUZZ_CHECK(marks.at("b").second == same);
    if (!marks.at("b").first.empty() && !same) FUZZ_CHECK(ab >= options.near_threshold);
  }
  return 0;
}
