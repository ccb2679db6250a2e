#include "cli/commands.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace sitrep {
namespace {

namespace fs = std::filesystem;

TEST(CommandsTest, ExplainShowsFiguresDocumentsQuotesAndReasons) {
  Incident inc;
  inc.id = "i-7";
  inc.parent = "s-1";
  inc.date = CivilDate{2022, 3, 4};
  inc.place = "Exampleville";
  inc.admin1 = "North Province";
  inc.country = "XX";
  inc.killed = Figure{4, 5, 6};
  inc.documents = {"d1"};
  inc.mentions = {"d9"};
  Claim c;
  c.doc_id = "d1";
  c.field = Field::kKilled;
  c.value = c.low = c.high = 5;
  c.attributed_to = "police";
  c.quote = "Five people were killed, police said.";
  c.span = {12, 49};
  inc.claims = {c};
  inc.why = {{"d1", "new incident", "first report of this place and day", 1.0}};
  Article a;
  a.doc_id = "d1";
  a.source = "Example Herald";
  a.published = CivilDate{2022, 3, 5};
  std::map<std::string, Article> articles = {{"d1", a}};
  const std::string text = ExplainText(inc, {}, articles);
  EXPECT_EQ(text.rfind("incident i-7 (part of s-1)\n", 0), 0u) << text;
  EXPECT_NE(text.find("date: 2022-03-04"), std::string::npos);
  EXPECT_NE(text.find("where: Exampleville, North Province, XX"), std::string::npos);
  EXPECT_NE(text.find("killed: 5 (low 4, high 6)"), std::string::npos);
  EXPECT_NE(text.find("d1  Example Herald  2022-03-05"), std::string::npos);
  EXPECT_NE(text.find("background mentions (1):\n  d9\n"), std::string::npos);
  EXPECT_NE(text.find("[d1] killed 5 (exact, unknown, according to police)"), std::string::npos);
  EXPECT_NE(text.find("\"Five people were killed, police said.\" [12,49)"), std::string::npos);
  EXPECT_NE(text.find("[d1] new incident (score 1): first report of this place and day"),
            std::string::npos);
}

TEST(CommandsTest, WriteOutputReplacesWholeFileAndReportsFailures) {
  const fs::path dir = fs::temp_directory_path() / ("sitrep_cmd_test_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "out.json").string();
  ASSERT_TRUE(WriteOutput(path, "first version, longer").ok());
  ASSERT_TRUE(WriteOutput(path, "second").ok());
  std::stringstream ss;
  ss << std::ifstream(path).rdbuf();
  EXPECT_EQ(ss.str(), "second");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);  // no temp
  Status st = WriteOutput((dir / "missing" / "out.json").string(), "x");
  EXPECT_EQ(st.code(), StatusCode::kIoError);
  EXPECT_NE(st.message().find("missing/out.json: cannot write"), std::string::npos);
  fs::remove_all(dir);
}

TEST(CommandsTest, AnalyzeWarnsWhenItReplacesIncidentsOfArticlesItDidNotRead) {
  Article a, b;
  a.doc_id = "d1";
  b.doc_id = "d2";
  // The run read every stored article (one of them twice): nothing is lost, no warning.
  EXPECT_EQ(ReplacedIncidentsWarning("x.db", 2, {a, b, a}), "");
  const std::string w = ReplacedIncidentsWarning("x.db", 5, {a, b});
  EXPECT_EQ(w.rfind("x.db: holds 3 article(s) this run did not read", 0), 0u) << w;
  EXPECT_NE(w.find("sitrep ingest"), std::string::npos);
}

TEST(CommandsTest, EachCommandHasHelpWithItsOptionsAndAnExample) {
  for (const char* command : {"analyze", "ingest", "export", "explain"}) {
    const std::string help = CommandHelp(command);
    EXPECT_EQ(help.rfind(std::string("usage: sitrep ") + command, 0), 0u) << command;
    EXPECT_NE(help.find("\n  sitrep " + std::string(command) + " "), std::string::npos)
        << command << ": no example";
  }
  EXPECT_NE(CommandHelp("analyze").find("--policy"), std::string::npos);
  EXPECT_NE(CommandHelp("export").find("parent_id is empty"), std::string::npos);
  EXPECT_EQ(CommandHelp("analyse"), CommandHelp("analyze"));
  EXPECT_EQ(CommandHelp("frobnicate"), "");
  EXPECT_NE(UsageText().find("sitrep version | help [COMMAND]"), std::string::npos);
}

TEST(CommandsTest, CheckOutputPathFailsEarlyOnAMissingFolderOrAFolder) {
  const fs::path dir = fs::temp_directory_path() / ("sitrep_out_test_" + std::to_string(getpid()));
  fs::create_directories(dir);
  EXPECT_TRUE(CheckOutputPath("").ok());
  EXPECT_TRUE(CheckOutputPath("-").ok());
  EXPECT_TRUE(CheckOutputPath((dir / "out.json").string()).ok());
  Status st = CheckOutputPath((dir / "missing" / "out.json").string());
  EXPECT_EQ(st.code(), StatusCode::kIoError);
  EXPECT_NE(st.message().find("missing/out.json: cannot write: no folder"), std::string::npos)
      << st.message();
  st = CheckOutputPath(dir.string());
  EXPECT_NE(st.message().find("is a folder"), std::string::npos) << st.message();
  fs::remove_all(dir);
}

TEST(CommandsTest, OutputFormatComesFromTheFlagElseTheOutputsExtension) {
  EXPECT_EQ(OutputFormat("", "").value(), "json");
  EXPECT_EQ(OutputFormat("", "out/incidents.json").value(), "json");
  EXPECT_EQ(OutputFormat("", "incidents.CSV").value(), "csv");
  EXPECT_EQ(OutputFormat("", "map.geojson").value(), "geojson");
  EXPECT_EQ(OutputFormat("json", "incidents.csv").value(), "json");  // the flag wins
  Result<std::string> bad = OutputFormat("xml", "x.xml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("--format: expected json, csv or geojson, got 'xml'"),
            std::string::npos);
  IncidentSet set;
  EXPECT_EQ(FormatIncidents(set, "csv").rfind("event_id_cnty,", 0), 0u);
  EXPECT_NE(FormatIncidents(set, "geojson").find("FeatureCollection"), std::string::npos);
  EXPECT_NE(FormatIncidents(set, "json").find("sitrep-incidents/1"), std::string::npos);
}

TEST(CommandsTest, BomIsForCsvOnly) {
  EXPECT_EQ(OutputFormat("", "for-excel.csv", /*bom=*/true).value(), "csv");
  EXPECT_EQ(OutputFormat("csv", "", /*bom=*/true).value(), "csv");
  for (const auto& [format, out] :
       {std::pair<std::string, std::string>{"", "x.json"}, {"geojson", ""}, {"", ""}}) {
    Result<std::string> bad = OutputFormat(format, out, /*bom=*/true);
    ASSERT_FALSE(bad.ok()) << format << " " << out;
    EXPECT_EQ(bad.status().message().rfind("--bom: only for CSV output", 0), 0u);
  }
  IncidentSet set;
  EXPECT_EQ(FormatIncidents(set, "csv", /*bom=*/true)
                .rfind("\xEF\xBB\xBF"
                       "event_id_cnty,",
                       0),
            0u);
  EXPECT_EQ(FormatIncidents(set, "csv").rfind("event_id_cnty,", 0), 0u);  // none by default
}

}  // namespace
}  // namespace sitrep
