#include "ingest/ingest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/guard_page_test_util.h"
#include "ingest/html.h"
#include "text/utf8.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("sitrep_ingest_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& rel, const std::string& content) {
    fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  fs::path dir_;
};

std::string Messages(const IngestResult& r) {
  std::string s;
  for (const Status& e : r.errors) s += e.message() + "\n";
  return s;
}

TEST_F(IngestTest, JsonLinesGoodAndBadLines) {
  const std::string path = Write(
      "in.jsonl",
      "{\"doc_id\": \"a1\", \"source\": \"Daily Example\", \"url\": \"http://x.test/a\","
      " \"published\": \"2024-03-05\", \"lang\": \"en\", \"text\": \"Gunmen attacked a bus.\"}\n"
      "\n"
      "{\"doc_id\": \"a2\", \"text\": \"A second report about the bus.\", \"published\": null}\n"
      "{\"doc_id\": \"a3\", \"text\": \"truncated li\n"
      "{\"doc_id\": \"a4\", \"text\": 42}\n"
      "{\"text\": \"no identifier here\"}\n"
      "{\"doc_id\": \"a5\", \"text\": \"A fine text.\", \"published\": \"last week\"}\n"
      "[1, 2, 3]\n");
  IngestResult r = ReadInputs({path}, IngestOptions());
  ASSERT_EQ(r.articles.size(), 3u) << Messages(r);
  EXPECT_EQ(r.files, 1u);
  EXPECT_EQ(r.articles[0].doc_id, "a1");
  EXPECT_EQ(r.articles[0].source, "Daily Example");
  EXPECT_EQ(r.articles[0].url, "http://x.test/a");
  ASSERT_TRUE(r.articles[0].published.has_value());
  EXPECT_EQ(r.articles[0].published->ToIso(), "2024-03-05");
  EXPECT_EQ(r.articles[0].lang, "en");
  EXPECT_EQ(r.articles[0].origin, path + ":1");
  EXPECT_EQ(r.articles[1].doc_id, "a2");
  EXPECT_FALSE(r.articles[1].published.has_value());
  EXPECT_EQ(r.articles[1].source, "in.jsonl");  // defaults to the file name
  EXPECT_EQ(r.articles[2].doc_id, "a5");        // kept: only its date was bad
  EXPECT_FALSE(r.articles[2].published.has_value());

  ASSERT_EQ(r.errors.size(), 5u) << Messages(r);
  EXPECT_EQ(r.errors[0].message(),
            path + ":4: not valid JSON (truncated or malformed line); skipped");
  EXPECT_EQ(r.errors[1].message(), path + ":5: field 'text': expected a string; skipped");
  EXPECT_EQ(r.errors[2].message(), path + ":6: field 'doc_id': missing; skipped");
  EXPECT_NE(r.errors[3].message().find(":7: field 'published'"), std::string::npos);
  EXPECT_NE(r.errors[4].message().find(":8: expected a JSON object"), std::string::npos);
  // Every message about a dropped line says so.
  EXPECT_NE(r.errors[4].message().find("; skipped"), std::string::npos);
  EXPECT_NE(r.errors[3].message().find("ignored, the article is kept"), std::string::npos);
}

TEST_F(IngestTest, IntegerDocIdIsItsDecimalTextFloatAndBoolAreErrors) {
  const std::string path = Write("ids.jsonl",
                                 "{\"doc_id\": 7, \"text\": \"Seventh row of a table.\"}\n"
                                 "{\"doc_id\": -12, \"text\": \"A negative row number.\"}\n"
                                 "{\"doc_id\": 7.5, \"text\": \"Not a whole number.\"}\n"
                                 "{\"doc_id\": 1e3, \"text\": \"An exponent is a float.\"}\n"
                                 "{\"doc_id\": true, \"text\": \"A flag is no id.\"}\n");
  IngestResult r = ReadInputs({path}, IngestOptions());
  ASSERT_EQ(r.articles.size(), 2u) << Messages(r);
  EXPECT_EQ(r.articles[0].doc_id, "7");
  EXPECT_EQ(r.articles[1].doc_id, "-12");
  ASSERT_EQ(r.errors.size(), 3u) << Messages(r);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.errors[i].message(), path + ":" + std::to_string(i + 3) +
                                         ": field 'doc_id': expected a string or an integer; "
                                         "skipped");
  }
}

TEST_F(IngestTest, PublishedAcceptsFeedDateFormats) {
  const std::string path =
      Write("feed.jsonl",
            "{\"doc_id\": \"r\", \"text\": \"One.\", \"published\": \"Tue, 05 Mar 2024 14:03:00 "
            "+0000\"}\n"
            "{\"doc_id\": \"m\", \"text\": \"Two.\", \"published\": \"March 6, 2024\"}\n"
            "{\"doc_id\": \"d\", \"text\": \"Three.\", \"published\": \"7 March 2024\"}\n"
            "{\"doc_id\": \"s\", \"text\": \"Four.\", \"published\": \"2024/03/08\"}\n"
            "{\"doc_id\": \"x\", \"text\": \"Five.\", \"published\": \"soon\", "
            "\"url\": \"https://example.test/2024/03/09/story\"}\n"
            "{\"doc_id\": \"y\", \"text\": \"Six.\", \"published\": \"31 April 2024\"}\n");
  IngestResult r = ReadInputs({path}, IngestOptions());
  ASSERT_EQ(r.articles.size(), 6u) << Messages(r);
  const char* want[] = {"2024-03-05", "2024-03-06", "2024-03-07", "2024-03-08"};
  for (size_t i = 0; i < 4; ++i) {
    ASSERT_TRUE(r.articles[i].published.has_value()) << i;
    EXPECT_EQ(r.articles[i].published->ToIso(), want[i]);
  }
  // An unparseable date is a warning; the article stays, dated from its URL when that can.
  ASSERT_TRUE(r.articles[4].published.has_value());
  EXPECT_EQ(r.articles[4].published->ToIso(), "2024-03-09");
  EXPECT_FALSE(r.articles[5].published.has_value());
  ASSERT_EQ(r.errors.size(), 2u) << Messages(r);
  EXPECT_EQ(
      r.errors[0].message().rfind(path + ":5: field 'published': unrecognised date \"soon\"", 0),
      0u);
  EXPECT_NE(r.errors[1].message().find(":6: field 'published'"), std::string::npos);
}

TEST_F(IngestTest, InvalidUtf8IsRepairedAndReported) {
  const std::string path =
      Write("bad.jsonl", "{\"doc_id\": \"u1\", \"text\": \"Caf\xC3 bomb \xFF blast\"}\n");
  IngestResult r = ReadInputs({path}, IngestOptions());
  ASSERT_EQ(r.articles.size(), 1u) << Messages(r);
  EXPECT_NE(r.articles[0].text.find("\xEF\xBF\xBD"), std::string::npos);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message().find("bad.jsonl:1: invalid UTF-8"), std::string::npos);
}

TEST_F(IngestTest, DuplicateDocIdKeepsFirst) {
  const std::string path = Write("d.jsonl",
                                 "{\"doc_id\": \"x\", \"text\": \"first version\"}\n"
                                 "{\"doc_id\": \"x\", \"text\": \"first version\"}\n"
                                 "{\"doc_id\": \"x\", \"text\": \"second version\"}\n");
  IngestResult r = ReadInputs({path}, IngestOptions());
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "first version");
  EXPECT_EQ(r.repeated, 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code(), StatusCode::kAlreadyExists);
  EXPECT_NE(r.errors[0].message().find("d.jsonl:3: field 'doc_id': 'x' already read from"),
            std::string::npos);
}

TEST_F(IngestTest, FolderCountsAndNamesFilesOfUnknownType) {
  Write("folder/story.txt", "A story.");
  for (const char* name : {"a.csv", "b.pdf", "c.xlsx", "d.doc", "e.odt", "sub/f.csv"}) {
    Write(std::string("folder/") + name, "a,b\n");
  }
  IngestResult r = ReadInputs({(dir_ / "folder").string()}, IngestOptions());
  ASSERT_EQ(r.articles.size(), 1u) << Messages(r);
  EXPECT_TRUE(r.errors.empty()) << Messages(r);
  EXPECT_EQ(r.skipped_unknown, 6u);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0], (dir_ / "folder").string() +
                            ": skipped 6 files of unknown type: a.csv, b.pdf, c.xlsx, d.doc, "
                            "e.odt, ...");
}

TEST_F(IngestTest, NamedFileOfUnknownTypeIsReadByContentWithANote) {
  const std::string csv = Write("table.csv", "id,text\n1,Gunmen attacked a bus.\n");
  const std::string log = Write("feed.log", "{\"doc_id\": \"j\", \"text\": \"A line.\"}\n");
  const std::string latin1 = Write("old.csv", "Caf\xE9 bomb, a Latin-1 file\n");
  IngestResult r = ReadInputs({csv, log, latin1}, IngestOptions());
  ASSERT_EQ(r.articles.size(), 2u) << Messages(r);
  EXPECT_EQ(r.articles[0].doc_id, "table");  // one plain-text article
  EXPECT_EQ(r.articles[1].doc_id, "j");
  ASSERT_EQ(r.notes.size(), 2u);
  EXPECT_EQ(r.notes[0].rfind(csv + ": unknown file type", 0), 0u);
  EXPECT_NE(r.notes[0].find("read as one plain-text article"), std::string::npos);
  EXPECT_NE(r.notes[1].find("read as JSON lines"), std::string::npos);
  // Not UTF-8: skipped rather than made into an article full of U+FFFD.
  ASSERT_EQ(r.errors.size(), 1u) << Messages(r);
  EXPECT_EQ(r.errors[0].message().rfind(latin1 + ": unknown file type", 0), 0u);
  EXPECT_NE(r.errors[0].message().find("not UTF-8 text; skipped"), std::string::npos);
}

TEST_F(IngestTest, TextFolderRecursiveSortedAndSkipsJunk) {
  Write("folder/b.txt", "Second story text.");
  Write("folder/sub/a.txt", "First story text.");
  Write("folder/empty.txt", "  \n");
  Write("folder/blob.txt", std::string("PK\x03\x04\0\0\0\0binary", 14));
  Write("folder/picture.jpg", "not read at all");
  Write("folder/.hidden.txt", "hidden");
  IngestResult r = ReadInputs({(dir_ / "folder").string()}, IngestOptions());
  ASSERT_EQ(r.articles.size(), 2u) << Messages(r);
  EXPECT_EQ(r.articles[0].doc_id, "b");  // sorted by path: folder/b.txt < folder/sub/a.txt
  EXPECT_EQ(r.articles[0].source, "b.txt");
  EXPECT_FALSE(r.articles[0].published.has_value());
  EXPECT_EQ(r.articles[1].doc_id, "a");
  EXPECT_EQ(r.articles[1].text, "First story text.");
  ASSERT_EQ(r.errors.size(), 2u) << Messages(r);
  EXPECT_NE(Messages(r).find("blob.txt: looks like a binary file"), std::string::npos);
  EXPECT_NE(Messages(r).find("empty.txt: empty file"), std::string::npos);
}

// A file is taken for binary when over 1% of its first 64 KiB are NUL bytes or over 5% are NUL
// or control bytes; tab, line breaks, form feed, vertical tab and ESC are text. The limits are
// exact wherever the bytes fall (in whole 16-byte steps or the tail after them).
TEST_F(IngestTest, BinaryFilesAreToldByTheirShareOfControlBytes) {
  auto text_with = [](size_t n, char c, size_t count, size_t stride) {
    std::string t(n, 'a');
    for (size_t i = 0; i < n; i += 7) t[i] = ' ';
    for (size_t k = 0; k < count; ++k) t[(k * stride + 3) % n] = c;
    return t;
  };
  auto binary = [&](const std::string& content) {
    IngestResult r = ReadInputs({Write("f.txt", content)}, IngestOptions());
    for (const Status& e : r.errors) {
      if (e.message().find("looks like a binary file") != std::string::npos) return true;
    }
    return false;
  };
  for (size_t stride : {1, 5, 17, 61}) {
    SCOPED_TRACE(stride);
    EXPECT_FALSE(binary(text_with(1000, '\x01', 50, stride)));  // 5%: still text
    EXPECT_TRUE(binary(text_with(1000, '\x01', 51, stride)));
    EXPECT_FALSE(binary(text_with(1000, '\0', 10, stride)));  // 1% of NULs: still text
    EXPECT_TRUE(binary(text_with(1000, '\0', 11, stride)));
    EXPECT_TRUE(binary(text_with(1003, '\x1f', 51, stride)));
    for (char c : {'\t', '\n', '\v', '\f', '\r', '\x1b'}) {
      EXPECT_FALSE(binary(text_with(1000, c, 300, stride))) << static_cast<int>(c);
    }
  }
  // Only the first 64 KiB count.
  std::string late(70000, 'a');
  for (size_t i = 66000; i < 70000; ++i) late[i] = '\x02';
  EXPECT_FALSE(binary(late));
}

TEST_F(IngestTest, MissingPathAndOversizeArticle) {
  IngestOptions small;
  small.max_article_bytes = 10;
  const std::string big = Write("big.txt", "This text is longer than ten bytes.");
  const std::string jl =
      Write("big.jsonl", "{\"doc_id\": \"b\", \"text\": \"also far too long\"}\n");
  IngestResult r = ReadInputs({(dir_ / "nope.txt").string(), big, jl}, small);
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.errors.size(), 3u) << Messages(r);
  EXPECT_EQ(r.errors[0].code(), StatusCode::kNotFound);
  EXPECT_NE(r.errors[1].message().find("over the limit of 10"), std::string::npos);
  EXPECT_NE(r.errors[2].message().find("big.jsonl:1: field 'text':"), std::string::npos);
}

TEST_F(IngestTest, SingleJsonObjectAndList) {
  const std::string one = Write("one.json", "{\"doc_id\": \"j1\", \"text\": \"One article.\"}");
  const std::string many =
      Write("many.json",
            "[{\"doc_id\": \"j2\", \"text\": \"Two.\"}, {\"doc_id\": 3.5, \"text\": \"x\"}]");
  IngestResult r = ReadInputs({one, many}, IngestOptions());
  ASSERT_EQ(r.articles.size(), 2u) << Messages(r);
  EXPECT_EQ(r.articles[0].doc_id, "j1");
  EXPECT_EQ(r.articles[1].doc_id, "j2");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message().find("many.json[1]: field 'doc_id': expected a string"),
            std::string::npos);
}

TEST_F(IngestTest, HtmlDropsBoilerplateKeepsTitleAndDate) {
  const std::string html = R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Blast hits market - The Example Times</title>
<meta property="og:title" content="Blast hits market">
<meta property="article:published_time" content="2023-11-02T08:15:00Z">
<link rel="canonical" href="https://example.test/news/blast">
<style>p { color: red }</style>
<script>var tracking = "do not keep";</script>
</head><body>
<header><a href="/">Home</a> | <a href="/world">World</a></header>
<nav><ul><li>Politics</li><li>Sport</li></ul></nav>
<div class="content">
<p>A bomb exploded in a crowded market on Thursday,&nbsp;police said.</p>
<p>At least seven people were <b>wounded</b> in the blast.</p>
<div class="social-share">Share on Facebook</div>
</div>
<aside>Most read: something else entirely</aside>
<footer>Copyright 2023</footer>
</body></html>)";
  Result<HtmlDocument> doc = ExtractHtml(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->text,
            "Blast hits market\n"
            "A bomb exploded in a crowded market on Thursday,\xC2\xA0police said.\n"
            "At least seven people were wounded in the blast.");
  ASSERT_TRUE(doc->published.has_value());
  EXPECT_EQ(doc->published->ToIso(), "2023-11-02");
  EXPECT_EQ(doc->url, "https://example.test/news/blast");
  EXPECT_EQ(doc->lang, "en");
  EXPECT_EQ(doc->title, "Blast hits market");

  const std::string path = Write("story.html", html);
  IngestResult r = ReadInputs({path}, IngestOptions());
  ASSERT_EQ(r.articles.size(), 1u) << Messages(r);
  EXPECT_EQ(r.articles[0].doc_id, "story");
  EXPECT_EQ(r.articles[0].source, "story.html");
  EXPECT_EQ(r.articles[0].text, doc->text);
}

TEST_F(IngestTest, HtmlPrefersSingleArticleAndItsHeadline) {
  const std::string html = R"(<html><body>
<div class="sidebar"><p>Weather: sunny</p></div>
<article><h1>Clashes in the north</h1><time datetime="2022-06-30">June 30</time>
<p>Fighting broke out near the border.</p></article>
<div>Unrelated teaser text</div>
</body></html>)";
  Result<HtmlDocument> doc = ExtractHtml(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "Clashes in the north\nJune 30\nFighting broke out near the border.");
  ASSERT_TRUE(doc->published.has_value());
  EXPECT_EQ(doc->published->ToIso(), "2022-06-30");
}

TEST_F(IngestTest, HtmlDeepNesting) {
  // Deep but allowed: text below the walk's depth cut is dropped, nothing crashes.
  std::string html = "<html><body><p>Kept at the top.</p>";
  for (int i = 0; i < 1500; ++i) html += "<span>";
  html += "lost in the depths";
  Result<HtmlDocument> doc = ExtractHtml(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "Kept at the top.");
  // Absurdly deep: refused before parsing, with a message naming the file.
  for (int i = 0; i < 100000; ++i) html += "<div>";
  EXPECT_FALSE(ExtractHtml(html).ok());
  const std::string path = Write("deep.html", html);
  IngestResult r = ReadInputs({path}, IngestOptions());
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message().find("deep.html: HTML nested more than"), std::string::npos);
  // Many unclosed paragraphs are normal HTML, not depth.
  std::string flat = "<html><body>";
  for (int i = 0; i < 5000; ++i) flat += "<p>line";
  EXPECT_TRUE(ExtractHtml(flat).ok());
}

TEST_F(IngestTest, HtmlHugeCharacterReferenceStaysValidUtf8) {
  // gumbo's code point arithmetic overflows on references this long (found by html_fuzz); the
  // text handed on must still be valid UTF-8 and keep the words around the reference.
  for (const char* html : {"<p>Before &#x1F4ACCCCCCCCCCCCCCCCCCCCCCCCCCCC5; after</p>",
                           "<title>T &#99999999999999999999999; x</title><p>Body</p>"}) {
    Result<HtmlDocument> doc = ExtractHtml(html);
    ASSERT_TRUE(doc.ok());
    EXPECT_TRUE(IsValidUtf8(doc->text)) << html;
    EXPECT_TRUE(IsValidUtf8(doc->title)) << html;
  }
  Result<HtmlDocument> doc = ExtractHtml("<p>Before &#x1F4ACCCCCCCCCCCCCCCCCCCCCC; after</p>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text.rfind("Before ", 0), 0u);
  EXPECT_NE(doc->text.find(" after"), std::string::npos);
}

TEST_F(IngestTest, ReadJsonLinesFromMemoryHandlesCrLf) {
  IngestResult r;
  ReadJsonLines("mem",
                "{\"doc_id\":\"m1\",\"text\":\"One.\"}\r\n{\"doc_id\":\"m2\",\"text\":\"Two.\"}",
                IngestOptions(), &r);
  ASSERT_EQ(r.articles.size(), 2u) << Messages(r);
  EXPECT_EQ(r.articles[1].origin, "mem:2");
  EXPECT_TRUE(r.errors.empty());
}

// The direct scanner for plain records and the general JSON parser must read every record the
// same way; these lines mix what the scanner takes with what it hands over.
TEST_F(IngestTest, JsonLinesEscapesAndUnusualRecords) {
  IngestResult r;
  ReadJsonLines(
      "mem",
      // 1: every escape, a surrogate pair, spaces around tokens, unused scalar fields
      " { \"doc_id\" : \"e1\" , \"extra\": -12.5e+3, \"flag\": true, \"none\": null,"
      " \"text\": \"Q\\\"b\\\\s\\/l\\b\\f\\n\\r\\t \\u00e9\\u20AC \\ud83d\\ude00 end\","
      " \"lang\": \"EN\", \"source\": null, \"published\": \"2024-05-06T07:08:09Z\" } \n"
      // 2: a nested field: the general path, same result
      "{\"doc_id\":\"e2\",\"meta\":{\"a\":[1,2]},\"text\":\"Nested meta.\",\"url\":\"u\"}\n"
      // 3: a repeated key: JSON's last one wins
      "{\"doc_id\":\"x\",\"doc_id\":\"e3\",\"text\":\"Repeated key.\"}\n"
      // 4: a lone surrogate is not valid JSON
      "{\"doc_id\":\"e4\",\"text\":\"bad \\ud800 surrogate\"}\n"
      // 5: a raw control byte inside a string is not valid JSON
      "{\"doc_id\":\"e5\",\"text\":\"tab\there\"}\n"
      // 6: an escaped NUL becomes a space (repaired and reported)
      "{\"doc_id\":\"e6\",\"text\":\"nul\\u0000byte\"}\n"
      // 7: trailing garbage after the object
      "{\"doc_id\":\"e7\",\"text\":\"Fine.\"} x\n"
      // 8: a bad number in an unused field
      "{\"doc_id\":\"e8\",\"n\":01,\"text\":\"Fine.\"}\n"
      // 9: empty doc_id
      "{\"doc_id\":\"\",\"text\":\"Fine.\"}\n"
      // 10: an escaped key
      "{\"doc_\\u0069d\":\"e10\",\"text\":\"Escaped key.\"}\n",
      IngestOptions(), &r);
  ASSERT_EQ(r.articles.size(), 5u) << Messages(r);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.doc_id, "e1");
  EXPECT_EQ(a.text, "Q\"b\\s/l\b\f\n\r\t \xc3\xa9\xe2\x82\xac \xf0\x9f\x98\x80 end");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.source, "mem");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->ToIso(), "2024-05-06");
  EXPECT_EQ(a.origin, "mem:1");
  EXPECT_EQ(r.articles[1].doc_id, "e2");
  EXPECT_EQ(r.articles[1].url, "u");
  EXPECT_EQ(r.articles[2].doc_id, "e3");
  EXPECT_EQ(r.articles[3].doc_id, "e6");
  EXPECT_EQ(r.articles[3].text, "nul byte");
  EXPECT_EQ(r.articles[4].doc_id, "e10");
  ASSERT_EQ(r.errors.size(), 6u) << Messages(r);
  EXPECT_EQ(r.errors[0].message(), "mem:4: not valid JSON (truncated or malformed line); skipped");
  EXPECT_EQ(r.errors[1].message(), "mem:5: not valid JSON (truncated or malformed line); skipped");
  EXPECT_EQ(r.errors[2].message(),
            "mem:6: field 'text': invalid UTF-8 or NUL bytes, 1 sequence(s) replaced");
  EXPECT_EQ(r.errors[3].message(), "mem:7: not valid JSON (truncated or malformed line); skipped");
  EXPECT_EQ(r.errors[4].message(), "mem:8: not valid JSON (truncated or malformed line); skipped");
  EXPECT_EQ(r.errors[5].message(), "mem:9: field 'doc_id': empty; skipped");
}

// The scanner steps over plain string bytes 32 at a time (then 16, then one): escapes, the
// closing quote and raw control bytes must be found at every offset within a step, after plain
// bytes of every kind (ASCII, space, DEL, bytes of multi-byte characters, bytes just above the
// special ones).
TEST_F(IngestTest, JsonLinesStringsFindSpecialBytesAtEveryOffset) {
  const std::string plain_kinds[] = {"a", " ", "\x7f", "\xc3\xa9", "!", "#", "]", "~"};
  for (const std::string& kind : plain_kinds) {
    for (size_t offset = 0; offset < 70; ++offset) {
      SCOPED_TRACE(kind + " x " + std::to_string(offset));
      std::string run;
      while (run.size() < offset) run += kind;
      IngestResult r;
      ReadJsonLines("mem",
                    "{\"doc_id\":\"a\",\"text\":\"" + run + "\\\"q\\\\" + run + "\\n" + run +
                        "\"}\n" + "{\"doc_id\":\"b\",\"text\":\"" + run + ".\"}\n" +
                        "{\"doc_id\":\"c\",\"text\":\"" + run + "\x01" + run + "\"}\n" +
                        "{\"doc_id\":\"d\",\"text\":\"" + run + "\x1f\"}\n",
                    IngestOptions(), &r);
      ASSERT_EQ(r.articles.size(), 2u) << Messages(r);
      EXPECT_EQ(r.articles[0].text, run + "\"q\\" + run + "\n" + run);
      EXPECT_EQ(r.articles[1].text, run + ".");
      ASSERT_EQ(r.errors.size(), 2u) << Messages(r);
      EXPECT_EQ(r.errors[0].message(),
                "mem:3: not valid JSON (truncated or malformed line); skipped");
      EXPECT_EQ(r.errors[1].message(),
                "mem:4: not valid JSON (truncated or malformed line); skipped");
    }
  }
}

// The scanner checks the UTF-8 of what it reads: an ill-formed sequence anywhere in a line (in
// the text, another field, an unused field or a key; overlong, a surrogate, cut short at the
// closing quote, a stray continuation byte) sends the line through the repair, reported once,
// while well-formed multi-byte characters pass without a report.
TEST_F(IngestTest, JsonLinesIllFormedUtf8IsRepairedWherever) {
  const std::string bad[] = {"\xc0\xaf", "\xed\xa0\x80", "\xe2\x82", "\x80", "\xff"};
  const std::string pad(40, 'p');  // puts the bad bytes past the first step too
  for (const std::string& b : bad) {
    for (const std::string& before : {std::string(), pad}) {
      SCOPED_TRACE(before.size());
      const std::string lines[] = {
          "{\"doc_id\":\"a\",\"text\":\"" + before + "x" + b + "\"}",
          "{\"doc_id\":\"a\",\"url\":\"" + before + b + "\",\"text\":\"Fine.\"}",
          "{\"doc_id\":\"a\",\"note\":\"" + before + b + "\\n\",\"text\":\"Fine.\"}",
          "{\"doc_id\":\"a\",\"k" + b + "\":1,\"text\":\"Fine.\"}",
      };
      for (const std::string& line : lines) {
        IngestResult r;
        ReadJsonLines("mem", line + "\n", IngestOptions(), &r);
        ASSERT_EQ(r.articles.size(), 1u) << Messages(r);
        EXPECT_TRUE(IsValidUtf8(r.articles[0].text));
        EXPECT_TRUE(IsValidUtf8(r.articles[0].url));
        ASSERT_EQ(r.errors.size(), 1u) << Messages(r);
        EXPECT_NE(r.errors[0].message().find("mem:1: invalid UTF-8"), std::string::npos);
      }
    }
  }
  IngestResult r;
  ReadJsonLines("mem",
                "{\"doc_id\":\"\xc3\xa9\",\"k\xe2\x82\xac\":\"\xf0\x9f\x98\x80\",\"text\":\"" +
                    pad + "Caf\xc3\xa9 \\u00e9\\n\xe2\x82\xac" + pad + "\"}\n",
                IngestOptions(), &r);
  ASSERT_EQ(r.articles.size(), 1u) << Messages(r);
  EXPECT_TRUE(r.errors.empty()) << Messages(r);
  EXPECT_EQ(r.articles[0].doc_id, "\xc3\xa9");
  EXPECT_EQ(r.articles[0].text, pad + "Caf\xc3\xa9 \xc3\xa9\n\xe2\x82\xac" + pad);
}

// The JSON-lines scanner reads 16 and 32 bytes at a time and checks UTF-8 eight at a time: with
// each line's last byte the last byte of a mapped page (the next one unreadable), no read may
// pass the line's end, whether the line is whole, cut anywhere (truncated JSON), ends in a cut
// multi-byte character, or has a text of any length (every alignment of the loops' tails); and
// the result is the one the same bytes give in a string of their own.
TEST(IngestGuardPageTest, JsonLinesNeverReadPastTheirEnd) {
  using testing_guard::ForEachGuardedPrefix;
  using testing_guard::GuardedBytes;
  const std::string lines[] = {
      "{\"doc_id\":\"g1\",\"source\":\"Guard Post\",\"published\":\"2024-05-06\",\"text\":\"Gunmen "
      "attacked a police post near the market, killing two officers.\"}",
      "{\"doc_id\":\"g2\",\"note\":-1.5e3,\"ok\":true,\"text\":\"Caf\xc3\xa9 "
      "\\u00e9\\n\\ud83d\\ude00 "
      "\\\"quoted\\\" and a tab\\t here\"}",
      "{\"doc_id\":\"g3\",\"text\":\"An ill-formed byte \xff and a cut character \xe2\x82\"}",
      "{\"doc_id\":\"g4\",\"text\":\"truncated \\u00",
      "  {\"doc_id\" : \"g5\" , \"text\" : null }\r",
  };
  for (const std::string& line : lines) {
    ASSERT_TRUE(ForEachGuardedPrefix(line, line.size(), [&](std::string_view v) {
      IngestResult r, ref;
      ReadJsonLines("mem", v, IngestOptions(), &r);
      ReadJsonLines("mem", std::string(v), IngestOptions(), &ref);  // no bytes beside it
      ASSERT_EQ(r.articles.size(), ref.articles.size());
      EXPECT_EQ(r.errors.size(), ref.errors.size());
      for (size_t i = 0; i < r.articles.size(); ++i) {
        EXPECT_EQ(r.articles[i].text, ref.articles[i].text);
        EXPECT_TRUE(IsValidUtf8(r.articles[i].text)) << r.articles[i].text;
      }
      // Only a whole line can make an article; a cut one is reported (unless blank so far).
      if (v.size() < line.size()) {
        EXPECT_TRUE(r.articles.empty()) << v;
      }
    }));
  }
  // Whole lines whose text has every length up to 80 (ASCII, UTF-8, an escape at the end).
  GuardedBytes buf(4096);
  ASSERT_TRUE(buf.ok());
  const std::string pieces[] = {"a", "\xc3\xa9", "\\n"};
  for (const std::string& piece : pieces) {
    std::string text;
    for (size_t len = 0; len <= 80; ++len) {
      const std::string line = "{\"doc_id\":\"g\",\"text\":\"x" + text + "\"}";
      IngestResult r;
      ReadJsonLines("mem", buf.Set(line), IngestOptions(), &r);
      ASSERT_EQ(r.articles.size(), 1u) << line;
      EXPECT_EQ(r.articles[0].text.size(), 1 + len * (piece == "\\n" ? 1 : piece.size()));
      text += piece;
    }
  }
}

// HTML input is checked (and repaired) as UTF-8 eight bytes at a time before it is parsed.
TEST(IngestGuardPageTest, HtmlNeverReadsPastItsEnd) {
  const std::string html =
      "<html><head><title>Post</title></head><body><p>Gunmen attacked a caf\xc3\xa9 in the "
      "town on Monday \xe2\x80\x94 three people were hurt.</p><p>Cut \xe2\x82";
  ASSERT_TRUE(testing_guard::ForEachGuardedPrefix(html, html.size(), [&](std::string_view v) {
    IngestResult r;
    ReadHtml("page.html", v, IngestOptions(), &r);
    for (const Article& a : r.articles) EXPECT_TRUE(IsValidUtf8(a.text));
  }));
}

}  // namespace
}  // namespace sitrep
