#include "geo/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <unordered_map>

#include "base/data_dir.h"
#include "base/hash.h"

namespace sitrep {
namespace {

constexpr char kMagic[8] = {'S', 'I', 'T', 'R', 'G', 'A', 'Z', '\0'};
constexpr uint32_t kVersion = 2;
constexpr uint32_t kEndianMarker = 0x01020304;
constexpr size_t kHeaderSize = 64;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t endian;
  uint32_t n_entries;
  uint32_t n_keys;
  uint32_t n_postings;
  uint32_t pool_size;
  uint32_t rules_size;
  uint32_t reserved;
  uint64_t file_size;
  char pad[16];
};
static_assert(sizeof(Header) == kHeaderSize);

struct EntryRec {
  uint32_t id;
  uint32_t name;  // pool offsets
  uint32_t admin1;
  uint32_t admin2;
  float lat;
  float lon;
  uint32_t population;
  char country[2];
  uint8_t level;
  char feature_class;
  char feature_code[8];  // NUL-padded
};
static_assert(sizeof(EntryRec) == Gazetteer::kEntryRecordBytes);
static_assert(offsetof(EntryRec, feature_code) == Gazetteer::kFeatureCodeOffset);
static_assert(sizeof(EntryRec::feature_code) == Gazetteer::kFeatureCodeBytes);

struct KeyRec {
  uint64_t hash;
  uint32_t post_begin;
  uint32_t post_count;
};
static_assert(sizeof(KeyRec) == 16);

size_t Align8(size_t n) { return (n + 7) & ~size_t{7}; }

struct Layout {
  size_t entries, keys, postings, pool, rules, end;
};

Layout ComputeLayout(uint64_t n_entries, uint64_t n_keys, uint64_t n_postings, uint64_t pool_size,
                     uint64_t rules_size) {
  Layout l;
  l.entries = kHeaderSize;
  l.keys = Align8(l.entries + n_entries * sizeof(EntryRec));
  l.postings = Align8(l.keys + n_keys * sizeof(KeyRec));
  l.pool = Align8(l.postings + n_postings * sizeof(uint32_t));
  l.rules = Align8(l.pool + pool_size);
  l.end = Align8(l.rules + rules_size);
  return l;
}

std::string_view CodeView(const char* p, size_t n) {
  size_t len = 0;
  while (len < n && p[len] != '\0') ++len;
  return std::string_view(p, len);
}

}  // namespace

uint64_t GazKeyHash(std::string_view key) { return Fnv1aAppend(kShortFnvBasis, key); }

Place GazEntry::ToPlace() const {
  Place p;
  FillPlace(&p);
  return p;
}

namespace {
// Sets *s to `v`. A string made from the view and moved in: std::string::assign is the general
// replace (aliasing checks, a call), which costs more than making a short string anew, and the
// places the geocoder fills are mostly fresh.
inline void SetString(std::string* s, std::string_view v) { *s = std::string(v); }
}  // namespace

void GazEntry::FillPlace(Place* place) const {
  Place& p = *place;
  p.gazetteer_id = id;
  SetString(&p.name, name);
  SetString(&p.country, country);
  SetString(&p.admin1, admin1);
  SetString(&p.admin2, admin2);
  p.lat = lat;
  p.lon = lon;
  p.has_coords = !(lat == 0 && lon == 0);
  p.level = level;
  p.population = population;
}

Gazetteer::~Gazetteer() {
  if (map_ != nullptr) munmap(map_, size_);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return NotFound(path + ": no such gazetteer (run scripts/fetch_data.sh)");
    return IoError(path + ": cannot open: " + std::strerror(errno));
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return IoError(path + ": stat failed: " + std::strerror(err));
  }
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->size_ = static_cast<size_t>(st.st_size);
  if (g->size_ > 0) {
    void* m = mmap(nullptr, g->size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m != MAP_FAILED) {
      g->map_ = m;
      g->data_ = static_cast<const char*>(m);
    }
  }
  ::close(fd);
  if (g->map_ == nullptr) {
    Result<std::string> bytes = ReadFile(path);
    if (!bytes.ok()) return bytes.status();
    g->heap_ = std::move(bytes).value();
    g->data_ = g->heap_.data();
    g->size_ = g->heap_.size();
  }
  Status s = g->Init();
  if (!s.ok()) return Status(s.code(), path + ": " + s.message());
  return g;
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::FromBytes(std::string bytes) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  // Copy into 8-aligned storage so record reads are aligned.
  g->heap_ = std::move(bytes);
  g->heap_.reserve(g->heap_.size() + 8);
  g->data_ = g->heap_.data();
  g->size_ = g->heap_.size();
  SITREP_RETURN_IF_ERROR(g->Init());
  return g;
}

Status Gazetteer::Init() {
  if (size_ < kHeaderSize) return Corruption("gazetteer truncated: no header");
  Header h;
  std::memcpy(&h, data_, sizeof(h));
  if (std::memcmp(h.magic, kMagic, sizeof(kMagic)) != 0) return Corruption("not a gazetteer file");
  if (h.endian != kEndianMarker) return Corruption("gazetteer written with another byte order");
  if (h.version != kVersion) {
    return Corruption("gazetteer version " + std::to_string(h.version) + ", expected " +
                      std::to_string(kVersion) + " (rebuild it)");
  }
  if (h.n_entries > GazPosting::kEntryMask) return Corruption("gazetteer entry count too large");
  Layout l = ComputeLayout(h.n_entries, h.n_keys, h.n_postings, h.pool_size, h.rules_size);
  if (h.file_size != size_ || l.end != size_) {
    return Corruption("gazetteer truncated or padded: " + std::to_string(size_) +
                      " bytes, header says " + std::to_string(h.file_size));
  }
  if (reinterpret_cast<uintptr_t>(data_) % 8 != 0) return Internal("gazetteer buffer misaligned");
  n_entries_ = h.n_entries;
  n_keys_ = h.n_keys;
  n_postings_ = h.n_postings;
  pool_size_ = h.pool_size;
  entries_ = data_ + l.entries;
  keys_ = data_ + l.keys;
  postings_ = reinterpret_cast<const GazPosting*>(data_ + l.postings);
  pool_ = data_ + l.pool;
  if (pool_size_ == 0 || pool_[pool_size_ - 1] != '\0') {
    return Corruption("gazetteer string pool not terminated");
  }
  const EntryRec* er = reinterpret_cast<const EntryRec*>(entries_);
  lens_.resize(size_t{3} * n_entries_);
  auto measure = [&](uint32_t offset) {
    return static_cast<uint16_t>(std::min<size_t>(std::strlen(pool_ + offset), kLongString));
  };
  for (uint32_t i = 0; i < n_entries_; ++i) {
    const EntryRec& e = er[i];
    if (e.name >= pool_size_ || e.admin1 >= pool_size_ || e.admin2 >= pool_size_) {
      return Corruption("gazetteer entry " + std::to_string(i) + ": string offset out of range");
    }
    if (e.level < 1 || e.level > 4) {
      return Corruption("gazetteer entry " + std::to_string(i) + ": bad level");
    }
    lens_[3 * size_t{i}] = measure(e.name);
    lens_[3 * size_t{i} + 1] = measure(e.admin1);
    lens_[3 * size_t{i} + 2] = measure(e.admin2);
  }
  const KeyRec* kr = reinterpret_cast<const KeyRec*>(keys_);
  for (uint32_t i = 0; i < n_keys_; ++i) {
    if (kr[i].post_begin > n_postings_ || kr[i].post_count > n_postings_ - kr[i].post_begin) {
      return Corruption("gazetteer key " + std::to_string(i) + ": postings out of range");
    }
    if (i > 0 && kr[i - 1].hash > kr[i].hash) return Corruption("gazetteer keys not sorted");
  }
  int bits = 1;
  while (bits < 24 && (size_t{1} << bits) < n_keys_ / 2) ++bits;
  radix_shift_ = 64 - bits;
  key_radix_.assign((size_t{1} << bits) + 1, n_keys_);
  for (uint32_t i = n_keys_; i-- > 0;) key_radix_[kr[i].hash >> radix_shift_] = i;
  // Empty buckets start where the next non-empty one does.
  for (size_t b = size_t{1} << bits; b-- > 0;) {
    key_radix_[b] = std::min(key_radix_[b], key_radix_[b + 1]);
  }
  for (uint32_t i = 0; i < n_postings_; ++i) {
    if (postings_[i].entry() >= n_entries_) {
      return Corruption("gazetteer posting " + std::to_string(i) + ": entry out of range");
    }
  }
  Result<MatchRules> rules = MatchRules::Parse(std::string_view(data_ + l.rules, h.rules_size));
  if (!rules.ok()) return Corruption("gazetteer rules: " + rules.status().message());
  rules_ = std::move(rules).value();
  return Status::Ok();
}

GazEntry Gazetteer::entry(uint32_t index) const {
  const EntryRec& e = reinterpret_cast<const EntryRec*>(entries_)[index];
  const uint16_t* lens = &lens_[3 * size_t{index}];
  auto str = [&](uint32_t offset, uint16_t len) {
    return len == kLongString ? std::string_view(pool_ + offset)
                              : std::string_view(pool_ + offset, len);
  };
  GazEntry g;
  g.index = index;
  g.id = e.id;
  g.name = str(e.name, lens[0]);
  g.country = CodeView(e.country, 2);
  g.admin1 = str(e.admin1, lens[1]);
  g.admin2 = str(e.admin2, lens[2]);
  g.lat = e.lat;
  g.lon = e.lon;
  g.population = e.population;
  g.feature_class = e.feature_class;
  g.feature_code = CodeView(e.feature_code, sizeof(e.feature_code));
  g.level = static_cast<GeoLevel>(e.level);
  return g;
}

std::span<const GazPosting> Gazetteer::LookupKey(std::string_view key) const {
  if (key.empty() || n_keys_ == 0) return {};
  const uint64_t h = GazKeyHash(key);
  const size_t bucket = h >> radix_shift_;
  const KeyRec* keys = reinterpret_cast<const KeyRec*>(keys_);
  const KeyRec* it = keys + key_radix_[bucket];
  const KeyRec* end = keys + key_radix_[bucket + 1];
  while (it != end && it->hash < h) ++it;
  if (it == end || it->hash != h) return {};
  return std::span<const GazPosting>(postings_ + it->post_begin, it->post_count);
}

std::span<const GazPosting> Gazetteer::Lookup(std::string_view name) const {
  return LookupKey(Key(name));
}

// ---------------------------------------------------------------------------------------------
// Writer

uint32_t GazetteerWriter::AddEntry(const Entry& e) {
  entries_.push_back(e);
  return static_cast<uint32_t>(entries_.size() - 1);
}

void GazetteerWriter::AddName(uint32_t index, std::string_view name, uint32_t flags) {
  const char* p = name.data();
  const int32_t n = static_cast<int32_t>(name.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0x250 || !u_isalpha(c)) continue;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &err);
    if (U_SUCCESS(err) && sc != USCRIPT_LATIN && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED) {
      flags |= GazPosting::kNative;
      break;
    }
  }
  AddKey(index, rules_.Key(name), flags);
}

void GazetteerWriter::AddKey(uint32_t index, std::string_view key, uint32_t flags) {
  if (key.empty()) return;
  posts_.push_back({GazKeyHash(key), index | flags});
}

std::string GazetteerWriter::Serialize() const {
  // String pool, deduplicated.
  std::string pool(1, '\0');
  std::unordered_map<std::string, uint32_t> offsets;
  offsets.emplace("", 0);
  auto intern = [&](const std::string& s) -> uint32_t {
    std::string clean = s;
    clean.erase(std::remove(clean.begin(), clean.end(), '\0'), clean.end());
    auto [it, inserted] = offsets.emplace(clean, static_cast<uint32_t>(pool.size()));
    if (inserted) {
      pool += clean;
      pool.push_back('\0');
    }
    return it->second;
  };
  std::vector<EntryRec> recs(entries_.size());
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    EntryRec& r = recs[i];
    std::memset(&r, 0, sizeof(r));
    r.id = e.id;
    r.name = intern(e.name);
    r.admin1 = intern(e.admin1);
    r.admin2 = intern(e.admin2);
    r.lat = static_cast<float>(e.lat);
    r.lon = static_cast<float>(e.lon);
    r.population = static_cast<uint32_t>(std::clamp<int64_t>(e.population, 0, UINT32_MAX));
    for (size_t k = 0; k < 2 && k < e.country.size(); ++k) r.country[k] = e.country[k];
    r.level = static_cast<uint8_t>(e.level);
    r.feature_class = e.feature_class;
    for (size_t k = 0; k < sizeof(r.feature_code) && k < e.feature_code.size(); ++k) {
      r.feature_code[k] = e.feature_code[k];
    }
  }
  // Postings grouped by hash; per (hash, entry) keep the official-name posting if any.
  std::vector<KeyPost> posts = posts_;
  std::sort(posts.begin(), posts.end(), [](const KeyPost& a, const KeyPost& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    uint32_t ea = a.posting & GazPosting::kEntryMask, eb = b.posting & GazPosting::kEntryMask;
    if (ea != eb) return ea < eb;
    // Official before alternate before demonym (kNative does not order).
    uint32_t fa = a.posting & ~GazPosting::kNative, fb = b.posting & ~GazPosting::kNative;
    return fa < fb;
  });
  std::vector<KeyRec> keys;
  std::vector<uint32_t> postings;
  for (size_t i = 0; i < posts.size();) {
    size_t j = i;
    KeyRec k{posts[i].hash, static_cast<uint32_t>(postings.size()), 0};
    uint32_t last_entry = UINT32_MAX;
    for (; j < posts.size() && posts[j].hash == posts[i].hash; ++j) {
      uint32_t e = posts[j].posting & GazPosting::kEntryMask;
      if (e == last_entry) {
        postings.back() |= posts[j].posting & GazPosting::kNative;
        continue;
      }
      last_entry = e;
      postings.push_back(posts[j].posting);
    }
    k.post_count = static_cast<uint32_t>(postings.size()) - k.post_begin;
    keys.push_back(k);
    i = j;
  }
  const std::string& rules = rules_.text();
  Layout l = ComputeLayout(recs.size(), keys.size(), postings.size(), pool.size(), rules.size());
  std::string out(l.end, '\0');
  Header h;
  std::memset(&h, 0, sizeof(h));
  std::memcpy(h.magic, kMagic, sizeof(kMagic));
  h.version = kVersion;
  h.endian = kEndianMarker;
  h.n_entries = static_cast<uint32_t>(recs.size());
  h.n_keys = static_cast<uint32_t>(keys.size());
  h.n_postings = static_cast<uint32_t>(postings.size());
  h.pool_size = static_cast<uint32_t>(pool.size());
  h.rules_size = static_cast<uint32_t>(rules.size());
  h.file_size = l.end;
  std::memcpy(out.data(), &h, sizeof(h));
  if (!recs.empty())
    std::memcpy(out.data() + l.entries, recs.data(), recs.size() * sizeof(EntryRec));
  if (!keys.empty()) std::memcpy(out.data() + l.keys, keys.data(), keys.size() * sizeof(KeyRec));
  if (!postings.empty()) {
    std::memcpy(out.data() + l.postings, postings.data(), postings.size() * sizeof(uint32_t));
  }
  std::memcpy(out.data() + l.pool, pool.data(), pool.size());
  std::memcpy(out.data() + l.rules, rules.data(), rules.size());
  return out;
}

}  // namespace sitrep
