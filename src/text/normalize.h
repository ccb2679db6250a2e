// Unicode normalisation for matching names and words across spellings, built on ICU.
//
//   NormalizeNfc("Cafe\u0301")  -> "Café" (composed)
//   FoldForMatch("Śrī NAGAR")   -> "sri nagar": NFKD, drop combining marks of the Inherited
//                                   script (Latin accents, Arabic harakat but not hamza/madda),
//                                   case-fold, curly quotes to ASCII, NFC. Letters of other
//                                   scripts are kept (Devanagari vowel signs are NOT stripped).
//   Transliterate("Москва")      -> "Moskva": ASCII via the ICU rules in
//                                   <DataDir()>/text/translit.txt (Urdu letters, then
//                                   "Any-Latin; Latin-ASCII", then any leftover non-ASCII dropped);
//                                   plain "Any-Latin; Latin-ASCII" if that file is unreadable.
//
// Thread safety: all three are safe to call from any thread at once. The ICU normalisers are
// immutable singletons; the transliterator is built once (the first call pays ~10-50 ms) and each
// thread uses its own clone, because ICU Transliterator objects are not thread-safe.
// Input that is not valid UTF-8 is read as if repaired (ill-formed bytes become U+FFFD).
// On an ICU failure (should not happen) the input is returned unchanged.
//
//   IsAscii("Sindh") -> true, IsAscii("Şam") -> false: whether no byte has its high bit set, the
//                       test that lets ASCII text skip the ICU paths. Pure.
#ifndef SITREP_TEXT_NORMALIZE_H_
#define SITREP_TEXT_NORMALIZE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace sitrep {

// Eight bytes at a time, inline: the geocoder asks it of names on its hot path.
inline bool IsAscii(std::string_view s) {
  const char* p = s.data();
  const char* const stop = p + s.size();
  uint64_t high = 0;
  for (; stop - p >= 8; p += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    high |= chunk;
  }
  for (; p < stop; ++p) high |= static_cast<unsigned char>(*p);
  return (high & 0x8080808080808080ULL) == 0;
}

std::string NormalizeNfc(std::string_view s);
std::string FoldForMatch(std::string_view s);
std::string Transliterate(std::string_view s);

}  // namespace sitrep

#endif  // SITREP_TEXT_NORMALIZE_H_
