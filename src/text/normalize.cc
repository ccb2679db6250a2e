#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <memory>

#include "base/data_dir.h"

namespace sitrep {
namespace {

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

icu::UnicodeString FromUtf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// The prototype transliterator, built once: the rules of <data dir>/text/translit.txt, or ICU's
// "Any-Latin; Latin-ASCII" when that file cannot be read or parsed; nullptr if neither builds.
const icu::Transliterator* Prototype() {
  static const icu::Transliterator* proto = []() -> icu::Transliterator* {
    UErrorCode status = U_ZERO_ERROR;
    Result<std::string> rules = ReadFile(DataPath("text/translit.txt"));
    if (rules.ok()) {
      UParseError perr;
      icu::Transliterator* t = icu::Transliterator::createFromRules(
          "sitrep-ascii", FromUtf8(*rules), UTRANS_FORWARD, perr, status);
      if (U_SUCCESS(status) && t != nullptr) return t;
      delete t;
      status = U_ZERO_ERROR;
    }
    icu::Transliterator* t =
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status);
    if (U_FAILURE(status)) {
      delete t;
      return nullptr;
    }
    return t;
  }();
  return proto;
}

}  // namespace

std::string NormalizeNfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || IsAscii(s)) return std::string(s);
  icu::UnicodeString u = FromUtf8(s);
  if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return std::string(s);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(s);
  return ToUtf8(out);
}

std::string FoldForMatch(std::string_view s) {
  if (IsAscii(s)) {
    std::string out(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString u = nfkd->normalize(FromUtf8(s), status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) {
      UErrorCode sc = U_ZERO_ERROR;
      // Marks of the Inherited script are diacritics on another script's letters; marks that
      // belong to a script (Devanagari vowel signs) are part of the spelling and stay, and so
      // do the Arabic hamza and madda (U+0653..0655), which make letters of their own (ئ, آ).
      if (uscript_getScript(c, &sc) == USCRIPT_INHERITED && (c < 0x0653 || c > 0x0655)) continue;
    }
    switch (c) {
      case 0x2018:
      case 0x2019:
      case 0x02BC:
        c = '\'';
        break;
      case 0x201C:
      case 0x201D:
        c = '"';
        break;
      default:
        break;
    }
    kept.append(c);
  }
  kept.foldCase();
  // Recompose what is left (ئ = ي + hamza) so keys compare equal to NFC text of other scripts.
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return ToUtf8(kept);
  icu::UnicodeString composed = nfc->normalize(kept, status);
  return ToUtf8(U_SUCCESS(status) ? composed : kept);
}

std::string Transliterate(std::string_view s) {
  if (IsAscii(s)) return std::string(s);
  const icu::Transliterator* proto = Prototype();
  if (proto == nullptr) return std::string(s);
  thread_local std::unique_ptr<icu::Transliterator> mine(proto->clone());
  if (!mine) return std::string(s);
  icu::UnicodeString u = FromUtf8(s);
  mine->transliterate(u);
  return ToUtf8(u);
}

}  // namespace sitrep
