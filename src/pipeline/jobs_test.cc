#include "pipeline/jobs.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

Article Report(const std::string& id, const std::string& text, int day) {
  Article a;
  a.doc_id = id;
  a.origin = "test:" + id;
  a.source = "Test Wire";
  a.lang = "en";
  a.text = text;
  a.published = CivilDate{2024, 3, day};
  return a;
}

// Two attacks in two countries, each told by its own article, and a third telling the first.
const char kFirst[] =
    "Gunmen attacked a police checkpoint in Peshawar on Monday, killing at least six officers, "
    "a police spokesman said.";
const char kSecond[] =
    "A car bomb exploded near a market in Kirkuk on Tuesday, killing 11 people, officials said.";
const char kThird[] =
    "At least seven police officers were killed when gunmen stormed a checkpoint in Peshawar on "
    "Monday, officials said.";

std::vector<std::string> Ids(const IncidentSet& set) {
  std::vector<std::string> ids;
  for (const Incident& inc : set.incidents) ids.push_back(inc.id);
  return ids;
}

class JobsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = Engine::Create(EngineOptions());
    if (!engine.ok()) GTEST_SKIP() << "no engine data: " << engine.status().ToString();  // NOLINT
    engine_ = std::move(engine).value();
    dir_ = fs::path(::testing::TempDir()) / ("sitrep_jobs_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> Open(const std::string& name) {
    auto store = Store::Open((dir_ / name).string());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  std::unique_ptr<Engine> engine_;
  fs::path dir_;
};

// Batches added one after another give the store the incidents one `analyze` of them all gives.
TEST_F(JobsTest, BatchesAddUpToOneAnalyzeRun) {
  std::vector<Article> all = {Report("a", kFirst, 5), Report("b", kSecond, 6),
                              Report("c", kThird, 5)};
  std::vector<Article> corpus = all;
  Result<AnalyzeRun> whole = AnalyzeArticles(*engine_, &corpus, /*store=*/nullptr);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  ASSERT_FALSE(whole->incidents.incidents.empty());
  EXPECT_TRUE(whole->conflicts.empty());

  std::unique_ptr<Store> store = Open("batches.db");
  ASSERT_NE(store, nullptr);
  Result<IngestRun> first = AddToStore(*engine_, {all[0], all[1]}, store.get());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->added, 2u);
  EXPECT_EQ(first->stored_before, 0u);
  EXPECT_TRUE(first->resolved);
  Result<IngestRun> second = AddToStore(*engine_, {all[2]}, store.get());
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->stored_before, 2u);
  EXPECT_EQ(second->added, 1u);
  EXPECT_EQ(second->stored_after, 3u);
  EXPECT_EQ(Ids(second->incidents), Ids(whole->incidents));
  Result<IncidentSet> stored = store->LoadIncidents();
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(Ids(*stored), Ids(whole->incidents));
}

// A doc_id sent again with other text is a conflict: the stored text stays, nothing is added,
// and with nothing changed the stored incidents are kept, not made again.
TEST_F(JobsTest, ConflictingDocIdKeepsTheStoredTextAndIncidents) {
  std::unique_ptr<Store> store = Open("conflict.db");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(AddToStore(*engine_, {Report("a", kFirst, 5)}, store.get()).ok());
  Result<IngestRun> again = AddToStore(*engine_, {Report("a", kSecond, 6)}, store.get());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->added, 0u);
  EXPECT_EQ(again->analysed, 0u);
  EXPECT_FALSE(again->resolved);
  ASSERT_EQ(again->conflicts.size(), 1u);
  EXPECT_NE(again->conflicts[0].message().find("test:a"), std::string::npos);
  Result<Article> kept = store->GetArticle("a");
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->text, kFirst);
  EXPECT_FALSE(again->incidents.incidents.empty());
}

// A new article that is the earlier copy of a stored one becomes the canonical copy: the stored
// one's marks change, so it is analysed again with the new one.
TEST_F(JobsTest, StoredArticleWhoseMarksChangeIsAnalysedAgain) {
  std::unique_ptr<Store> store = Open("marks.db");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(AddToStore(*engine_, {Report("later", kFirst, 6)}, store.get()).ok());
  Result<IngestRun> run = AddToStore(*engine_, {Report("earlier", kFirst, 5)}, store.get());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->added, 1u);
  EXPECT_EQ(run->analysed, 2u);
  Result<Article> later = store->GetArticle("later");
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->copy_of, "earlier");
  EXPECT_TRUE(later->exact_duplicate);
}

// A run that stored its analyses but stopped before its incidents is finished by the next call,
// even one that adds nothing.
TEST_F(JobsTest, NothingNewStillFinishesAStoppedRun) {
  std::unique_ptr<Store> store = Open("stopped.db");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(AddToStore(*engine_, {Report("a", kFirst, 5)}, store.get()).ok());
  ASSERT_TRUE(store->ReplaceIncidents(IncidentSet()).ok());  // as if stopped before them
  Result<IngestRun> run = AddToStore(*engine_, {Report("a", kFirst, 5)}, store.get());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->added, 0u);
  EXPECT_TRUE(run->resolved);
  EXPECT_FALSE(run->incidents.incidents.empty());
  Result<IncidentSet> stored = store->LoadIncidents();
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(Ids(*stored), Ids(run->incidents));
}

// `analyze --db` stores each article and its analysis, an analysis only beside its own text: an
// article whose doc_id the store holds with other text keeps the stored text, and no analysis of
// the other text is stored. The stored incidents are the caller's to replace.
TEST_F(JobsTest, AnalyzeStoresAnalysesBesideTheirOwnText) {
  std::unique_ptr<Store> store = Open("analyzed.db");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutArticles({Report("a", kSecond, 6)}, nullptr).ok());
  std::vector<Article> corpus = {Report("a", kFirst, 5), Report("b", kThird, 5)};
  Result<AnalyzeRun> run = AnalyzeArticles(*engine_, &corpus, store.get());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_EQ(run->conflicts.size(), 1u);
  EXPECT_NE(run->conflicts[0].message().find("'a'"), std::string::npos);
  Result<Article> kept = store->GetArticle("a");
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->text, kSecond);
  Result<std::vector<DocAnalysis>> analyses = store->LoadAnalyses();
  ASSERT_TRUE(analyses.ok());
  ASSERT_EQ(analyses->size(), 1u);
  EXPECT_EQ((*analyses)[0].doc_id, "b");
  Result<IncidentSet> stored = store->LoadIncidents();
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(stored->incidents.empty());
}

}  // namespace
}  // namespace sitrep
