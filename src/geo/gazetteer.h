// Gazetteer: the compiled, read-only place index (data/gazetteer/gazetteer.bin).
//
// The file holds places (towns, villages), districts, provinces and countries, each with its
// country, province and district names, coordinates, population and GeoNames feature code, and a
// table from match key (geo/match_key.h) to the entries indexed under it (their official name,
// ASCII name, alternate names, and for countries their aliases and demonyms). It is built by
// geo/gazetteer_builder.h (`sitrep gazetteer build`) and embeds the match rules it was built with,
// so lookups always make keys the same way as the index did.
//
// Layout (little-endian): a 64-byte header (magic "SITRGAZ", version, counts, file size), then
// entry records, key records sorted by 64-bit key hash, postings (entry index + flags), a string
// pool of NUL-terminated strings and the rules text; every section 8-byte aligned.
//
// Open() maps the file (falling back to reading it) and checks every offset and count, so a
// truncated or corrupt file gives a kCorruption Status, never a crash. After Open() the object is
// immutable: share one instance between threads.
#ifndef SITREP_GEO_GAZETTEER_H_
#define SITREP_GEO_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "geo/match_key.h"
#include "model/event.h"

namespace sitrep {

// One gazetteer entry; the string views point into the Gazetteer and live as long as it does.
struct GazEntry {
  uint32_t index = 0;        // position in the gazetteer, for entry()
  uint32_t id = 0;           // GeoNames id, or a synthetic id >= 0x80000000
  std::string_view name;     // official spelling
  std::string_view country;  // ISO 3166-1 alpha-2, "" for none
  std::string_view admin1;   // province / state name, may be ""
  std::string_view admin2;   // district name, may be ""
  double lat = 0, lon = 0;
  int64_t population = 0;
  char feature_class = 0;         // GeoNames: P populated place, A administrative, ...
  std::string_view feature_code;  // GeoNames: PPLC, PPLA, PPLA2, PPL, ADM2, PCLI, ...
  GeoLevel level = GeoLevel::kPlace;

  // The model value (what PlaceMention carries).
  Place ToPlace() const;
  // Sets every field of *place to ToPlace()'s, in place (no temporary Place to move).
  void FillPlace(Place* place) const;
};

// One posting of a key: an entry and how the name that made the key relates to it.
struct GazPosting {
  uint32_t raw = 0;
  static constexpr uint32_t kAlternate = 1u << 31;  // an alternate name, not the official one
  static constexpr uint32_t kDemonym = 1u << 30;    // a demonym ("Pakistani"): context only
  static constexpr uint32_t kNative = 1u << 29;     // some name under this key is non-Latin
  static constexpr uint32_t kEntryMask = (1u << 29) - 1;
  uint32_t entry() const { return raw & kEntryMask; }
  bool native() const { return (raw & kNative) != 0; }
  bool alternate() const { return (raw & kAlternate) != 0; }
  bool demonym() const { return (raw & kDemonym) != 0; }
};
static_assert(sizeof(GazPosting) == 4);

class Gazetteer {
 public:
  [[nodiscard]] static Result<std::unique_ptr<Gazetteer>> Open(const std::string& path);
  // The same checks over bytes in memory (tests, fuzzing); the Gazetteer keeps its own copy.
  [[nodiscard]] static Result<std::unique_ptr<Gazetteer>> FromBytes(std::string bytes);
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  size_t size() const { return n_entries_; }
  size_t num_keys() const { return n_keys_; }
  size_t num_postings() const { return n_postings_; }
  size_t bytes() const { return size_; }

  // Requires index < size().
  GazEntry entry(uint32_t index) const;
  // entry(index).feature_code alone, without making the whole entry (a scan over all entries
  // for one feature code). Requires index < size().
  std::string_view feature_code(uint32_t index) const {
    const char* p = entries_ + size_t{index} * kEntryRecordBytes + kFeatureCodeOffset;
    size_t n = 0;
    while (n < kFeatureCodeBytes && p[n] != '\0') ++n;
    return std::string_view(p, n);
  }
  // A hint that entry(index) will be read soon (requires index < size(); no other effect): a
  // caller about to read many scattered entries issues these first so the memory loads overlap.
  void Prefetch(uint32_t index) const {
    __builtin_prefetch(entries_ + size_t{index} * kEntryRecordBytes);
    __builtin_prefetch(lens_.data() + 3 * size_t{index});
  }
  static constexpr size_t kEntryRecordBytes = 40;  // one entry's record in the file
  // Where a record holds its NUL-padded feature code.
  static constexpr size_t kFeatureCodeOffset = 32, kFeatureCodeBytes = 8;

  // Postings indexed under a match key (made with rules()); empty when none.
  std::span<const GazPosting> LookupKey(std::string_view key) const;
  // LookupKey(Key(name)).
  std::span<const GazPosting> Lookup(std::string_view name) const;

  const MatchRules& rules() const { return rules_; }
  std::string Key(std::string_view name) const { return rules_.Key(name); }

 private:
  Gazetteer() = default;
  Status Init();

  // Owned bytes: either a mapping or a heap copy.
  const char* data_ = nullptr;
  size_t size_ = 0;
  void* map_ = nullptr;
  std::string heap_;

  const char* entries_ = nullptr;
  const char* keys_ = nullptr;
  const GazPosting* postings_ = nullptr;
  const char* pool_ = nullptr;
  uint32_t n_entries_ = 0, n_keys_ = 0, n_postings_ = 0, pool_size_ = 0;
  MatchRules rules_;
  // Byte lengths of each entry's name, admin1 and admin2, measured once at Init so entry() does
  // not scan the pool (kLongString: longer, measure at use).
  static constexpr uint16_t kLongString = 0xFFFF;
  std::vector<uint16_t> lens_;
  // Radix index over the sorted key hashes, built at Init: the keys whose hash has top bits b
  // are key_radix_[b] .. key_radix_[b + 1], about two per bucket, so a lookup reads one or two
  // cache lines of the key table instead of binary-searching all of it.
  std::vector<uint32_t> key_radix_;
  int radix_shift_ = 64;
};

// 64-bit hash used for the key table (FNV-1a); exposed for the writer.
uint64_t GazKeyHash(std::string_view key);

// Assembles a gazetteer file in memory. Used by the builder and by tests.
class GazetteerWriter {
 public:
  explicit GazetteerWriter(MatchRules rules) : rules_(std::move(rules)) {}

  struct Entry {
    uint32_t id = 0;
    std::string name, country, admin1, admin2;
    double lat = 0, lon = 0;
    int64_t population = 0;
    char feature_class = 0;
    std::string feature_code;
    GeoLevel level = GeoLevel::kPlace;
  };
  // Returns the entry's index.
  uint32_t AddEntry(const Entry& e);
  Entry& mutable_entry(uint32_t index) { return entries_[index]; }
  size_t size() const { return entries_.size(); }
  // Indexes `name` (any spelling, any script) for the entry. flags: GazPosting::kAlternate etc.;
  // kNative is added when the name is not in Latin script.
  void AddName(uint32_t index, std::string_view name, uint32_t flags);
  // Indexes an already computed key.
  void AddKey(uint32_t index, std::string_view key, uint32_t flags);
  const MatchRules& rules() const { return rules_; }

  // The file bytes. Duplicate (key, entry) postings are merged: official beats alternate beats
  // demonym, and kNative is kept if any merged name had it.
  std::string Serialize() const;

 private:
  MatchRules rules_;
  std::vector<Entry> entries_;
  struct KeyPost {
    uint64_t hash;
    uint32_t posting;
  };
  std::vector<KeyPost> posts_;
};

}  // namespace sitrep

#endif  // SITREP_GEO_GAZETTEER_H_
