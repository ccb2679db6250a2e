#include "extract/events.h"

#include <cstdlib>

namespace sitrep {

Result<std::unique_ptr<TriggerLexicon>> TriggerLexicon::Load(const std::string& dir) {
  std::unique_ptr<TriggerLexicon> lex(new TriggerLexicon());
  Status st = ForEachTsvRow(dir + "/triggers.tsv", 4, [&](const auto& cols, int) -> Status {
    Type t;
    t.event_type = std::string(cols[1]);
    t.sub_event_type = std::string(cols[2]);
    char* endp = nullptr;
    std::string pr(cols[3]);
    t.priority = static_cast<int>(std::strtol(pr.c_str(), &endp, 10));
    if (endp == pr.c_str()) return InvalidArgument("priority is not a number");
    t.denial = t.event_type == kDenialType;
    uint32_t id = static_cast<uint32_t>(lex->types_.size());
    lex->types_.push_back(std::move(t));
    for (std::string_view p : SplitBar(cols[0])) lex->trie_.Add(p, id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return lex;
}

bool TriggerLexicon::RegisterTries(StartIndex* index) { return index->Register(&trie_); }

std::vector<TriggerHit> TriggerLexicon::Find(const WordStream& ws) const {
  const WordStream& w = ws;
  std::vector<TriggerHit> out;
  // Only words where a trigger may start are looked at: Match finds nothing at the others.
  for (size_t i = trie_.Next(ws, 0, w.size()); i < w.size(); i = trie_.Next(ws, i, w.size())) {
    uint32_t payload = 0;
    size_t len = trie_.Match(w, i, ws.sentence_end(w[i].sentence), &payload);
    if (len == 0) {
      ++i;
      continue;
    }
    // A denial ("no arrests were made") is matched only to hide the trigger inside it.
    if (types_[payload].denial) {
      i += len;
      continue;
    }
    TriggerHit h;
    h.span = {w[i].span.begin, w[i + len - 1].span.end};
    h.word = static_cast<uint32_t>(i);
    h.sentence = w[i].sentence;
    h.type = payload;
    h.priority = types_[payload].priority;
    out.push_back(h);
    i += len;
  }
  return out;
}

}  // namespace sitrep
