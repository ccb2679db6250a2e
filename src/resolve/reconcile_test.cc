#include "resolve/reconcile.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/data_dir.h"

namespace sitrep {
namespace {

Claim C(const std::string& doc, double v, Qualifier q = Qualifier::kExact,
        const std::string& published = "2024-05-01", const std::string& by = "") {
  Claim c;
  c.doc_id = doc;
  c.field = Field::kKilled;
  c.value = c.low = c.high = v;
  c.qualifier = q;
  c.published = *CivilDate::FromIso(published);
  c.attributed_to = by;
  return c;
}

ResolveRules Rules() {
  ResolveRules r;
  r.official_terms = {"police", "ministry"};
  return r;
}

TEST(ReconcileTest, NoClaimsIsNull) {
  std::vector<Contradiction> out;
  EXPECT_FALSE(Reconcile({}, Policy::kLatest, &out).has_value());
  EXPECT_TRUE(out.empty());
}

TEST(ReconcileTest, AtLeastAndExactAgree) {
  ReconcileResult r = ReconcileClaims({C("a", 23, Qualifier::kAtLeast), C("b", 23)},
                                      Policy::kLatest, "killed", Rules());
  ASSERT_TRUE(r.figure);
  EXPECT_EQ(r.figure->best, 23);
  EXPECT_EQ(r.figure->low, 23);
  EXPECT_EQ(r.figure->high, 23);
  EXPECT_TRUE(r.contradictions.empty());
}

TEST(ReconcileTest, MoreThanAndLargerExactAgree) {
  ReconcileResult r = ReconcileClaims({C("a", 60, Qualifier::kMoreThan), C("b", 74)},
                                      Policy::kLatest, "killed", Rules());
  ASSERT_TRUE(r.figure);
  EXPECT_TRUE(r.contradictions.empty());
  EXPECT_EQ(r.figure->low, 61);   // "more than 60" is at least 61
  EXPECT_EQ(r.figure->best, 74);  // same day: the larger figure
  EXPECT_EQ(r.figure->high, 74);
}

TEST(ReconcileTest, MoreThanAloneGivesItsLowerBound) {
  std::optional<Figure> f = Reconcile({C("a", 60, Qualifier::kMoreThan)}, Policy::kLatest, nullptr);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->best, 61);
}

TEST(ReconcileTest, PartIsALowerBoundNotAContradiction) {
  Claim part = C("d", 38);
  part.scope = Scope::kPart;
  ReconcileResult r =
      ReconcileClaims({C("a", 74, Qualifier::kAtLeast), part, C("b", 60, Qualifier::kMoreThan)},
                      Policy::kLatest, "killed", Rules());
  ASSERT_TRUE(r.figure);
  EXPECT_TRUE(r.contradictions.empty());
  EXPECT_EQ(r.figure->best, 74);
  EXPECT_EQ(r.figure->low, 61);

  // A part larger than the reported total raises best: the total includes the part.
  Claim big = C("d", 80);
  big.scope = Scope::kPart;
  r = ReconcileClaims({C("a", 50), big}, Policy::kLatest, "killed", Rules());
  EXPECT_TRUE(r.contradictions.empty());
  EXPECT_EQ(r.figure->best, 80);
  EXPECT_EQ(r.figure->high, 80);

  // Only parts: the largest part.
  r = ReconcileClaims({big}, Policy::kLatest, "killed", Rules());
  EXPECT_EQ(r.figure->best, 80);
}

TEST(ReconcileTest, ExactDisagreementSameDayIsAContradiction) {
  ReconcileResult r =
      ReconcileClaims({C("seed-000", 10), C("seed-002", 35)}, Policy::kLatest, "vehicles", Rules());
  ASSERT_EQ(r.contradictions.size(), 1u);
  EXPECT_EQ(r.contradictions[0].field, "vehicles");
  EXPECT_EQ(r.contradictions[0].description, "seed-002 says 35, seed-000 says 10");
  EXPECT_EQ(r.figure->low, 10);
  EXPECT_EQ(r.figure->high, 35);
}

TEST(ReconcileTest, LaterHigherTollIsAnUpdate) {
  ReconcileResult r = ReconcileClaims(
      {C("a", 10, Qualifier::kExact, "2024-05-01"), C("b", 35, Qualifier::kExact, "2024-05-03")},
      Policy::kLatest, "killed", Rules());
  EXPECT_TRUE(r.contradictions.empty());
  EXPECT_EQ(r.figure->best, 35);
  // A later LOWER figure cannot be explained by counting: a contradiction.
  r = ReconcileClaims(
      {C("a", 35, Qualifier::kExact, "2024-05-01"), C("b", 10, Qualifier::kExact, "2024-05-03")},
      Policy::kLatest, "killed", Rules());
  EXPECT_EQ(r.contradictions.size(), 1u);
  EXPECT_EQ(r.figure->best, 10);  // latest still wins under this policy
}

TEST(ReconcileTest, SameArticleUpdatingItselfIsNoContradiction) {
  ReconcileResult r = ReconcileClaims({C("a", 10), C("a", 14)}, Policy::kLatest, "killed", Rules());
  EXPECT_TRUE(r.contradictions.empty());
  EXPECT_EQ(r.figure->best, 14);
}

TEST(ReconcileTest, PoliciesGiveDifferentBests) {
  std::vector<Claim> cs = {
      C("a", 22, Qualifier::kExact, "2024-11-09"), C("b", 22, Qualifier::kExact, "2024-11-09"),
      C("c", 24, Qualifier::kExact, "2024-11-09", "police"),
      C("d", 25, Qualifier::kExact, "2024-11-10"), C("e", 26, Qualifier::kExact, "2024-11-11")};
  EXPECT_EQ(ReconcileClaims(cs, Policy::kLatest, "killed", Rules()).figure->best, 26);
  EXPECT_EQ(ReconcileClaims(cs, Policy::kConservative, "killed", Rules()).figure->best, 22);
  EXPECT_EQ(ReconcileClaims(cs, Policy::kLikely, "killed", Rules()).figure->best, 24);
  for (Policy p : {Policy::kLatest, Policy::kConservative, Policy::kLikely}) {
    Figure f = *ReconcileClaims(cs, p, "killed", Rules()).figure;
    EXPECT_EQ(f.low, 22);
    EXPECT_EQ(f.high, 26);
  }
}

TEST(ReconcileTest, LatestPrefersOfficialOnTheSameDay) {
  std::vector<Claim> cs = {C("a", 30, Qualifier::kExact, "2024-11-09", "a witness"),
                           C("b", 24, Qualifier::kExact, "2024-11-09", "the police")};
  ReconcileResult r = ReconcileClaims(cs, Policy::kLatest, "killed", Rules());
  EXPECT_EQ(r.figure->best, 24);
  EXPECT_NE(r.rationale.find("the police"), std::string::npos);
}

TEST(ReconcileTest, UndatedReportsAreNotOlderThanADatedOne) {
  // One outlet with a date gives an early 6; two undated outlets give 18. Nothing says the
  // undated reports came first, so the date alone must not decide: the figure most give wins.
  Claim early = C("a", 6);
  Claim b = C("b", 18), c = C("c", 18);
  b.published = CivilDate{};
  c.published = CivilDate{};
  ReconcileResult r = ReconcileClaims({early, b, c}, Policy::kLatest, "killed", Rules());
  ASSERT_TRUE(r.figure);
  EXPECT_EQ(r.figure->best, 18);
  // A later dated report still counts as later than the earlier dated one.
  ReconcileResult r2 = ReconcileClaims(
      {C("a", 6, Qualifier::kExact, "2024-05-01"), C("b", 9, Qualifier::kExact, "2024-05-03")},
      Policy::kLatest, "killed", Rules());
  ASSERT_TRUE(r2.figure);
  EXPECT_EQ(r2.figure->best, 9);
}

TEST(ReconcileTest, WireCopiesDoNotOutvote) {
  Claim copy1 = C("copy1", 50, Qualifier::kExact, "2024-05-02");
  Claim copy2 = C("copy2", 50, Qualifier::kExact, "2024-05-02");
  copy1.independent = copy2.independent = false;
  std::vector<Claim> cs = {C("a", 20), C("b", 20), copy1, copy2};
  ReconcileResult r = ReconcileClaims(cs, Policy::kLatest, "killed", Rules());
  EXPECT_EQ(r.figure->best, 20);
  EXPECT_TRUE(r.contradictions.empty());  // copies never contradict
  EXPECT_EQ(ReconcileClaims(cs, Policy::kLikely, "killed", Rules()).figure->best, 20);
  // Only copies: they are used.
  EXPECT_EQ(ReconcileClaims({copy1}, Policy::kLatest, "killed", Rules()).figure->best, 50);
}

TEST(ReconcileTest, SpecificBeatsVague) {
  Claim dozens = C("a", 36, Qualifier::kVague);
  dozens.low = 24;
  dozens.high = 99;
  ReconcileResult r = ReconcileClaims({dozens, C("b", 31)}, Policy::kLatest, "killed", Rules());
  EXPECT_EQ(r.figure->best, 31);
  EXPECT_EQ(r.figure->high, 31);
  r = ReconcileClaims({dozens}, Policy::kLatest, "killed", Rules());
  EXPECT_EQ(r.figure->best, 24);
  EXPECT_EQ(r.figure->high, 99);  // "dozens" alone: its whole plausible range
}

// An approximate figure gives a range, not a point: "une vingtaine" [17, 24] is 17-20-24 and
// "about 20" (d = 2) reaches 22, where a plain 20 gives 20-20-20.
TEST(ReconcileTest, ApproximateFigureGivesItsRange) {
  Claim score = C("a", 20, Qualifier::kAbout);
  score.low = 17;
  score.high = 24;
  ReconcileResult r = ReconcileClaims({score}, Policy::kLatest, "killed", Rules());
  ASSERT_TRUE(r.figure);
  EXPECT_EQ(r.figure->low, 17);
  EXPECT_EQ(r.figure->best, 20);
  EXPECT_EQ(r.figure->high, 24);
  Claim about = C("b", 20, Qualifier::kAbout);
  about.low = 18;
  about.high = 22;
  r = ReconcileClaims({about}, Policy::kLatest, "killed", Rules());
  EXPECT_EQ(r.figure->high, 22);
  r = ReconcileClaims({C("c", 20)}, Policy::kLatest, "killed", Rules());
  EXPECT_EQ(r.figure->high, 20);
}

TEST(ReconcileFieldTest, CategoriesRaiseTheTotalWithoutDoubleCounting) {
  auto cat = [](const std::string& doc, double v, Category c) {
    Claim x = C(doc, v);
    x.category = c;
    return x;
  };
  // Doc a: 4 security + 5 civilians (total 9); doc b: 10 total, 6 security + 3 civilians.
  std::vector<Claim> cs = {
      cat("a", 4, Category::kSecurityForces), cat("a", 5, Category::kCivilians), C("b", 10),
      cat("b", 6, Category::kSecurityForces), cat("b", 3, Category::kCivilians)};
  FieldFigures ff = ReconcileField(cs, Field::kKilled, Policy::kLatest, Rules());
  ASSERT_TRUE(ff.total);
  EXPECT_EQ(ff.total->best, 10);  // not 6 + 5 = 11 summed across documents
  EXPECT_EQ(ff.by_category.at("security_forces").best, 6);
  EXPECT_EQ(ff.by_category.at("civilians").best, 5);

  // No total given: the sum of the categories.
  ff = ReconcileField({cat("a", 3, Category::kCivilians), cat("b", 2, Category::kSecurityForces)},
                      Field::kKilled, Policy::kLatest, Rules());
  ASSERT_TRUE(ff.total);
  EXPECT_EQ(ff.total->best, 5);

  // A total smaller than one document's split is raised to the split.
  ff = ReconcileField(
      {C("a", 5), cat("a", 4, Category::kCivilians), cat("a", 3, Category::kMilitants)},
      Field::kKilled, Policy::kLatest, Rules());
  EXPECT_EQ(ff.total->best, 7);
}

TEST(ReconcileFieldTest, OneDocumentsSplitIsAFloorWhenNoTotalIsGiven) {
  auto cat = [](const std::string& doc, double v, Category c, const std::string& day) {
    Claim x = C(doc, v, Qualifier::kExact, day);
    x.category = c;
    return x;
  };
  // "A man shot his family, killing 3, then killed himself" (a: 3 civilians + 1 militant), then
  // a later report counts only "2 children" (b): the latest per category sums to 3, yet one
  // document counted 4 dead.
  std::vector<Claim> cs = {cat("a", 3, Category::kCivilians, "2024-05-01"),
                           cat("a", 1, Category::kMilitants, "2024-05-01"),
                           cat("b", 2, Category::kCivilians, "2024-05-02")};
  FieldFigures ff = ReconcileField(cs, Field::kKilled, Policy::kLatest, Rules());
  ASSERT_TRUE(ff.total);
  EXPECT_EQ(ff.by_category.at("civilians").best, 2);
  EXPECT_EQ(ff.total->best, 4);
  EXPECT_GE(ff.total->high, 4);
  EXPECT_LE(ff.total->low, 4);

  // Splits of different documents are never added together: a: 2 civilians, b: 1 militant.
  ff = ReconcileField({cat("a", 2, Category::kCivilians, "2024-05-01"),
                       cat("b", 1, Category::kMilitants, "2024-05-02")},
                      Field::kKilled, Policy::kLatest, Rules());
  ASSERT_TRUE(ff.total);
  EXPECT_EQ(ff.total->best, 3);  // the sum of the categories, above either document's split
}

TEST(ReconcileFieldTest, OtherFieldsAreIgnored) {
  Claim injured = C("a", 40);
  injured.field = Field::kInjured;
  FieldFigures ff = ReconcileField({injured}, Field::kKilled, Policy::kLatest, Rules());
  EXPECT_FALSE(ff.total);
  ff = ReconcileField({injured}, Field::kInjured, Policy::kLatest, Rules());
  EXPECT_EQ(ff.total->best, 40);
}

TEST(PolicyTest, Parse) {
  EXPECT_EQ(*ParsePolicy("default"), Policy::kLatest);
  EXPECT_EQ(*ParsePolicy("latest"), Policy::kLatest);
  EXPECT_EQ(*ParsePolicy("conservative"), Policy::kConservative);
  EXPECT_EQ(*ParsePolicy("likely"), Policy::kLikely);
  Result<Policy> bad = ParsePolicy("median");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_STREQ(PolicyName(Policy::kLikely), "likely");
}

TEST(ResolveRulesTest, LoadsTheShippedFiles) {
  Result<ResolveRules> r = LoadResolveRules(DataPath("resolve"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->IsOfficial("Huancayo police"));
  EXPECT_TRUE(r->IsOfficial("the Interior Ministry"));
  EXPECT_FALSE(r->IsOfficial("a witness"));
  EXPECT_LT(r->TypeRank("Explosions/Remote violence"), r->TypeRank("Strategic developments"));
  EXPECT_LT(r->TypeRank("Explosions/Remote violence", "Suicide bomb"),
            r->TypeRank("Explosions/Remote violence", "Grenade"));
  Result<ResolveRules> missing = LoadResolveRules("/nonexistent-dir");
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(r->attested_reports, 2);  // limits.tsv
  EXPECT_EQ(r->recall_lookback_days, 365);
}

// limits.tsv's attested_reports is a whole number of articles; absent, it stays 2.
TEST(ResolveRulesTest, AttestedReportsComesFromLimits) {
  const std::string dir = ::testing::TempDir() + "/resolve_rules_limits";
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("official_sources.txt", "# terms\npolice\n");
  write("event_types.tsv", "# types\nBattles\t\n");
  std::filesystem::remove(dir + "/limits.tsv");
  Result<ResolveRules> absent = LoadResolveRules(dir);
  ASSERT_TRUE(absent.ok()) << absent.status().ToString();
  EXPECT_EQ(absent->attested_reports, 2);
  write("limits.tsv",
        "# limits\nattested_reports\t3\nmax_plausible_figure\t900\nrecall_lookback_days\t30\n");
  Result<ResolveRules> three = LoadResolveRules(dir);
  ASSERT_TRUE(three.ok()) << three.status().ToString();
  EXPECT_EQ(three->recall_lookback_days, 30);
  EXPECT_EQ(three->attested_reports, 3);
  EXPECT_EQ(three->max_plausible_figure, 900);
  for (const char* bad : {"2.5", "0", "-1", "two"}) {
    write("limits.tsv", std::string("attested_reports\t") + bad + "\n");
    Result<ResolveRules> r = LoadResolveRules(dir);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_NE(r.status().ToString().find("limits.tsv"), std::string::npos) << bad;
    }
  }
}

TEST(ResolveRulesTest, WholeWordsOnly) {
  ResolveRules r = Rules();
  EXPECT_TRUE(r.IsOfficial("police said"));
  EXPECT_FALSE(r.IsOfficial("policemen"));  // not the term "police" as a word
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

TEST(ReconcileTest, OutlierIsLeftOut) {
  ReconcileResult r = ReconcileClaims({C("a", 18), C("b", 30), C("c", 32), C("d", 4000)},
                                      Policy::kLatest, "killed", Rules());
  ASSERT_TRUE(r.figure);
  EXPECT_EQ(r.figure->best, 32);
  EXPECT_EQ(r.figure->high, 32);
  EXPECT_NE(r.rationale.find("outlier"), std::string::npos);
  // Two claims: no basis to call either an outlier.
  r = ReconcileClaims({C("a", 18), C("b", 400)}, Policy::kLatest, "killed", Rules());
  EXPECT_EQ(r.figure->best, 400);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

TEST(ReconcileTest, LatestOnTheSameDayPrefersTheFigureMostSourcesGive) {
  std::vector<Claim> cs = {C("a", 18, Qualifier::kAtLeast), C("b", 18, Qualifier::kAtLeast),
                           C("c", 30), C("d", 6, Qualifier::kAtLeast)};
  ReconcileResult r = ReconcileClaims(cs, Policy::kLatest, "killed", Rules());
  // "30" is the larger specific figure but only one source gives it.
  EXPECT_EQ(r.figure->best, 18);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

TEST(ReconcileTest, ImplausibleFigureIsLeftOut) {
  ReconcileResult r =
      ReconcileClaims({C("a", 18, Qualifier::kAtLeast), C("a", 40000, Qualifier::kMoreThan)},
                      Policy::kLatest, "killed", Rules());
  EXPECT_EQ(r.figure->best, 18);
  EXPECT_EQ(r.figure->high, 18);
  EXPECT_NE(r.rationale.find("implausible"), std::string::npos);
  Result<ResolveRules> shipped = LoadResolveRules(DataPath("resolve"));
  ASSERT_TRUE(shipped.ok());
  EXPECT_EQ(shipped->max_plausible_figure, 5000);
}

// Figure-cue tests: claims with invented quotes; `figure` is the number's text inside `quote`.
Claim Q(const std::string& doc, double v, const std::string& quote, const std::string& figure,
        Qualifier q = Qualifier::kExact, const std::string& published = "2024-05-01",
        const std::string& by = "") {
  Claim c = C(doc, v, q, published, by);
  if (published.empty()) c.published = CivilDate();
  c.quote = quote;
  c.span = {100, static_cast<uint32_t>(100 + quote.size())};
  const size_t at = quote.find(figure);
  EXPECT_NE(at, std::string::npos) << figure;
  c.figure_span = {static_cast<uint32_t>(100 + at),
                   static_cast<uint32_t>(100 + at + figure.size())};
  return c;
}

ResolveRules CueRules() {
  ResolveRules r = Rules();
  using K = ResolveRules::FigureCueKind;
  r.figure_cues = {{K::kPartisan, true, 40, "claimed to have killed"},
                   {K::kPartisan, false, 60, "a figure that could not be verified"},
                   {K::kUpdate, true, 30, "climbed to"},
                   {K::kSuperseded, true, 30, "up from"}};
  return r;
}

TEST(ReconcileCueTest, PerpetratorsCountOnlyRaisesHigh) {
  std::vector<Claim> cs = {
      Q("a", 12, "Officials said 12 guards died in the raid on the depot.", "12"),
      Q("b", 40, "The rebels claimed to have killed 40 guards in the raid.", "40",
        Qualifier::kExact, "2024-05-02"),
      Q("c", 35, "The group put the toll at 35, a figure that could not be verified.", "35",
        Qualifier::kExact, "2024-05-02")};
  for (Policy p : {Policy::kLatest, Policy::kConservative, Policy::kLikely}) {
    ReconcileResult r = ReconcileClaims(cs, p, "killed", CueRules());
    ASSERT_TRUE(r.figure);
    EXPECT_EQ(r.figure->best, 12) << PolicyName(p);
    EXPECT_EQ(r.figure->high, 40);
    EXPECT_NE(r.rationale.find("perpetrators"), std::string::npos);
  }
}

TEST(ReconcileCueTest, CueBesideAnotherNumberDoesNotCount) {
  // The official 9 stands before the cue; only the 30 after it is the rebels' count.
  Claim official = Q("a", 9, "Nine died, police said; the rebels claimed to have killed 30.",
                     "Nine", Qualifier::kExact, "2024-05-01");
  Claim rebels = Q("a", 30, "Nine died, police said; the rebels claimed to have killed 30.", "30",
                   Qualifier::kExact, "2024-05-01");
  ReconcileResult r = ReconcileClaims({official, rebels}, Policy::kLatest, "killed", CueRules());
  ASSERT_TRUE(r.figure);
  EXPECT_EQ(r.figure->best, 9);
  EXPECT_EQ(r.figure->high, 30);
}

TEST(ReconcileCueTest, IndexedAndUnindexedRulesReadTheSameCues) {
  // CueRules() sets the cues by hand without an index: each read builds one. Indexed rules
  // must read the same flags, whatever the side, window or case of the words.
  ResolveRules plain = CueRules();
  ResolveRules indexed = CueRules();
  indexed.BuildCueIndexes();
  ASSERT_EQ(plain.figure_index.size(), 0u);
  ASSERT_EQ(indexed.figure_index.size(), indexed.figure_cues.size());
  const std::vector<Claim> cs = {
      Q("a", 30, "The Rebels CLAIMED TO HAVE KILLED 30 guards.", "30"),
      Q("a", 30, "They claimed to have killed many in a long and winding campaign that ended 30.",
        "30"),  // the cue is beyond its window
      Q("a", 25, "The toll climbed to 25 on Sunday, up from 12.", "25"),
      Q("a", 12, "The toll climbed to 25 on Sunday, up from 12.", "12"),
      Q("a", 7, "Seven died, a figure that could not be verified.", "Seven"),
      Q("a", 7, "Seven died; officials disputed a figure that could not be verified.", "Seven"),
      Q("a", 3, "It was reclaimed to have killed 3.", "3")};  // not a whole word
  const bool expected[][3] = {{true, false, false}, {false, false, false}, {false, true, false},
                              {false, false, true}, {true, false, false},  {true, false, false},
                              {false, false, false}};
  for (size_t i = 0; i < cs.size(); ++i) {
    SCOPED_TRACE(cs[i].quote + " / " + std::to_string(cs[i].value));
    const FigureCues a = ReadFigureCues(cs[i], plain);
    const FigureCues b = ReadFigureCues(cs[i], indexed);
    EXPECT_EQ(a.partisan, b.partisan);
    EXPECT_EQ(a.update, b.update);
    EXPECT_EQ(a.superseded, b.superseded);
    EXPECT_EQ(b.partisan, expected[i][0]);
    EXPECT_EQ(b.update, expected[i][1]);
    EXPECT_EQ(b.superseded, expected[i][2]);
  }
}

TEST(ReconcileCueTest, OnlyPerpetratorsCountStillGivesAFigure) {
  ReconcileResult r =
      ReconcileClaims({Q("a", 40, "The rebels claimed to have killed 40 guards.", "40")},
                      Policy::kLatest, "killed", CueRules());
  ASSERT_TRUE(r.figure);
  EXPECT_EQ(r.figure->best, 40);
}

TEST(ReconcileCueTest, RisenTollBeatsAnEarlierDatedFigure) {
  // The undated report says the toll climbed: it is newer than the dated, smaller figure.
  std::vector<Claim> cs = {Q("a", 80, "The market bombing killed 80 people.", "80",
                             Qualifier::kExact, "2024-05-01", "police"),
                           Q("b", 97, "The toll from the market bombing has climbed to 97.", "97",
                             Qualifier::kExact, "")};
  ReconcileResult r = ReconcileClaims(cs, Policy::kLatest, "killed", CueRules());
  ASSERT_TRUE(r.figure);
  EXPECT_EQ(r.figure->best, 97);
  EXPECT_EQ(r.figure->low, 80);
  // A risen toll dated before the latest figure does not override it.
  cs[1].published = *CivilDate::FromIso("2024-04-30");
  r = ReconcileClaims(cs, Policy::kLatest, "killed", CueRules());
  EXPECT_EQ(r.figure->best, 80);
}

TEST(ReconcileCueTest, EarlierTollRecalledIsOnlyALowerBound) {
  // One article, one day: "rose to 31, up from 19". Without the cue 19 (two documents) would win.
  std::vector<Claim> cs = {
      Q("a", 31, "The toll rose to 31, up from 19 on Monday.", "31"),
      Q("a", 19, "The toll rose to 31, up from 19 on Monday.", "19"),
      Q("b", 19, "Nineteen villagers were killed, a local chief said.", "Nineteen")};
  ReconcileResult r = ReconcileClaims(cs, Policy::kLatest, "killed", CueRules());
  ASSERT_TRUE(r.figure);
  EXPECT_EQ(r.figure->best, 31);
  EXPECT_EQ(r.figure->low, 19);
  EXPECT_NE(r.rationale.find("earlier toll"), std::string::npos);
}

TEST(ReconcileCueTest, OpenEndedLatestFigureIsRefinedByAPreciseOne) {
  // "more than 30" two days later is rounded: the earlier precise 33 fits it and is the count.
  std::vector<Claim> cs = {C("a", 33, Qualifier::kExact, "2024-05-01"),
                           C("b", 30, Qualifier::kMoreThan, "2024-05-03")};
  ReconcileResult r = ReconcileClaims(cs, Policy::kLatest, "killed", CueRules());
  ASSERT_TRUE(r.figure);
  EXPECT_EQ(r.figure->best, 33);
  // Far above the floor (more than a quarter) it is another count, not a refinement.
  cs[0].value = cs[0].low = cs[0].high = 60;
  r = ReconcileClaims(cs, Policy::kLatest, "killed", CueRules());
  EXPECT_EQ(r.figure->best, 31);
  // An exact latest figure is never "refined" upwards.
  cs = {C("a", 33, Qualifier::kExact, "2024-05-01"), C("b", 30, Qualifier::kExact, "2024-05-03")};
  r = ReconcileClaims(cs, Policy::kLatest, "killed", CueRules());
  EXPECT_EQ(r.figure->best, 30);
}

TEST(ReconcileCueTest, OpenEndedFigureIsTheFloorOfAnExactOneOfTheSameDay) {
  // Both undated: "more than 60" (official) and "115" agree, and the open-ended one is the floor.
  std::vector<Claim> cs = {C("a", 60, Qualifier::kMoreThan, "2024-05-01", "police"),
                           C("b", 115, Qualifier::kExact, "2024-05-01")};
  cs[0].published = cs[1].published = CivilDate();
  ReconcileResult r = ReconcileClaims(cs, Policy::kLatest, "killed", CueRules());
  ASSERT_TRUE(r.figure);
  EXPECT_EQ(r.figure->best, 115);
  EXPECT_EQ(r.figure->low, 61);
  // Not another open-ended one ("at least 115").
  cs[1].qualifier = Qualifier::kAtLeast;
  r = ReconcileClaims(cs, Policy::kLatest, "killed", CueRules());
  EXPECT_EQ(r.figure->best, 61);
  // Nor a figure whose own document also gives one no larger than the floor: it counts
  // something else there ("at least 18 ... in 2019, 30 people died").
  cs[1].qualifier = Qualifier::kExact;
  cs.push_back(C("b", 55, Qualifier::kExact, "2024-05-01"));
  cs[2].published = CivilDate();
  r = ReconcileClaims(cs, Policy::kLatest, "killed", CueRules());
  EXPECT_NE(r.figure->best, 115);
}

TEST(ReconcileCueTest, ShippedCuesReadAReachedTollAsAnUpdate) {
  Result<ResolveRules> shipped = LoadResolveRules(DataPath("resolve"));
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  EXPECT_TRUE(
      ReadFigureCues(Q("a", 60, "The number of fatalities reached 60 on Sunday.", "60"), *shipped)
          .update);
  EXPECT_TRUE(
      ReadFigureCues(Q("a", 143, "Число жертв увеличилось до 143 человек.", "143"), *shipped)
          .update);
}

TEST(ReconcileCueTest, TotalBelowItsOwnCategoriesDoesNotVote) {
  // Document a: "one man" (1, official) beside "his two children" (2 civilians) - a victim, not
  // the toll. Document b, same day: 3 in all.
  auto cat = [](const std::string& doc, double v, Category k) {
    Claim c = C(doc, v);
    c.category = k;
    return c;
  };
  std::vector<Claim> cs = {C("a", 1, Qualifier::kExact, "2024-05-01", "police"),
                           cat("a", 2, Category::kCivilians), C("b", 3),
                           cat("b", 2, Category::kCivilians)};
  FieldFigures ff = ReconcileField(cs, Field::kKilled, Policy::kLatest, CueRules());
  ASSERT_TRUE(ff.total);
  EXPECT_EQ(ff.total->best, 3);
}

TEST(ReconcileCueTest, PerpetratorsCategoryCountDoesNotRaiseTheTotal) {
  Claim rebels = Q("b", 50, "The rebels claimed to have killed 50 soldiers.", "50");
  rebels.category = Category::kSecurityForces;
  Claim soldiers = Q("a", 8, "Eight soldiers were killed, the army said.", "Eight");
  soldiers.category = Category::kSecurityForces;
  std::vector<Claim> cs = {C("a", 8), soldiers, C("b", 8), rebels};
  FieldFigures ff = ReconcileField(cs, Field::kKilled, Policy::kLatest, CueRules());
  ASSERT_TRUE(ff.total);
  EXPECT_EQ(ff.total->best, 8);
  EXPECT_EQ(ff.by_category.at("security_forces").best, 8);
  EXPECT_EQ(ff.by_category.at("security_forces").high, 50);
}

TEST(ReconcileCueTest, ResultDoesNotDependOnClaimOrder) {
  std::vector<Claim> cs = {
      Q("a", 80, "The market bombing killed 80 people.", "80", Qualifier::kExact, "2024-05-01"),
      Q("b", 97, "The toll has climbed to 97.", "97", Qualifier::kExact, ""),
      Q("c", 99, "The death toll climbed to 99.", "99", Qualifier::kExact, ""),
      Q("d", 300, "The rebels claimed to have killed 300.", "300"),
      C("e", 90, Qualifier::kMoreThan, "2024-05-02"),
      C("f", 92, Qualifier::kExact, "2024-05-01")};
  ReconcileResult first = ReconcileClaims(cs, Policy::kLatest, "killed", CueRules());
  std::sort(cs.begin(), cs.end(),
            [](const Claim& x, const Claim& y) { return x.doc_id > y.doc_id; });
  ReconcileResult second = ReconcileClaims(cs, Policy::kLatest, "killed", CueRules());
  ASSERT_TRUE(first.figure && second.figure);
  EXPECT_EQ(first.figure->best, second.figure->best);
  EXPECT_EQ(first.figure->low, second.figure->low);
  EXPECT_EQ(first.figure->high, second.figure->high);
  EXPECT_EQ(first.rationale, second.rationale);
  EXPECT_EQ(first.figure->best, 99);
}

// What ReadFigureCues must find, read the plain way: every whole-word occurrence of every cue in
// the whole lower-cased quote, on its side of the figure, within its window, no digit between.
FigureCues ReferenceCues(const Claim& c, const ResolveRules& rules) {
  FigureCues out;
  std::string text = c.quote;
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const size_t fb = c.figure_span.begin - c.span.begin, fe = c.figure_span.end - c.span.begin;
  auto no_digit = [&](size_t a, size_t b) {
    return std::none_of(text.begin() + a, text.begin() + b,
                        [](char x) { return x >= '0' && x <= '9'; });
  };
  for (const ResolveRules::FigureCue& cue : rules.figure_cues) {
    for (size_t pos = text.find(cue.phrase); pos != std::string::npos;
         pos = text.find(cue.phrase, pos + 1)) {
      const size_t end = pos + cue.phrase.size();
      if ((pos > 0 && IsCueWordByte(text[pos - 1])) ||
          (end < text.size() && IsCueWordByte(text[end]))) {
        continue;
      }
      const size_t window = static_cast<size_t>(cue.window);
      const bool hit = cue.before ? end <= fb && fb - end <= window && no_digit(end, fb)
                                  : pos >= fe && pos - fe <= window && no_digit(fe, pos);
      if (!hit) continue;
      (cue.kind == ResolveRules::FigureCueKind::kPartisan ? out.partisan
       : cue.kind == ResolveRules::FigureCueKind::kUpdate ? out.update
                                                          : out.superseded) = true;
    }
  }
  return out;
}

TEST(ReconcileCueTest, OnlyTheWordsWithinReachAreReadAndTheyReadAsTheWholeQuote) {
  // ReadFigureCues lower-cases and scans only the piece of the quote its cues can reach: moving
  // the figure away from each cue one byte at a time, across the edge of the window, must give
  // the flags a plain reading of the whole quote gives.
  ResolveRules rules = CueRules();
  rules.BuildCueIndexes();
  const std::vector<std::string> heads = {"The rebels Claimed To Have Killed",
                                          "The toll climbed to", "Reclaimed to have killed",
                                          "It went up from", ""};
  const std::vector<std::string> tails = {" dead, a figure that could not be verified.",
                                          " dead, a figure that could not be verifiedly.", " dead.",
                                          " dead, a figure that could not be verified 2 times."};
  size_t hits = 0;
  for (const std::string& head : heads) {
    for (const std::string& tail : tails) {
      for (size_t gap = 0; gap < 70; gap += 3) {
        for (size_t tail_gap : {size_t{0}, size_t{52}, size_t{53}, size_t{54}, size_t{55}}) {
          const std::string quote = head + std::string(gap, ' ') + " 17" +
                                    std::string(tail_gap, 'x').replace(0, tail_gap ? 1 : 0, " ") +
                                    tail;
          const Claim c = Q("a", 17, quote, "17");
          SCOPED_TRACE(quote);
          const FigureCues want = ReferenceCues(c, rules);
          const FigureCues got = ReadFigureCues(c, rules);
          EXPECT_EQ(got.partisan, want.partisan);
          EXPECT_EQ(got.update, want.update);
          EXPECT_EQ(got.superseded, want.superseded);
          hits += want.partisan + want.update + want.superseded;
          // The list form reads the same.
          const std::vector<FigureCues> all = ReadFigureCues(std::vector<Claim>{c, c}, rules);
          ASSERT_EQ(all.size(), 2u);
          EXPECT_EQ(all[1].partisan, want.partisan);
          EXPECT_EQ(all[1].update, want.update);
          EXPECT_EQ(all[1].superseded, want.superseded);
        }
      }
    }
  }
  EXPECT_GT(hits, 100u);  // the sample does cross the windows
}

TEST(ReconcileCueTest, ReconcileFieldTakesCuesReadBefore) {
  // The quotes say nothing, but the cues read before (as resolution keeps them with the claims)
  // say the 40 is the perpetrators' count: it only raises high.
  const std::vector<Claim> cs = {
      Q("a", 12, "Officials said 12 guards died.", "12"),
      Q("b", 40, "A statement said 40 guards died.", "40", Qualifier::kExact, "2024-05-02")};
  const std::vector<FigureCues> cues = {{}, {true, false, false}};
  FieldFigures given = ReconcileField(cs, cues, Field::kKilled, Policy::kLatest, CueRules());
  ASSERT_TRUE(given.total);
  EXPECT_EQ(given.total->best, 12);
  EXPECT_EQ(given.total->high, 40);
  // Cues that do not match the claims one to one are read from the quotes instead.
  FieldFigures read =
      ReconcileField(cs, {{true, false, false}}, Field::kKilled, Policy::kLatest, CueRules());
  ASSERT_TRUE(read.total);
  EXPECT_EQ(read.total->best, 40);
  FieldFigures plain = ReconcileField(cs, Field::kKilled, Policy::kLatest, CueRules());
  ASSERT_TRUE(plain.total);
  EXPECT_EQ(plain.total->best, 40);
}

TEST(ResolveRulesTest, LoadsFigureCues) {
  Result<ResolveRules> shipped = LoadResolveRules(DataPath("resolve"));
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  bool partisan = false, update = false, superseded = false;
  for (const ResolveRules::FigureCue& c : shipped->figure_cues) {
    partisan |= c.kind == ResolveRules::FigureCueKind::kPartisan;
    update |= c.kind == ResolveRules::FigureCueKind::kUpdate;
    superseded |= c.kind == ResolveRules::FigureCueKind::kSuperseded;
    EXPECT_GT(c.window, 0);
    EXPECT_FALSE(c.phrase.empty());
  }
  EXPECT_TRUE(partisan && update && superseded);
}

TEST(ReconcileCueTest, ReadFigureCuesSaysWhatTheWordsBesideAFigureSay) {
  const FigureCues rebels = ReadFigureCues(
      Q("a", 40, "The rebels claimed to have killed 40 guards in the raid.", "40"), CueRules());
  EXPECT_TRUE(rebels.partisan);
  EXPECT_FALSE(rebels.update || rebels.superseded);
  const FigureCues earlier =
      ReadFigureCues(Q("a", 30, "The toll reached 52, up from 30 at noon.", "30"), CueRules());
  EXPECT_TRUE(earlier.superseded);
  EXPECT_FALSE(earlier.partisan);
  const FigureCues plain =
      ReadFigureCues(Q("a", 12, "Officials said 12 guards died in the raid.", "12"), CueRules());
  EXPECT_FALSE(plain.partisan || plain.update || plain.superseded);
  // A figure span outside its quote reads no cue.
  Claim outside = Q("a", 40, "The rebels claimed to have killed 40 guards.", "40");
  outside.figure_span = {0, 2};
  EXPECT_FALSE(ReadFigureCues(outside, CueRules()).partisan);
}

}  // namespace
}  // namespace sitrep
