#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>

#include "export/json_codec.h"
#include "ingest/dedup.h"
#include "pipeline/pipeline.h"
#include "resolve/place_names.h"
#include "sim/simulator.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sitrep_store_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "db.sqlite").string();
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }
  std::unique_ptr<Store> OpenOrDie(bool read_only = false) {
    Result<std::unique_ptr<Store>> s = Store::Open(path_, read_only);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }

  fs::path dir_;
  std::string path_;
};

Article MakeArticle(std::string id, std::string text) {
  Article a;
  a.doc_id = std::move(id);
  a.source = "Example Post";
  a.url = "https://example.test/" + a.doc_id;
  a.published = CivilDate{2024, 1, 15};
  a.lang = "en";
  a.text = std::move(text);
  a.origin = "in.jsonl:1";
  return a;
}

TEST_F(StoreTest, ArticlesRoundTripAndReingestIsIdempotent) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  std::vector<Article> in = {MakeArticle("b", "Second text."), MakeArticle("a", "First text.")};
  in[0].copy_of = "a";
  in[0].published.reset();
  std::vector<bool> inserted;
  ASSERT_TRUE(store->PutArticles(in, &inserted).ok());
  EXPECT_EQ(inserted, (std::vector<bool>{true, true}));

  // Same articles again, plus one conflicting text and one new article.
  std::vector<Article> again = in;
  again.push_back(MakeArticle("a", "Changed text."));
  again.push_back(MakeArticle("c", "Third text."));
  std::vector<Status> conflicts;
  ASSERT_TRUE(store->PutArticles(again, &inserted, &conflicts).ok());
  EXPECT_EQ(inserted, (std::vector<bool>{false, false, false, true}));
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].code(), StatusCode::kAlreadyExists);
  EXPECT_NE(conflicts[0].message().find("'a' is already stored with different text"),
            std::string::npos);

  Result<std::vector<Article>> all = store->LoadArticles();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].doc_id, "a");
  EXPECT_EQ((*all)[0].text, "First text.");
  EXPECT_EQ((*all)[0].published, (std::optional<CivilDate>(CivilDate{2024, 1, 15})));
  EXPECT_EQ((*all)[1].copy_of, "a");
  EXPECT_FALSE((*all)[1].published.has_value());
  EXPECT_EQ((*all)[1].url, "https://example.test/b");
  EXPECT_EQ(*store->CountArticles(), 3u);

  Result<Article> one = store->GetArticle("c");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->text, "Third text.");
  EXPECT_EQ(store->GetArticle("zz").status().code(), StatusCode::kNotFound);

  (*all)[1].copy_of.clear();
  (*all)[2].exact_duplicate = true;
  (*all)[2].copy_of = "a";
  ASSERT_TRUE(store->UpdateDuplicateMarks(*all).ok());
  EXPECT_EQ(store->GetArticle("b")->copy_of, "");
  EXPECT_TRUE(store->GetArticle("c")->exact_duplicate);
}

TEST_F(StoreTest, DataSurvivesReopen) {
  {
    auto store = OpenOrDie();
    ASSERT_TRUE(store->PutArticles({MakeArticle("a", "Kept.")}, nullptr).ok());
  }
  auto store = OpenOrDie(/*read_only=*/true);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->GetArticle("a")->text, "Kept.");
  // Writes through a read-only handle fail cleanly.
  Status st = store->PutArticles({MakeArticle("b", "x")}, nullptr);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kIoError);
}

TEST_F(StoreTest, AnalysesAndIncidentsRoundTrip) {
  auto store = OpenOrDie();
  DocAnalysis a;
  a.doc_id = "a";
  a.published = CivilDate{2024, 1, 15};
  Claim c;
  c.doc_id = "a";
  c.quote = "Three people were killed.";
  c.span = {0, 25};
  c.value = c.low = c.high = 3;
  a.claims = {c};
  EventMention m;
  m.doc_id = "a";
  m.event_type = "Battles";
  m.claims = {c};
  a.mentions = {m};
  ASSERT_TRUE(store->PutAnalyses({a}).ok());
  a.claims.push_back(c);
  ASSERT_TRUE(store->PutAnalyses({a}).ok());  // replaces, does not duplicate
  Result<std::vector<DocAnalysis>> loaded = store->LoadAnalyses();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), 1u);
  Result<std::vector<std::string>> ids = store->AnalyzedDocIds();
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  EXPECT_EQ(*ids, std::vector<std::string>{(*loaded)[0].doc_id});
  EXPECT_EQ((*loaded)[0].claims.size(), 2u);
  EXPECT_EQ((*loaded)[0].mentions[0].claims[0].quote, "Three people were killed.");

  IncidentSet set;
  Incident parent;
  parent.id = "s1";
  parent.documents = {"a"};
  Incident child;
  child.id = "i1";
  child.parent = "s1";
  child.date = CivilDate{2024, 1, 14};
  child.place = "Exampletown";
  child.lat = 10.5;
  child.lon = 20.25;
  child.killed = Figure{3, 3, 4};
  child.documents = {"a"};
  child.mentions = {"b"};
  child.claims = {c};
  set.incidents = {parent, child};
  ASSERT_TRUE(store->ReplaceIncidents(set).ok());
  ASSERT_TRUE(store->ReplaceIncidents(set).ok());
  Result<IncidentSet> back = store->LoadIncidents();
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->incidents.size(), 2u);
  EXPECT_EQ(back->incidents[0].id, "s1");
  EXPECT_EQ(back->incidents[1].parent, "s1");
  EXPECT_DOUBLE_EQ(back->incidents[1].killed->high, 4);
  Result<Incident> one = store->GetIncident("i1");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->mentions, std::vector<std::string>{"b"});
  EXPECT_EQ(one->claims[0].quote, "Three people were killed.");
  EXPECT_EQ(store->GetIncident("nope").status().code(), StatusCode::kNotFound);
}

// The geocoder's "named through its county" flag (PlaceMention::via_county) is kept by the
// store, on the document's places and on a mention's reference to them.
TEST_F(StoreTest, CountyFlagOfAPlaceMentionSurvivesTheStore) {
  auto store = OpenOrDie();
  DocAnalysis a;
  a.doc_id = "a";
  PlaceMention county;  // "Cedar County", read as its seat
  county.span = {4, 16};
  county.place.name = "Millbrook";
  county.place.admin2 = "Cedar";
  county.place.country = "US";
  county.place.level = GeoLevel::kPlace;
  county.confidence = 0.8f;
  county.via_county = true;
  PlaceMention town = county;  // "Millbrook" itself
  town.span = {30, 39};
  town.via_county = false;
  a.places = {county, town};
  EventMention m;
  m.doc_id = "a";
  m.places = {county};
  a.mentions = {m};
  ASSERT_TRUE(store->PutAnalyses({a}).ok());
  Result<std::vector<DocAnalysis>> loaded = store->LoadAnalyses();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), 1u);
  const DocAnalysis& b = (*loaded)[0];
  ASSERT_EQ(b.places.size(), 2u);
  EXPECT_TRUE(b.places[0].via_county);
  EXPECT_FALSE(b.places[1].via_county);
  ASSERT_EQ(b.mentions.size(), 1u);
  ASSERT_EQ(b.mentions[0].places.size(), 1u);
  EXPECT_TRUE(b.mentions[0].places[0].via_county);
  EXPECT_EQ(b.mentions[0].places[0].place.name, "Millbrook");
}

TEST_F(StoreTest, ClearErrorsForBadFiles) {
  EXPECT_EQ(Store::Open((dir_ / "missing.db").string(), true).status().code(),
            StatusCode::kNotFound);
  const std::string text_file = (dir_ / "notes.txt").string();
  std::ofstream(text_file) << "this is not a database, just some words in a file\n";
  Result<std::unique_ptr<Store>> r = Store::Open(text_file);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r.status().message().find("not a sitrep database"), std::string::npos);
}

// Sets meta.schema_version with plain SQLite, as an older or newer build would have left it.
void SetSchemaVersion(const std::string& path, const std::string& version) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const std::string sql = "UPDATE meta SET value = '" + version + "' WHERE key = 'schema_version'";
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

std::string SchemaVersion(const std::string& path) {
  sqlite3* db = nullptr;
  std::string v;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &st,
                           nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return v;
}

TEST_F(StoreTest, OlderVersionsOpenAndAreMarkedNewerOnlyWhenWritten) {
  {
    std::unique_ptr<Store> s = OpenOrDie();
    ASSERT_NE(s, nullptr);
    ASSERT_TRUE(
        s->PutArticles({MakeArticle("a1", "Two people were hurt in a fire.")}, nullptr).ok());
  }
  EXPECT_EQ(SchemaVersion(path_), std::to_string(kStoreSchemaVersion));
  // A database left by a version-1 build: readable, and left as it is by a reader.
  SetSchemaVersion(path_, "1");
  {
    std::unique_ptr<Store> r = OpenOrDie(/*read_only=*/true);
    ASSERT_NE(r, nullptr);
    Result<Article> a = r->GetArticle("a1");
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    EXPECT_EQ(a->text, "Two people were hurt in a fire.");
  }
  EXPECT_EQ(SchemaVersion(path_), "1");
  // A writer marks it with this build's version, so older builds refuse it cleanly.
  { ASSERT_NE(OpenOrDie(), nullptr); }
  EXPECT_EQ(SchemaVersion(path_), std::to_string(kStoreSchemaVersion));
  // A newer build's database, or a foreign value, is a clear error naming the version.
  for (const std::string& bad :
       std::vector<std::string>{std::to_string(kStoreSchemaVersion + 1), "0", "two"}) {
    SetSchemaVersion(path_, bad);
    for (bool read_only : {true, false}) {
      Result<std::unique_ptr<Store>> r = Store::Open(path_, read_only);
      ASSERT_FALSE(r.ok()) << bad;
      EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
      EXPECT_NE(r.status().message().find("schema version " + bad), std::string::npos)
          << r.status().message();
    }
    EXPECT_EQ(SchemaVersion(path_), bad);
  }
}

// Runs `sql` on a database file with plain SQLite.
void RunSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  sqlite3_close(db);
}

// Whether the database file has a schema object (table, view, index) of that name.
bool HasSchemaObject(const std::string& path, const std::string& name) {
  sqlite3* db = nullptr;
  bool found = false;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    const std::string sql = "SELECT 1 FROM sqlite_master WHERE name = '" + name + "'";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
      found = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return found;
}

TEST_F(StoreTest, SchemaIsCreatedOnlyForANewOrOlderDatabase) {
  { ASSERT_NE(OpenOrDie(), nullptr); }
  ASSERT_TRUE(HasSchemaObject(path_, "claims"));
  // A database at this version is taken as it is: opening it runs no DDL (the view dropped
  // behind the store's back stays dropped).
  RunSql(path_, "DROP VIEW claims");
  { ASSERT_NE(OpenOrDie(), nullptr); }
  EXPECT_FALSE(HasSchemaObject(path_, "claims"));
  // One at an older version gets what this version adds, and this version's number.
  SetSchemaVersion(path_, "2");
  {
    std::unique_ptr<Store> s = OpenOrDie();
    ASSERT_NE(s, nullptr);
    EXPECT_TRUE(
        s->PutArticles({MakeArticle("a1", "Two people were hurt in a fire.")}, nullptr).ok());
  }
  EXPECT_TRUE(HasSchemaObject(path_, "claims"));
  EXPECT_EQ(SchemaVersion(path_), std::to_string(kStoreSchemaVersion));
}

// Columns of `table` in a database file, read with plain SQLite.
std::vector<std::string> Columns(const std::string& path, const std::string& table) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    const std::string sql = "SELECT name FROM pragma_table_info('" + table + "')";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
      while (sqlite3_step(st) == SQLITE_ROW) {
        out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
      }
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

TEST_F(StoreTest, NewDatabaseHasNoTextHashAndAnOldOneKeepsGettingIt) {
  {
    std::unique_ptr<Store> s = OpenOrDie();
    ASSERT_NE(s, nullptr);
    ASSERT_TRUE(s->PutArticles({MakeArticle("a1", "A bomb hurt three people.")}, nullptr).ok());
  }
  const std::vector<std::string> cols = Columns(path_, "documents");
  ASSERT_FALSE(cols.empty());
  EXPECT_EQ(std::find(cols.begin(), cols.end(), "text_hash"), cols.end());
  // A conflict is still found without the hash: the texts are compared.
  {
    std::unique_ptr<Store> s = OpenOrDie();
    ASSERT_NE(s, nullptr);
    std::vector<bool> inserted;
    std::vector<Status> conflicts;
    ASSERT_TRUE(s->PutArticles({MakeArticle("a1", "A bomb hurt four people."),
                                MakeArticle("a1", "A bomb hurt three people.")},
                               &inserted, &conflicts)
                    .ok());
    EXPECT_EQ(inserted, (std::vector<bool>{false, false}));
    ASSERT_EQ(conflicts.size(), 1u);
    EXPECT_EQ(conflicts[0].code(), StatusCode::kAlreadyExists);
  }

  // A database made by a version-2 build has the column (NOT NULL): it gets the text's hash.
  const std::string old_path = (dir_ / "v2.sqlite").string();
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(old_path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db,
                           "CREATE TABLE documents (doc_id TEXT PRIMARY KEY, source TEXT NOT NULL,"
                           " url TEXT NOT NULL, published TEXT, lang TEXT NOT NULL,"
                           " text TEXT NOT NULL, text_hash TEXT NOT NULL, copy_of TEXT,"
                           " exact_duplicate INTEGER NOT NULL DEFAULT 0, origin TEXT NOT NULL);"
                           "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                           "INSERT INTO meta VALUES ('schema_version', '2');",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  const std::string text = "Gunmen killed two guards at a depot.";
  {
    Result<std::unique_ptr<Store>> s = Store::Open(old_path);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    ASSERT_TRUE((*s)->PutArticles({MakeArticle("b1", text)}, nullptr).ok());
    Result<Article> back = (*s)->GetArticle("b1");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->text, text);
  }
  EXPECT_EQ(SchemaVersion(old_path), std::to_string(kStoreSchemaVersion));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(old_path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT text_hash FROM documents WHERE doc_id = 'b1'", -1, &st,
                               nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  char want[17];
  std::snprintf(want, sizeof want, "%016llx", static_cast<unsigned long long>(TextHash(text)));
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))), want);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_F(StoreTest, ReadOnlyFileIsAClearError) {
  { ASSERT_NE(OpenOrDie(), nullptr); }
  if (geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  fs::permissions(path_, fs::perms::owner_read | fs::perms::group_read);
  Result<std::unique_ptr<Store>> r = Store::Open(path_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
  EXPECT_NE(r.status().message().find(path_), std::string::npos);
}

// A WAL database in a folder the reader cannot write (the -shm file cannot be created there)
// must still open for reading. Root ignores permissions, so as root the reading happens in a
// child process that has become "nobody".
TEST_F(StoreTest, ReadOnlyFolderStillReads) {
  {
    std::unique_ptr<Store> s = OpenOrDie();
    ASSERT_NE(s, nullptr);
    std::vector<bool> inserted;
    ASSERT_TRUE(
        s->PutArticles({MakeArticle("a1", "Text one."), MakeArticle("a2", "Text two.")}, &inserted)
            .ok());
  }
  ASSERT_FALSE(fs::exists(path_ + "-shm"));  // closed cleanly: WAL checkpointed and removed
  fs::permissions(path_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                            fs::perms::group_exec | fs::perms::others_read |
                            fs::perms::others_exec);
  const std::string path = path_;
  auto read = [path]() -> int {
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) return 3;
    Result<std::unique_ptr<Store>> s = Store::Open(path, /*read_only=*/true);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.status().ToString().c_str());
      return 1;
    }
    Result<std::vector<Article>> all = (*s)->LoadArticles();
    if (!all.ok() || all->size() != 2 || (*all)[1].text != "Text two.") return 2;
    // Writing is still refused.
    return Store::Open(path).ok() ? 4 : 0;
  };
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(std::exit(read()), ::testing::ExitedWithCode(0), "");
}

TEST_F(StoreTest, ReplaceIncidentsFromStoresWhatReplaceIncidentsStores) {
  std::unique_ptr<Store> store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Claim c;
  c.doc_id = "a";
  c.quote = "Four people died in the blast.";
  c.value = c.low = c.high = 4;
  std::vector<Incident> incidents(3);
  for (size_t i = 0; i < incidents.size(); ++i) {
    incidents[i].id = "i" + std::to_string(i);
    incidents[i].documents = {"a"};
  }
  incidents[1].parent = "i0";
  incidents[1].mentions = {"b"};
  incidents[1].claims = {c};
  incidents[1].killed = Figure{4, 4, 4};
  IncidentSet whole;
  whole.incidents = {incidents[2]};
  ASSERT_TRUE(store->ReplaceIncidents(whole).ok());  // replaced below
  size_t next = 0;
  ASSERT_TRUE(store
                  ->ReplaceIncidentsFrom([&](Incident* inc) {
                    if (next == incidents.size()) return false;
                    *inc = incidents[next++];
                    return true;
                  })
                  .ok());
  Result<IncidentSet> streamed = store->LoadIncidents();
  ASSERT_TRUE(streamed.ok());
  whole.incidents = incidents;
  ASSERT_TRUE(store->ReplaceIncidents(whole).ok());
  Result<IncidentSet> at_once = store->LoadIncidents();
  ASSERT_TRUE(at_once.ok());
  ASSERT_EQ(streamed->incidents.size(), 3u);
  ASSERT_EQ(at_once->incidents.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(streamed->incidents[i].id, at_once->incidents[i].id);
    EXPECT_EQ(streamed->incidents[i].parent, at_once->incidents[i].parent);
    EXPECT_EQ(streamed->incidents[i].mentions, at_once->incidents[i].mentions);
    EXPECT_EQ(streamed->incidents[i].claims.size(), at_once->incidents[i].claims.size());
  }
  EXPECT_EQ(streamed->incidents[1].claims[0].quote, "Four people died in the blast.");
  // An empty stream leaves no incident.
  ASSERT_TRUE(store->ReplaceIncidentsFrom([](Incident*) { return false; }).ok());
  Result<IncidentSet> none = store->LoadIncidents();
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->incidents.empty());
}

// A feed that ends on an error (an IncidentStream that could not read its claims back) stores
// nothing: the incidents stored before stay, and the feed's error is returned.
TEST_F(StoreTest, ReplaceIncidentsFromKeepsTheOldIncidentsWhenTheFeedFails) {
  std::unique_ptr<Store> store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  IncidentSet old;
  old.incidents.resize(1);
  old.incidents[0].id = "kept";
  ASSERT_TRUE(store->ReplaceIncidents(old).ok());
  bool given = false;
  const Status st = store->ReplaceIncidentsFrom(
      [&](Incident* inc) {
        if (given) return false;
        given = true;
        inc->id = "partial";
        return true;
      },
      [] { return IoError("spill file: reading 10 bytes at offset 0: Bad file descriptor"); });
  EXPECT_EQ(st.code(), StatusCode::kIoError);
  EXPECT_NE(st.message().find("spill file"), std::string::npos) << st.ToString();
  Result<IncidentSet> now = store->LoadIncidents();
  ASSERT_TRUE(now.ok());
  ASSERT_EQ(now->incidents.size(), 1u);
  EXPECT_EQ(now->incidents[0].id, "kept");
  // A feed that ends cleanly is stored.
  given = false;
  ASSERT_TRUE(store
                  ->ReplaceIncidentsFrom(
                      [&](Incident* inc) {
                        if (given) return false;
                        given = true;
                        inc->id = "complete";
                        return true;
                      },
                      [] { return Status::Ok(); })
                  .ok());
  now = store->LoadIncidents();
  ASSERT_TRUE(now.ok());
  ASSERT_EQ(now->incidents.size(), 1u);
  EXPECT_EQ(now->incidents[0].id, "complete");
}

// Runs `sql` on the database file directly; returns the first column of the first row ("" if none).
std::string Query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != nullptr) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

DocAnalysis TwoClaimAnalysis(const std::string& id) {
  DocAnalysis a;
  a.doc_id = id;
  Claim c;
  c.doc_id = id;
  c.quote = "Five villagers were killed and two were hurt.";
  c.value = c.low = c.high = 5;
  Claim h = c;
  h.field = Field::kInjured;
  h.value = h.low = h.high = 2;
  a.claims = {c, h};
  EventMention m;
  m.doc_id = id;
  m.event_type = "Violence against civilians";
  a.mentions = {m};
  return a;
}

// A document's mention and claim rows (views over its analysis row in a new database) are
// replaced, not duplicated, when its analysis is stored again, and incident documents (a view
// over the incident rows) likewise.
TEST_F(StoreTest, RowTablesAreKeyedAndReplaced) {
  {
    std::unique_ptr<Store> store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->PutAnalyses({TwoClaimAnalysis("a"), TwoClaimAnalysis("b")}).ok());
    DocAnalysis again = TwoClaimAnalysis("a");
    again.claims.pop_back();
    ASSERT_TRUE(store->PutAnalyses({again}).ok());
    Incident inc;
    inc.id = "i1";
    inc.documents = {"a", "b"};
    inc.mentions = {"b"};
    IncidentSet set;
    set.incidents = {inc};
    ASSERT_TRUE(store->ReplaceIncidents(set).ok());
    ASSERT_TRUE(store->ReplaceIncidents(set).ok());
  }
  // mentions, claims and incident_documents are views over the analysis and incident rows:
  // replacing a row replaces them.
  EXPECT_EQ(Query(path_,
                  "SELECT group_concat(type, ' ') FROM (SELECT type FROM sqlite_master "
                  "WHERE name IN ('mentions', 'claims', 'incident_documents'))"),
            "view view view");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM claims WHERE doc_id = 'a'"), "1");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM claims WHERE doc_id = 'b'"), "2");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM mentions"), "2");
  EXPECT_EQ(Query(path_,
                  "SELECT group_concat(doc_id || ':' || role, ' ') FROM "
                  "(SELECT * FROM incident_documents ORDER BY doc_id, role)"),
            "a:document b:document b:mention");
}

// The mentions.date column is CivilDate::ToIso() of the mention's date (written without
// snprintf): day, month and year precision, a year past 9999, and NULL for no date.
TEST_F(StoreTest, MentionDateColumnIsTheIsoDate) {
  const std::vector<CivilDate> dates = {CivilDate{2024, 3, 9}, CivilDate{2024, 11, 0},
                                        CivilDate{987, 0, 0},  CivilDate{12345, 1, 2},
                                        CivilDate{0, 0, 0},    CivilDate{2024, 12, 31}};
  {
    std::unique_ptr<Store> store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    DocAnalysis a;
    a.doc_id = "d";
    for (const CivilDate& d : dates) {
      EventMention m;
      m.doc_id = "d";
      m.date.date = d;
      a.mentions.push_back(m);
    }
    ASSERT_TRUE(store->PutAnalyses({a}).ok());
  }
  for (size_t i = 0; i < dates.size(); ++i) {
    SCOPED_TRACE(i);
    const std::string where = " FROM mentions WHERE doc_id = 'd' AND idx = " + std::to_string(i);
    EXPECT_EQ(Query(path_, "SELECT coalesce(date, 'NULL')" + where),
              dates[i].valid() ? dates[i].ToIso() : "NULL");
  }
}

// The incident row's text columns are bound without a copy, from the incident and from a date
// buffer per column: each row must hold its own incident's values, date and date_end their own
// dates (also a date past 9999, written through the spill string), and NULL where there is none.
TEST_F(StoreTest, IncidentColumnsHoldEachRowsOwnValues) {
  IncidentSet set;
  Incident a;
  a.id = "inc-a";
  a.date = CivilDate{2024, 3, 9};
  a.date_end = CivilDate{2024, 3, 11};
  a.country = "KE";
  a.admin1 = "Nairobi Area";
  a.place = "Kibera";
  a.event_type = "Violence against civilians";
  a.perpetrator = "unknown gunmen";
  Incident b;
  b.id = "inc-b";
  b.parent = "inc-a";
  b.date = CivilDate{2023, 12, 0};
  b.date_end = CivilDate{12345, 1, 2};
  b.country = "SO";
  b.place = "Baidoa";
  Incident c;
  c.id = "inc-c";
  c.date = CivilDate{2022, 1, 5};
  set.incidents = {a, b, c};
  {
    std::unique_ptr<Store> store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->ReplaceIncidents(set).ok());
  }
  auto row = [&](const std::string& id) {
    return Query(path_,
                 "SELECT coalesce(parent, 'NULL') || '|' || coalesce(date, 'NULL') || '|' || "
                 "coalesce(date_end, 'NULL') || '|' || coalesce(country, 'NULL') || '|' || "
                 "coalesce(admin1, 'NULL') || '|' || coalesce(place, 'NULL') || '|' || "
                 "coalesce(event_type, 'NULL') || '|' || coalesce(perpetrator, 'NULL') "
                 "FROM incidents WHERE id = '" +
                     id + "'");
  };
  EXPECT_EQ(row("inc-a"),
            "NULL|2024-03-09|2024-03-11|KE|Nairobi Area|Kibera|Violence against civilians|"
            "unknown gunmen");
  EXPECT_EQ(row("inc-b"), "inc-a|2023-12|12345-01-02|SO|NULL|Baidoa|NULL|NULL");
  EXPECT_EQ(row("inc-c"), "NULL|2022-01-05|NULL|NULL|NULL|NULL|NULL|NULL");
}

// ReplaceIncidentsFrom() drops the incident tables' secondary indexes and builds them again
// after the rows: they exist afterwards, hold every row, and the query planner uses them; a
// replacement that fails half-way (a repeated incident id) leaves rows and indexes as they were.
TEST_F(StoreTest, IncidentIndexesAreRebuiltAndSurviveAFailedReplace) {
  auto incident = [](std::string id, std::string parent, std::vector<std::string> docs) {
    Incident inc;
    inc.id = std::move(id);
    inc.parent = std::move(parent);
    inc.date = CivilDate{2024, 3, 9};
    inc.documents = std::move(docs);
    return inc;
  };
  IncidentSet set;
  set.incidents = {incident("s1", "", {"a", "b"}), incident("s1-1", "s1", {"a"}),
                   incident("s1-2", "s1", {"b", "c"})};
  {
    std::unique_ptr<Store> store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->ReplaceIncidents(set).ok());
    ASSERT_TRUE(store->ReplaceIncidents(set).ok());  // a second replace drops and rebuilds again
    // Fails at the third incident: nothing of this replacement may land.
    IncidentSet bad;
    bad.incidents = {incident("x1", "", {"d"}), incident("x2", "", {"d"}),
                     incident("x1", "", {"e"})};
    EXPECT_FALSE(store->ReplaceIncidents(bad).ok());
    Result<IncidentSet> back = store->LoadIncidents();
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back->incidents.size(), 3u);
    EXPECT_EQ(back->incidents[2].id, "s1-2");
  }
  EXPECT_EQ(Query(path_,
                  "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master "
                  "WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name)"),
            "incidents_date incidents_parent");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM incident_documents WHERE doc_id = 'b'"), "2");
  EXPECT_EQ(Query(path_,
                  "SELECT count(*) FROM incidents INDEXED BY incidents_parent"
                  " WHERE parent = 's1'"),
            "2");
  EXPECT_EQ(Query(path_,
                  "SELECT count(*) FROM incidents INDEXED BY incidents_date"
                  " WHERE date = '2024-03-09'"),
            "3");
  EXPECT_EQ(Query(path_, "PRAGMA integrity_check"), "ok");
}

// A large replacement (written to a staging table over several transactions) gets the incident
// indexes built on its rows: they hold every row afterwards; a large replacement that fails
// part-way leaves the old rows and indexes; a small one after that leaves exactly its rows.
TEST_F(StoreTest, LargeReplaceRebuildsTheIndexesAndAFailedOneKeepsThem) {
  auto incidents = [](int n, const std::string& prefix, int repeat_at) {
    IncidentSet set;
    for (int i = 0; i < n; ++i) {
      Incident inc;
      inc.id = prefix + std::to_string(i == repeat_at ? 0 : i);
      inc.parent = i % 2 == 0 ? "" : prefix + "0";
      inc.date = CivilDate{2024, 1 + i % 12, 1 + i % 28};
      inc.documents = {"d" + std::to_string(i)};
      set.incidents.push_back(std::move(inc));
    }
    return set;
  };
  auto indexed = [&](const std::string& prefix) {
    return Query(path_,
                 "SELECT count(*) FROM incidents INDEXED BY incidents_parent WHERE parent = '" +
                     prefix + "0'") +
           " " +
           Query(path_,
                 "SELECT count(*) FROM incidents INDEXED BY incidents_date"
                 " WHERE date >= '2024-01-01'");
  };
  {
    std::unique_ptr<Store> store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->ReplaceIncidents(incidents(5000, "big", -1)).ok());
  }
  EXPECT_EQ(indexed("big"), "2500 5000");
  {
    std::unique_ptr<Store> store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    // Fails at row 4500, after the indexes were dropped: nothing of it may land.
    EXPECT_FALSE(store->ReplaceIncidents(incidents(5000, "bad", 4500)).ok());
  }
  EXPECT_EQ(indexed("big"), "2500 5000");
  EXPECT_EQ(Query(path_, "PRAGMA integrity_check"), "ok");
  {
    std::unique_ptr<Store> store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->ReplaceIncidents(incidents(7, "small", -1)).ok());
    Result<IncidentSet> back = store->LoadIncidents();
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back->incidents.size(), 7u);
    EXPECT_EQ(back->incidents[6].id, "small6");
  }
  EXPECT_EQ(indexed("small"), "3 7");
  EXPECT_EQ(Query(path_,
                  "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master "
                  "WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name)"),
            "incidents_date incidents_parent");
  EXPECT_EQ(Query(path_, "PRAGMA integrity_check"), "ok");
}

// "<count> <first id> <last id>" of the incidents `store` holds, or its error.
std::string Stored(Store& store) {
  Result<IncidentSet> set = store.LoadIncidents();
  if (!set.ok()) return set.status().ToString();
  if (set->incidents.empty()) return "0";
  return std::to_string(set->incidents.size()) + " " + set->incidents.front().id + " " +
         set->incidents.back().id;
}

// A replacement larger than one staging transaction (8192 incidents): while it runs, other
// connections see the old incidents (a reader, and a writer's Open(), which must not take its
// staging table for a crash's leftover); when its feed fails after rows were committed to the
// staging table, the old incidents stay and nothing staged is left; a clean one is stored whole.
TEST_F(StoreTest, LargeReplaceIsSeenWholeOrNotAtAll) {
  std::unique_ptr<Store> store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  IncidentSet old;
  old.incidents.resize(2);
  old.incidents[0].id = "old0";
  old.incidents[1].id = "old1";
  old.incidents[0].documents = old.incidents[1].documents = {"d0"};
  ASSERT_TRUE(store->ReplaceIncidents(old).ok());
  const int n = 9000;
  auto feed = [&](const std::function<void(int)>& at) {
    return [&, at, i = 0](Incident* inc) mutable {
      if (i == n) return false;
      at(i);
      *inc = Incident();
      inc->id = "new" + std::to_string(i);
      inc->documents = {"d" + std::to_string(i % 7)};
      ++i;
      return true;
    };
  };
  auto staging_tables = [&] {
    return Query(
        path_, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE '%staging'");
  };
  std::vector<std::string> seen;  // what other connections saw part-way
  auto look = [&](int i) {
    if (i != n - 1) return;
    Result<std::unique_ptr<Store>> reader = Store::Open(path_, /*read_only=*/true);
    ASSERT_TRUE(reader.ok());
    seen.push_back(Stored(**reader));
    ASSERT_TRUE(Store::Open(path_).ok());  // a writer opening now
    seen.push_back(staging_tables());
  };
  const Status failed =
      store->ReplaceIncidentsFrom(feed(look), [] { return IoError("spill file: short read"); });
  EXPECT_EQ(failed.code(), StatusCode::kIoError);
  EXPECT_EQ(seen, (std::vector<std::string>{"2 old0 old1", "1"}));
  EXPECT_EQ(Stored(*store), "2 old0 old1");
  EXPECT_EQ(staging_tables(), "0");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM incident_documents WHERE doc_id = 'd0'"), "2");

  seen.clear();
  ASSERT_TRUE(store->ReplaceIncidentsFrom(feed(look), [] { return Status::Ok(); }).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"2 old0 old1", "1"}));
  EXPECT_EQ(Stored(*store), "9000 new0 new8999");
  EXPECT_EQ(staging_tables(), "0");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM incident_documents WHERE doc_id = 'd0'"), "1286");
  EXPECT_EQ(Query(path_, "PRAGMA integrity_check"), "ok");
}

// A replace cut off by a crash leaves its staging table (and the old incidents, untouched): the
// next open for writing drops it; a read-only open leaves the file alone.
TEST_F(StoreTest, OpenDropsTheStagingTableACrashLeft) {
  IncidentSet old;
  old.incidents.resize(1);
  old.incidents[0].id = "kept";
  {
    std::unique_ptr<Store> writer = OpenOrDie();
    ASSERT_NE(writer, nullptr);
    ASSERT_TRUE(writer->ReplaceIncidents(old).ok());
  }
  Query(path_, "CREATE TABLE incidents_staging (id TEXT PRIMARY KEY, json TEXT)");
  Query(path_, "INSERT INTO incidents_staging VALUES ('half', '{}')");
  ASSERT_NE(OpenOrDie(/*read_only=*/true), nullptr);
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM sqlite_master WHERE name = 'incidents_staging'"),
            "1");
  std::unique_ptr<Store> store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM sqlite_master WHERE name = 'incidents_staging'"),
            "0");
  EXPECT_EQ(Stored(*store), "1 kept kept");
}

// A new database gets 32 KB pages; an existing one keeps the page size it was made with.
TEST_F(StoreTest, NewDatabaseHas32KPagesAndAnOldOneKeepsItsOwn) {
  ASSERT_NE(OpenOrDie(), nullptr);
  EXPECT_EQ(Query(path_, "PRAGMA page_size"), "32768");
  const std::string old_path = (dir_ / "old.sqlite").string();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(old_path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA page_size=4096; CREATE TABLE t(x)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  ASSERT_TRUE(Store::Open(old_path).ok());
  EXPECT_EQ(Query(old_path, "PRAGMA page_size"), "4096");
}

// A database made before the row tables were WITHOUT ROWID (plain tables with the same columns)
// opens and takes new analyses as before.
TEST_F(StoreTest, DatabaseWithRowidTablesStillWorks) {
  Query(path_,
        "CREATE TABLE mentions (doc_id TEXT NOT NULL, idx INTEGER NOT NULL, begin INTEGER NOT NULL,"
        " end INTEGER NOT NULL, event_type TEXT, sub_event_type TEXT, date TEXT,"
        " background INTEGER NOT NULL, wave INTEGER NOT NULL, PRIMARY KEY (doc_id, idx))");
  Query(
      path_,
      "CREATE TABLE claims (doc_id TEXT NOT NULL, idx INTEGER NOT NULL, begin INTEGER NOT NULL,"
      " end INTEGER NOT NULL, field TEXT NOT NULL, value REAL, low REAL, high REAL,"
      " qualifier TEXT, category TEXT, attributed_to TEXT, quote TEXT, PRIMARY KEY (doc_id, idx))");
  {
    std::unique_ptr<Store> store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->PutAnalyses({TwoClaimAnalysis("a")}).ok());
    ASSERT_TRUE(store->PutAnalyses({TwoClaimAnalysis("a")}).ok());
    Result<std::vector<DocAnalysis>> back = store->LoadAnalyses();
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back->size(), 1u);
    EXPECT_EQ((*back)[0].claims.size(), 2u);
  }
  EXPECT_EQ(
      Query(path_, "SELECT sql FROM sqlite_master WHERE name = 'claims'").find("WITHOUT ROWID"),
      std::string::npos);
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM claims"), "2");
}

// A database made before version 3 keeps its incident_documents table: replacing incidents
// rewrites its rows (staged and moved over in key order) and builds its doc_id index again.
TEST_F(StoreTest, IncidentDocumentsTableOfAnOlderDatabaseIsStillWritten) {
  Query(path_,
        "CREATE TABLE incident_documents (incident_id TEXT NOT NULL, doc_id TEXT NOT NULL,"
        " role TEXT NOT NULL, PRIMARY KEY (incident_id, doc_id, role)) WITHOUT ROWID");
  Incident inc;
  inc.id = "i1";
  inc.documents = {"b", "a", "b"};
  inc.mentions = {"b"};
  IncidentSet set;
  set.incidents = {inc};
  auto replace = [&] {
    std::unique_ptr<Store> store = OpenOrDie();
    return store != nullptr && store->ReplaceIncidents(set).ok();
  };
  auto table_kind = [&] {
    return Query(path_, "SELECT type FROM sqlite_master WHERE name = 'incident_documents'");
  };
  ASSERT_TRUE(replace());
  set.incidents[0].id = "i2";
  ASSERT_TRUE(replace());
  EXPECT_EQ(table_kind(), "table");
  EXPECT_EQ(Query(path_,
                  "SELECT group_concat(incident_id || ':' || doc_id || ':' || role, ' ') FROM "
                  "incident_documents INDEXED BY incident_documents_doc WHERE doc_id = 'b'"),
            "i2:b:document i2:b:mention");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM incident_documents"), "3");
  // A replace too large for one transaction stages these rows too and swaps both tables in.
  set.incidents.resize(3000, inc);
  for (size_t i = 0; i < set.incidents.size(); ++i) set.incidents[i].id = "j" + std::to_string(i);
  ASSERT_TRUE(replace());
  EXPECT_EQ(table_kind(), "table");
  EXPECT_EQ(Query(path_,
                  "SELECT count(*) FROM incident_documents INDEXED BY incident_documents_doc"
                  " WHERE doc_id = 'b'"),
            "6000");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM incident_documents"), "9000");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%staging'"), "0");
  EXPECT_EQ(Query(path_, "PRAGMA integrity_check"), "ok");
}

// 300 simulated articles (seed `seed`), duplicates marked, as a batch the store receives.
std::vector<Article> SimulatedArticles(uint64_t seed) {
  SimOptions so;
  so.articles = 300;
  so.seed = seed;
  auto sim = Simulator::Create(so);
  EXPECT_TRUE(sim.ok()) << sim.status().ToString();
  std::vector<Article> articles;
  if (!sim.ok()) return articles;
  Article art;
  while ((*sim)->Next(&art)) articles.push_back(art);
  MarkDuplicates(&articles);
  return articles;
}

// An analysis carries its place spellings through the store. One stored by a build that kept
// them elsewhere (no "place_spellings" key) gets them read again from its stored article's
// text under the place spans; an analysis written with the key is taken as it is.
// The analyses of simulated articles, stored in the store form, load as exactly what their full
// form (what older builds stored) decodes to; rows rewritten in the full form load the same too,
// and the store form takes under 55% of the full form's bytes.
TEST_F(StoreTest, StoredAnalysesLoadAsTheFullFormAndOldRowsStillLoad) {
  EngineOptions eo;
  eo.threads = 2;
  auto engine = Engine::Create(eo);
  if (!engine.ok()) GTEST_SKIP() << "no engine data: " << engine.status().ToString();  // NOLINT
  const std::vector<Article> articles = SimulatedArticles(11);
  ASSERT_EQ(articles.size(), 300u);
  const std::vector<DocAnalysis> analyses = (*engine)->AnalyzeAll(articles);
  ASSERT_EQ(analyses.size(), 300u);

  auto full_decoded = [](const DocAnalysis& a) {
    Result<DocAnalysis> d = DocAnalysisFromJson(nlohmann::json::parse(DocAnalysisToJsonText(a)));
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? DocAnalysisToJsonText(*d) : "";
  };
  std::map<std::string, std::string> expected;
  size_t full_bytes = 0, store_bytes = 0;
  for (const DocAnalysis& a : analyses) {
    expected[a.doc_id] = full_decoded(a);
    full_bytes += DocAnalysisToJsonText(a).size();
    store_bytes += DocAnalysisToStoreText(a).size();
  }
  EXPECT_LT(store_bytes * 100, full_bytes * 55) << store_bytes << " of " << full_bytes;

  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutAnalyses(analyses).ok());
  ASSERT_EQ(Query(path_, "SELECT count(*) FROM analyses WHERE json_extract(json, '$.form') = 2"),
            "300");
  auto check = [&]() {
    Result<std::vector<DocAnalysis>> back = store->LoadAnalyses();
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    ASSERT_EQ(back->size(), analyses.size());
    for (const DocAnalysis& a : *back) EXPECT_EQ(DocAnalysisToJsonText(a), expected[a.doc_id]);
  };
  check();
  // What the previous build wrote: the full form, without "form".
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* up = nullptr;
  ASSERT_EQ(
      sqlite3_prepare_v2(db, "UPDATE analyses SET json = ? WHERE doc_id = ?", -1, &up, nullptr),
      SQLITE_OK);
  for (size_t i = 0; i < analyses.size(); i += 2) {
    const std::string old = DocAnalysisToJsonText(analyses[i]);
    sqlite3_bind_text(up, 1, old.data(), static_cast<int>(old.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(up, 2, analyses[i].doc_id.c_str(), -1, SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(up), SQLITE_DONE);
    sqlite3_reset(up);
  }
  sqlite3_finalize(up);
  sqlite3_close(db);
  ASSERT_EQ(Query(path_, "SELECT count(*) FROM analyses WHERE json_extract(json, '$.form') = 2"),
            "150");
  check();
}

// The old mention and claim tables, created as a version-2 build made them.
void CreateRowTables(const std::string& path) {
  Query(path,
        "CREATE TABLE mentions (doc_id TEXT NOT NULL, idx INTEGER NOT NULL, begin INTEGER NOT NULL,"
        " end INTEGER NOT NULL, event_type TEXT, sub_event_type TEXT, date TEXT,"
        " background INTEGER NOT NULL, wave INTEGER NOT NULL, PRIMARY KEY (doc_id, idx))"
        " WITHOUT ROWID");
  Query(path,
        "CREATE TABLE claims (doc_id TEXT NOT NULL, idx INTEGER NOT NULL, begin INTEGER NOT NULL,"
        " end INTEGER NOT NULL, field TEXT NOT NULL, value REAL, low REAL, high REAL,"
        " qualifier TEXT, category TEXT, attributed_to TEXT, quote TEXT,"
        " PRIMARY KEY (doc_id, idx)) WITHOUT ROWID");
}

// Every column of every row of mentions and claims, as text.
std::string RowDump(const std::string& path) {
  return Query(path,
               "SELECT group_concat(r, char(10)) FROM (SELECT quote(doc_id) || ' ' || idx || ' ' ||"
               " begin || ' ' || end || ' ' || quote(event_type) || ' ' || quote(sub_event_type) ||"
               " ' ' || quote(date) || ' ' || background || ' ' || wave AS r FROM mentions"
               " ORDER BY doc_id, idx)") +
         "\n" +
         Query(path,
               "SELECT group_concat(r, char(10)) FROM (SELECT quote(doc_id) || ' ' || idx || ' ' ||"
               " begin || ' ' || end || ' ' || field || ' ' || quote(value) || ' ' || quote(low) ||"
               " ' ' || quote(high) || ' ' || quote(qualifier) || ' ' || quote(category) || ' ' ||"
               " quote(attributed_to) || ' ' || quote(quote) AS r FROM claims"
               " ORDER BY doc_id, idx)");
}

// In a new database mentions and claims are views over the analysis rows; they give what the
// tables of a database made before hold (and still get written), column for column, for
// simulated articles and for claims with open range ends and every non-default name.
TEST_F(StoreTest, MentionAndClaimViewsEqualTheOldTables) {
  std::vector<DocAnalysis> analyses;
  EngineOptions eo;
  eo.threads = 2;
  auto engine = Engine::Create(eo);
  if (engine.ok()) analyses = (*engine)->AnalyzeAll(SimulatedArticles(13));
  DocAnalysis odd = TwoClaimAnalysis("odd");
  odd.claims[0].low = -std::numeric_limits<double>::infinity();
  odd.claims[0].high = std::numeric_limits<double>::infinity();
  odd.claims[0].qualifier = Qualifier::kAtLeast;
  odd.claims[0].category = Category::kCivilians;
  odd.claims[0].attributed_to = "police";
  odd.claims[0].span = {4, 9};
  odd.claims[1].value = 2.5;
  odd.claims[1].low = 1;
  odd.claims[1].high = 4;
  odd.claims[1].quote.clear();
  odd.mentions[0].span = {3, 40};
  odd.mentions[0].sub_event_type = "Attack";
  odd.mentions[0].background = true;
  odd.mentions[0].wave = true;
  Timex t;
  t.span = {1, 2};
  t.date = CivilDate{2024, 3, 0};
  odd.timexes = {t};
  odd.mentions[0].date = t;  // written as "date_of": 0
  EventMention own = odd.mentions[0];
  own.date.date = CivilDate{2023, 12, 31};  // no timex has it: written in full
  odd.mentions.push_back(own);
  analyses.push_back(odd);

  const std::string old_path = (dir_ / "old.sqlite").string();
  CreateRowTables(old_path);
  for (const std::string& p : {path_, old_path}) {
    Result<std::unique_ptr<Store>> s = Store::Open(p);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    ASSERT_TRUE((*s)->PutAnalyses(analyses).ok());
  }
  EXPECT_EQ(Query(path_, "SELECT type FROM sqlite_master WHERE name = 'claims'"), "view");
  EXPECT_EQ(Query(old_path, "SELECT type FROM sqlite_master WHERE name = 'claims'"), "table");
  const std::string rows = RowDump(old_path);
  EXPECT_NE(rows.find("'odd' 0 4 9 killed 5.0 -Inf Inf 'at_least' 'civilians' 'police'"),
            std::string::npos)
      << rows;
  EXPECT_NE(rows.find("'odd' 1 3 40 'Violence against civilians' 'Attack' '2023-12-31' 1 1"),
            std::string::npos)
      << rows;
  EXPECT_EQ(RowDump(path_), rows);
}

// Incidents of simulated articles are stored in the store form (claims without the keys the
// previous claim repeats) and load as exactly what their full form decodes to; rows that an
// older build wrote (the full form, no "form") load the same, through LoadIncidents and
// GetIncident, and the store form takes under 75% of the full form's bytes.
TEST_F(StoreTest, StoredIncidentsLoadAsTheFullFormAndOldRowsStillLoad) {
  EngineOptions eo;
  eo.threads = 2;
  auto engine = Engine::Create(eo);
  if (!engine.ok()) GTEST_SKIP() << "no engine data: " << engine.status().ToString();  // NOLINT
  const std::vector<Article> articles = SimulatedArticles(12);
  ASSERT_EQ(articles.size(), 300u);
  const IncidentSet set = (*engine)->Resolve((*engine)->AnalyzeAll(articles)).value();
  ASSERT_GT(set.incidents.size(), 20u);

  std::map<std::string, std::string> expected;  // id -> full form, decoded and written again
  size_t full_bytes = 0, store_bytes = 0, claims = 0;
  for (const Incident& inc : set.incidents) {
    const std::string full = IncidentToJsonText(inc);
    Result<Incident> d = IncidentFromJson(nlohmann::json::parse(full));
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    expected[inc.id] = IncidentToJsonText(*d);
    full_bytes += full.size();
    store_bytes += IncidentToStoreText(inc).size();
    claims += inc.claims.size();
  }
  ASSERT_GT(claims, set.incidents.size());
  EXPECT_LT(store_bytes * 100, full_bytes * 75) << store_bytes << " of " << full_bytes;

  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->ReplaceIncidents(set).ok());
  const std::string n = std::to_string(set.incidents.size());
  ASSERT_EQ(Query(path_, "SELECT count(*) FROM incidents WHERE json_extract(json, '$.form') = 2"),
            n);
  auto check = [&]() {
    Result<IncidentSet> back = store->LoadIncidents();
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    ASSERT_EQ(back->incidents.size(), set.incidents.size());
    for (size_t i = 0; i < set.incidents.size(); ++i) {
      const Incident& inc = back->incidents[i];
      ASSERT_EQ(inc.id, set.incidents[i].id);  // the order is kept
      EXPECT_EQ(IncidentToJsonText(inc), expected[inc.id]);
      Result<Incident> one = store->GetIncident(inc.id);
      ASSERT_TRUE(one.ok()) << one.status().ToString();
      EXPECT_EQ(IncidentToJsonText(*one), expected[inc.id]);
    }
  };
  check();
  // What the previous build wrote: the full form, without "form".
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* up = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "UPDATE incidents SET json = ? WHERE id = ?", -1, &up, nullptr),
            SQLITE_OK);
  size_t rewritten = 0;
  for (size_t i = 0; i < set.incidents.size(); i += 2, ++rewritten) {
    const std::string old = IncidentToJsonText(set.incidents[i]);
    sqlite3_bind_text(up, 1, old.data(), static_cast<int>(old.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(up, 2, set.incidents[i].id.c_str(), -1, SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(up), SQLITE_DONE);
    sqlite3_reset(up);
  }
  sqlite3_finalize(up);
  sqlite3_close(db);
  ASSERT_EQ(Query(path_, "SELECT count(*) FROM incidents WHERE json_extract(json, '$.form') = 2"),
            std::to_string(set.incidents.size() - rewritten));
  check();
}

TEST_F(StoreTest, PlaceSpellingsRoundTripAndOldAnalysesReadThemFromTheText) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  const std::string text = "Gunmen raided a checkpoint near KAVAT late on Friday.";
  Place p;
  p.name = "Qavat";
  p.country = "AF";
  p.admin1 = "Zabul";
  p.level = GeoLevel::kPlace;
  const uint32_t at = static_cast<uint32_t>(text.find("KAVAT"));
  auto analysis = [&](const std::string& id, Span span) {
    DocAnalysis a;
    a.doc_id = id;
    EventMention m;
    m.doc_id = id;
    m.places.push_back(PlaceMention{span, p, 1.0f});
    a.mentions.push_back(m);
    a.places = m.places;
    return a;
  };
  const PlaceSpelling kavat{PlaceKey("AF", "Zabul", "Qavat"), "KAVAT"};
  DocAnalysis fresh = analysis("fresh", Span{at, at + 5});
  fresh.place_spellings = {kavat};
  DocAnalysis old = analysis("old", Span{at, at + 5});    // spellings filled on load
  DocAnalysis none = analysis("none", Span{at, at + 5});  // new, and truly without spellings
  DocAnalysis textless = analysis("textless", Span{at, at + 5});  // old, article not stored
  DocAnalysis past_end = analysis("past_end", Span{at, 9999});    // old, span beyond the text
  std::vector<bool> inserted;
  ASSERT_TRUE(store
                  ->PutArticles({MakeArticle("fresh", text), MakeArticle("old", text),
                                 MakeArticle("none", text), MakeArticle("past_end", text)},
                                &inserted)
                  .ok());
  ASSERT_TRUE(store->PutAnalyses({fresh, old, none, textless, past_end}).ok());
  // What an older build wrote: the same analyses without the key.
  Query(path_,
        "UPDATE analyses SET json = json_remove(json, '$.place_spellings')"
        " WHERE doc_id IN ('old', 'textless', 'past_end')");
  ASSERT_EQ(Query(path_, "SELECT count(*) FROM analyses WHERE json LIKE '%place_spellings%'"), "2");

  Result<std::vector<DocAnalysis>> back = store->LoadAnalyses();
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->size(), 5u);
  std::map<std::string, std::vector<PlaceSpelling>> got;
  for (const DocAnalysis& a : *back) got[a.doc_id] = a.place_spellings;
  EXPECT_EQ(got["fresh"], std::vector<PlaceSpelling>{kavat});
  EXPECT_EQ(got["old"], std::vector<PlaceSpelling>{kavat});
  EXPECT_TRUE(got["none"].empty());
  EXPECT_TRUE(got["textless"].empty());
  EXPECT_TRUE(got["past_end"].empty());
}

// Incident documents are staged and moved over sorted by key: every (incident, document, role)
// lands once whatever the incident order, a repeat is stored once, and a second replacement on
// the same connection leaves only its own rows.
TEST_F(StoreTest, IncidentDocumentsAreStoredOnceInAnyIncidentOrder) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  auto incident = [](std::string id, std::vector<std::string> docs,
                     std::vector<std::string> mentions) {
    Incident inc;
    inc.id = std::move(id);
    inc.documents = std::move(docs);
    inc.mentions = std::move(mentions);
    return inc;
  };
  IncidentSet set;
  set.incidents = {incident("z9", {"d3", "d1", "d3"}, {"d2"}), incident("a1", {"d2"}, {}),
                   incident("m5", {"d1"}, {"d1"})};
  ASSERT_TRUE(store->ReplaceIncidents(set).ok());
  const char* kRows =
      "SELECT group_concat(incident_id || ':' || doc_id || ':' || role, ' ') FROM "
      "(SELECT * FROM incident_documents ORDER BY incident_id, doc_id, role)";
  EXPECT_EQ(Query(path_, kRows),
            "a1:d2:document m5:d1:document m5:d1:mention z9:d1:document z9:d2:mention "
            "z9:d3:document");
  EXPECT_EQ(
      Query(path_, "SELECT group_concat(id, ' ') FROM (SELECT id FROM incidents ORDER BY ord)"),
      "z9 a1 m5");
  Result<Incident> z9 = store->GetIncident("z9");
  ASSERT_TRUE(z9.ok());
  EXPECT_EQ(z9->documents, (std::vector<std::string>{"d3", "d1", "d3"}));  // the JSON as given

  set.incidents = {incident("b2", {"d4"}, {})};
  ASSERT_TRUE(store->ReplaceIncidents(set).ok());
  EXPECT_EQ(Query(path_, kRows), "b2:d4:document");
  auto back = store->LoadIncidents();
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->incidents.size(), 1u);
  ASSERT_TRUE(store->ReplaceIncidents(set).ok());  // again on the same connection
  EXPECT_EQ(Query(path_, kRows), "b2:d4:document");
}

}  // namespace
}  // namespace sitrep
