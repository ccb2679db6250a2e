// UTF-8 validation and repair for article text.
//
// IsValidUtf8 follows the Unicode definition strictly: overlong forms, surrogates (U+D800..DFFF),
// code points above U+10FFFF and truncated sequences are invalid; NUL bytes ARE valid UTF-8.
// RepairUtf8 replaces every maximal invalid subpart (Unicode's "best practice", the same
// substitution ICU and browsers make) with U+FFFD and also turns NUL bytes into spaces, so text
// that passes IsValidUtf8 can still be changed by RepairUtf8 when it contains NULs; callers that
// must be NUL-free should call RepairUtf8 and look at *n_repaired.
//
// Both are pure functions, safe from any thread. ASCII runs are checked 8 bytes at a time.
#ifndef SITREP_TEXT_UTF8_H_
#define SITREP_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sitrep {

// True when `s` is well-formed UTF-8. On false, *first_bad (if given) is the byte offset of the
// first ill-formed sequence.
bool IsValidUtf8(std::string_view s, size_t* first_bad = nullptr);

// A copy of `s` with each ill-formed subpart replaced by U+FFFD and each NUL by ' '.
// *n_repaired (if given) counts the replacements made (0 when `s` comes back unchanged).
std::string RepairUtf8(std::string_view s, size_t* n_repaired);

}  // namespace sitrep

#endif  // SITREP_TEXT_UTF8_H_
