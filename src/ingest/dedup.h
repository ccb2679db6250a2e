// Duplicate detection over a batch of articles.
//
// Exact duplicates: the same text (hash, then byte comparison) → exact_duplicate = true and
// copy_of = the canonical article. Near duplicates (wire copies lightly edited by each outlet):
// one-permutation MinHash signatures over word shingles (boilerplate shingles found in very many
// documents left out), bucketed with LSH banding so only likely pairs are compared, each member
// of a bucket with a bounded number of its neighbours (near-linear in the number of articles); a
// candidate pair whose exact shingle Jaccard reaches `near_threshold` is linked, and linked
// articles form one group → copy_of = canonical.
//
// The canonical article of a group is the earliest published (articles without a date come
// last), then the smallest doc_id: the result does not depend on input order. Previous
// copy_of / exact_duplicate marks are cleared first, so the function can be re-run over a grown
// collection. Words are compared ASCII-case-insensitively; punctuation is ignored.
//
// Cost: one pass over each text's bytes 64 at a time (a mask of word bytes, then one step per
// word, not per byte), one hash and one set probe per shingle, one counter per shingle for the
// document frequencies, and one branch-free min per shingle for the signature (the shingle
// hash is its own MinHash value; its top bits pick the bin). The hashes are internal: stable
// across runs and platforms, but not part of any stored format.
//
// Pure functions of their arguments; thread-safe.
#ifndef SITREP_INGEST_DEDUP_H_
#define SITREP_INGEST_DEDUP_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/article.h"

namespace sitrep {

struct DedupOptions {
  double near_threshold = 0.8;  // shingle Jaccard for a near duplicate
  int shingle_words = 3;
  int bands = 20;  // bands * rows MinHash values; P(candidate | J=0.8) > 0.999
  int rows = 5;
  size_t min_shingles = 8;  // shorter texts are only matched exactly
  // Boilerplate: a shingle in more than max(min_boilerplate_docs, max_doc_fraction x documents)
  // documents is left out of the signatures (still counted by the verifying Jaccard).
  // max_doc_fraction >= 1 turns this off.
  double max_doc_fraction = 0.01;
  size_t min_boilerplate_docs = 200;
  // In an LSH bucket each member is compared with at most this many following members, which
  // bounds the work when many documents share a bucket (near-linear overall).
  size_t max_bucket_pairs_per_doc = 16;
  int threads = 1;  // for shingling and signatures
};

struct DedupStats {
  size_t exact = 0;  // articles marked exact_duplicate
  size_t near = 0;   // articles given copy_of without being exact duplicates
};

DedupStats MarkDuplicates(std::vector<Article>* articles, const DedupOptions& options = {});

// 64-bit hash of a text (FNV-1a with a final mix); stable across runs and platforms.
uint64_t TextHash(std::string_view text);
// out[i] = TextHash(texts[i]) for i in [0, n). FNV is one serial chain per text (a multiply's
// latency per byte); this runs four texts' chains side by side so they overlap in the CPU, about
// three times faster per byte than calling TextHash() on each. `out` holds n values.
void TextHashes(const std::string_view* texts, size_t n, uint64_t* out);

// Exact Jaccard similarity of the word-shingle sets of two texts (for tests and diagnostics).
double ShingleJaccard(std::string_view a, std::string_view b, int shingle_words = 3);

}  // namespace sitrep

#endif  // SITREP_INGEST_DEDUP_H_
