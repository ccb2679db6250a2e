#include "ingest/dedup.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace sitrep {
namespace {

// splitmix64's finaliser: a cheap, well-mixed 64-bit permutation.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Sorted, unique hashes of the text's k-word shingles.
std::vector<uint64_t> Shingles(std::string_view text, int k) {
  std::vector<uint64_t> words;
  uint64_t h = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    if (IsWordByte(c)) {
      if (!in_word) h = 0xcbf29ce484222325ULL;
      in_word = true;
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c | 0x20);
      h = (h ^ c) * 0x100000001b3ULL;
    } else if (in_word) {
      words.push_back(Mix(h));
      in_word = false;
    }
  }
  if (in_word) words.push_back(Mix(h));
  std::vector<uint64_t> out;
  const size_t n = words.size();
  const size_t kk = static_cast<size_t>(std::max(1, k));
  if (n < kk) return out;
  out.reserve(n - kk + 1);
  for (size_t i = 0; i + kk <= n; ++i) {
    uint64_t s = 0x9e3779b97f4a7c15ULL;
    for (size_t j = 0; j < kk; ++j) s = Mix(s ^ words[i + j]) + j;
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t i = 0, j = 0, both = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++both; ++i; ++j; }
  }
  return static_cast<double>(both) / static_cast<double>(a.size() + b.size() - both);
}

// Canonical order: dated before undated, earlier first, then the smaller doc_id.
bool CanonicalBefore(const Article& a, const Article& b) {
  if (a.published.has_value() != b.published.has_value()) return a.published.has_value();
  if (a.published && *a.published != *b.published) return *a.published < *b.published;
  return a.doc_id < b.doc_id;
}

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

uint64_t TextHash(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ULL;
  return Mix(h ^ text.size());
}

double ShingleJaccard(std::string_view a, std::string_view b, int shingle_words) {
  return Jaccard(Shingles(a, shingle_words), Shingles(b, shingle_words));
}

DedupStats MarkDuplicates(std::vector<Article>* articles, const DedupOptions& options) {
  std::vector<Article>& arts = *articles;
  const size_t n = arts.size();
  DedupStats stats;
  for (Article& a : arts) {
    a.copy_of.clear();
    a.exact_duplicate = false;
  }

  // 1. Exact duplicates: group by hash, confirm by comparing bytes with the group's canonical.
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t x, uint32_t y) { return CanonicalBefore(arts[x], arts[y]); });
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_hash;  // canonical-first lists
  std::vector<int64_t> exact_of(n, -1);  // index of the identical canonical, -1 when canonical
  std::vector<uint32_t> uniques;         // one per distinct text, in canonical order
  for (uint32_t i : order) {
    std::vector<uint32_t>& same = by_hash[TextHash(arts[i].text)];
    for (uint32_t c : same) {
      if (arts[c].text == arts[i].text) {
        exact_of[i] = c;
        break;
      }
    }
    if (exact_of[i] < 0) {
      same.push_back(i);
      uniques.push_back(i);
    }
  }

  // 2. Near duplicates among distinct texts: MinHash + LSH banding, verified by exact Jaccard.
  const int bands = std::max(1, options.bands), rows = std::max(1, options.rows);
  const size_t m = uniques.size();
  std::vector<std::vector<uint64_t>> shingles(m);
  std::vector<std::vector<uint64_t>> band_keys(m);
  for (size_t u = 0; u < m; ++u) {
    shingles[u] = Shingles(arts[uniques[u]].text, options.shingle_words);
    if (shingles[u].size() < options.min_shingles) continue;
    std::vector<uint64_t> sig(static_cast<size_t>(bands * rows), ~0ULL);
    for (uint64_t s : shingles[u]) {
      for (size_t f = 0; f < sig.size(); ++f) {
        sig[f] = std::min(sig[f], Mix(s ^ (0x9e3779b97f4a7c15ULL * (f + 1))));
      }
    }
    band_keys[u].resize(static_cast<size_t>(bands));
    for (int b = 0; b < bands; ++b) {
      uint64_t key = Mix(static_cast<uint64_t>(b) + 1);
      for (int r = 0; r < rows; ++r) key = Mix(key ^ sig[static_cast<size_t>(b * rows + r)]);
      band_keys[u][static_cast<size_t>(b)] = key;
    }
  }
  UnionFind uf(m);
  std::unordered_set<uint64_t> tried;
  for (int b = 0; b < bands; ++b) {
    std::unordered_map<uint64_t, std::vector<uint32_t>> buckets;
    for (size_t u = 0; u < m; ++u) {
      if (!band_keys[u].empty()) {
        buckets[band_keys[u][static_cast<size_t>(b)]].push_back(static_cast<uint32_t>(u));
      }
    }
    for (const auto& [key, members] : buckets) {
      for (size_t x = 0; x < members.size(); ++x) {
        for (size_t y = x + 1; y < members.size(); ++y) {
          const uint32_t p = members[x], q = members[y];
          if (uf.Find(p) == uf.Find(q)) continue;
          if (!tried.insert((static_cast<uint64_t>(p) << 32) | q).second) continue;
          if (Jaccard(shingles[p], shingles[q]) >= options.near_threshold) uf.Union(p, q);
        }
      }
    }
  }

  // 3. Mark. `uniques` is in canonical order and the union-find root is the smallest index, so
  // each group's root is its canonical article.
  std::vector<uint32_t> unique_pos(n, 0);
  for (size_t u = 0; u < m; ++u) unique_pos[uniques[u]] = static_cast<uint32_t>(u);
  for (size_t u = 0; u < m; ++u) {
    const uint32_t root = uf.Find(static_cast<uint32_t>(u));
    if (root != u) {
      arts[uniques[u]].copy_of = arts[uniques[root]].doc_id;
      ++stats.near;
    }
  }
  for (uint32_t i = 0; i < n; ++i) {
    if (exact_of[i] < 0) continue;
    const uint32_t twin = static_cast<uint32_t>(exact_of[i]);
    const uint32_t root = uf.Find(unique_pos[twin]);
    arts[i].exact_duplicate = true;
    arts[i].copy_of = arts[uniques[root]].doc_id;
    ++stats.exact;
  }
  return stats;
}

}  // namespace sitrep
