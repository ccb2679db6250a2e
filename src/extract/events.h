// Event triggers: words and phrases that report violence ("suicide bombing", "opened fire",
// "clashes"), each mapped to an ACLED event type and sub-type with a priority (data file
// triggers.tsv). Load() compiles the table into a trie once; Find() is const and thread-safe.
#ifndef SITREP_EXTRACT_EVENTS_H_
#define SITREP_EXTRACT_EVENTS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/lexicon.h"

namespace sitrep {

struct TriggerHit {
  Span span;
  uint32_t word = 0;  // first word index in the WordStream
  uint32_t sentence = 0;
  uint32_t type = 0;  // index for TriggerLexicon::type()
  int priority = 0;
};

class TriggerLexicon {
 public:
  struct Type {
    std::string event_type;
    std::string sub_event_type;
    int priority = 0;
    bool denial = false;  // event_type kDenialType: the phrase reports no event
  };

  // The event_type of a denial row of triggers.tsv ("no arrests were made"): as the longest
  // match it hides the trigger it holds, and Find reports nothing there.
  static constexpr std::string_view kDenialType = "none";

  // `dir` holds the extract data files. Errors name the file and line.
  static Result<std::unique_ptr<TriggerLexicon>> Load(const std::string& dir);

  // Every trigger in text order (longest match at each position).
  std::vector<TriggerHit> Find(const WordStream& ws) const;
  const Type& type(uint32_t i) const { return types_[i]; }

  // Registers every trie of this lexicon with `index` (StartIndex); false when the index is
  // full. Call once, after Load.
  [[nodiscard]] bool RegisterTries(StartIndex* index);

 private:
  TriggerLexicon() = default;
  std::vector<Type> types_;
  PhraseTrie trie_;
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_EVENTS_H_
