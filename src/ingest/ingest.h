// Ingest: turns the user's input paths into Articles.
//
// Accepted inputs (by extension, or by sniffing the first bytes when the extension says nothing):
//   *.jsonl / *.ndjson  one article per line: doc_id (a string, or an integer taken as its
//                       decimal text), source, url, published (null or a date as feeds write it:
//                       ISO, RFC 2822, "March 5, 2024", "5 March 2024", "2024/03/05"; see
//                       feed_date.h), lang, text (see /shared/eval/README.md)
//   *.json              one article object, a list of them, or JSON lines
//   *.txt / *.text / *.md  one article; doc_id = file name without extension, source = file name,
//                       no publication date
//   *.html / *.htm      text extracted with a real HTML parser (see html.h)
//   a folder            every accepted file under it, recursively, in sorted path order; files
//                       of other types are skipped, counted (skipped_unknown) and named in a note
//   another file        named on the command line (a.csv, notes.log, README): read by its content
//                       (JSON lines, JSON, HTML, else one plain-text article when it is valid
//                       UTF-8 without NULs; otherwise skipped and reported), with a note saying so
//   -                   standard input: JSON lines when it looks like JSON lines, else one text
//
// Bad input never stops the rest: each problem adds ONE Status to IngestResult::errors whose
// message names the file, the line and the field ("seeds.jsonl:3: field 'text': expected a
// string"). Records without a usable doc_id or text are skipped; bad optional fields are
// reported and ignored. Invalid UTF-8 is repaired (U+FFFD) and reported; binary, empty,
// unreadable and over-size inputs are skipped and reported. When the same doc_id comes again
// with different text the first is kept and the repeat reported; an identical repeat is dropped
// silently. Missing `lang` is detected from the text; a missing `published` is taken from a date
// in the URL's path when it has one (url_date.h).
//
// Thread safety: ReadInputs is reentrant; it reads stdin when given "-".
#ifndef SITREP_INGEST_INGEST_H_
#define SITREP_INGEST_INGEST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/article.h"

namespace sitrep {

struct IngestOptions {
  size_t max_article_bytes = 20 << 20;  // larger texts (and files) are skipped with an error
  bool recurse = true;                  // descend into sub-folders
};

struct IngestResult {
  std::vector<Article> articles;  // in input order
  std::vector<Status> errors;     // one per problem, in input order
  size_t files = 0;               // files opened (stdin counts as one)
  size_t repeated = 0;            // identical records dropped (same doc_id, same text)
  // Files in folders skipped for an unknown extension (a.csv, b.pdf): not problems, but counted
  // so that the summary can say so.
  size_t skipped_unknown = 0;
  // What the user should know that is no problem: a named file of unknown type read by its
  // content, the skipped files of a folder (the first few named). One line each, in input order.
  std::vector<std::string> notes;
};

IngestResult ReadInputs(const std::vector<std::string>& paths, const IngestOptions& options);

// The pieces ReadInputs is built from, exposed for tests and for the server (which receives
// bodies rather than paths). `name` is what messages call the input. They append to *out.
void ReadJsonLines(std::string_view name, std::string_view data, const IngestOptions& options,
                   IngestResult* out);
void ReadPlainText(std::string_view name, std::string_view data, const IngestOptions& options,
                   IngestResult* out);
void ReadHtml(std::string_view name, std::string_view data, const IngestOptions& options,
              IngestResult* out);

}  // namespace sitrep

#endif  // SITREP_INGEST_INGEST_H_
