#include "text/text_analyzer.h"

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
  // up by both finders (and handed on by the caller).
  segmenter_->Segment(text, &doc, keys);
  doc.timexes = timexes_->Find(text, doc, *keys, published);
  doc.quantities = quantities_->Find(text, doc, *keys, lang);
  return doc;
}

}  // namespace sitrep
