#include "text/text_analyzer.h"

#include <cstdint>
#include <span>
#include <vector>

namespace sitrep {

Result<std::unique_ptr<TextAnalyzer>> TextAnalyzer::Load(const std::string& data_dir) {
  auto ta = std::unique_ptr<TextAnalyzer>(new TextAnalyzer());
  Result<std::unique_ptr<Segmenter>> seg = Segmenter::Load(data_dir);
  if (!seg.ok()) return seg.status();
  Result<std::unique_ptr<QuantityParser>> qp = QuantityParser::Load(data_dir);
  if (!qp.ok()) return qp.status();
  Result<std::unique_ptr<TimexParser>> tp = TimexParser::Load(data_dir);
  if (!tp.ok()) return tp.status();
  ta->segmenter_ = std::move(seg).value();
  ta->quantities_ = std::move(qp).value();
  ta->timexes_ = std::move(tp).value();
  ta->timexes_->AddStartsTo(&ta->starts_);
  ta->quantities_->AddTriggersTo(&ta->starts_);
  return ta;
}

Doc TextAnalyzer::Analyze(std::string_view text, std::optional<CivilDate> published,
                          std::string_view lang) const {
  TokenKeys keys;
  return Analyze(text, published, lang, &keys);
}

Doc TextAnalyzer::Analyze(std::string_view text, std::optional<CivilDate> published,
                          std::string_view lang, TokenKeys* keys) const {
  Doc doc;
  // The tokens' keys, lower-cased and hashed once as the tokeniser makes the tokens, are looked
  // up by both finders (and handed on by the caller); so is the list of the tokens either
  // finder may start at, which the tokeniser makes as it goes too. Reused per thread.
  thread_local std::vector<uint32_t> cand;
  const std::span<const uint32_t> candidates =
      segmenter_->Segment(text, &doc, keys, starts_, &cand);
  doc.timexes = timexes_->Find(text, doc, *keys, published, candidates);
  doc.quantities = quantities_->Find(text, doc, *keys, lang, candidates);
  return doc;
}

}  // namespace sitrep
