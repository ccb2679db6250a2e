// FeedDate: the `published` value of an input record, in the forms feeds and converted tables
// write it.
//
// Accepted (surrounding blanks ignored; what follows the date after a blank, a 'T' or a comma,
// such as a clock time and a zone, is not read):
//   "2024-03-05", "2024-03-05T14:03:00Z", "2024-03-05 14:03"     ISO 8601 (the date part)
//   "2024/03/05", "2024/3/5 14:03"                                year/month/day
//   "Tue, 05 Mar 2024 14:03:00 +0000"                            RFC 2822 (RSS pubDate)
//   "5 March 2024", "05 Mar. 2024", "Tuesday, 5 March 2024"      day month year
//   "March 5, 2024", "Mar. 5 2024", "Tuesday, March 5, 2024"     month day, year
// Month and weekday names are those of <data_dir>/text/months.tsv and weekdays.tsv (the timex
// tables: any language they list, matched case-insensitively, an abbreviation may end in '.').
// The date is the one written (a zone offset does not move it to UTC), it must exist in the
// calendar (no 31 April), and the year has four digits. Anything else is nullopt: the caller
// reports the field and keeps the article without a date.
//
// Thread safety: the tables load once, on first use, from DataDir() (base/data_dir.h); a
// missing table leaves only the numeric forms. Safe to call from many threads.
#ifndef SITREP_INGEST_FEED_DATE_H_
#define SITREP_INGEST_FEED_DATE_H_

#include <optional>
#include <string_view>

#include "model/article.h"

namespace sitrep {

std::optional<CivilDate> ParseFeedDate(std::string_view s);

}  // namespace sitrep

#endif  // SITREP_INGEST_FEED_DATE_H_
