// UrlDate: the publication date many news sites write into an article's address
// ("https://example.org/news/2024/03/27/story-slug", ".../2024-03-27/...", "/20240327/").
//
// Why: an article without a `published` field cannot resolve "yesterday" or give a year to
// "25 March"; wire archives and scraped feeds often lose the field but keep the URL. The date is
// used only when the input gives none.
//
// Accepted: a year 1990-2099, a month and a day that form a real calendar date, as whole path
// segments "/YYYY/MM/DD/" (the day segment may continue with a slug: "/27-story"), one segment
// "/YYYY-MM-DD" or "/YYYY_MM_DD" (followed by a non-digit), or eight digits "/YYYYMMDD" closed by
// '/' , '-', '_', '.' or the end. Only the path is read (not the host, query or fragment), the
// first date found wins, and "/YYYY/MM/" without a day gives nothing: a month alone is no date.
//
// Thread safety: a pure function.
#ifndef SITREP_INGEST_URL_DATE_H_
#define SITREP_INGEST_URL_DATE_H_

#include <optional>
#include <string_view>

#include "model/article.h"

namespace sitrep {

std::optional<CivilDate> DateFromUrl(std::string_view url);

}  // namespace sitrep

#endif  // SITREP_INGEST_URL_DATE_H_
