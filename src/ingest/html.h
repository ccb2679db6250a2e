// Text extraction from HTML pages with gumbo (a conforming HTML5 parser).
//
// Keeps the article: when the page has exactly one <article> (or else one <main>) only that is
// read, and page furniture is dropped: elements listed in data/ingest/html.tsv (script, style,
// nav, header, footer, aside, ...), ARIA roles such as navigation, and elements whose class or id
// names boilerplate (share, related, comments, ...) unless they hold the headline or the article.
// Block elements become line breaks, runs of white space one space. The headline (og:title or
// <title>) is the first line unless the article has its own <h1>. Entities are decoded by gumbo.
//
// The rules are loaded once from the data dir; thread-safe afterwards.
#ifndef SITREP_INGEST_HTML_H_
#define SITREP_INGEST_HTML_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "model/article.h"

namespace sitrep {

struct HtmlDocument {
  std::string text;  // the article's text, UTF-8
  std::string title;
  std::optional<CivilDate> published;  // from <meta article:published_time> and the like
  std::string url;                     // <link rel=canonical> or og:url
  std::string lang;                    // from <html lang>, two letters, "" when absent
};

// Fails when the rules file cannot be loaded (the message names it) or when the markup is
// nested absurdly deep (thousands of levels; the parser would take quadratic time).
Result<HtmlDocument> ExtractHtml(std::string_view html);

}  // namespace sitrep

#endif  // SITREP_INGEST_HTML_H_
