#include "geo/gazetteer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>

#include "base/data_dir.h"
#include "geo/gazetteer_builder.h"
#include "geo/geo_test_util.h"
#include "geo/match_key.h"

namespace sitrep {
namespace geo_test {
namespace {

// GeoNames columns: id, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2, admin1,
// admin2, admin3, admin4, population, elevation, dem, timezone, modified. Values written for tests.
std::string Row(const std::string& id, const std::string& name, const std::string& ascii,
                const std::string& alts, const std::string& lat, const std::string& lon,
                const std::string& code, const std::string& cc, const std::string& a1,
                const std::string& a2, const std::string& pop) {
  return id + "\t" + name + "\t" + ascii + "\t" + alts + "\t" + lat + "\t" + lon + "\tP\t" + code +
         "\t" + cc + "\t\t" + a1 + "\t" + a2 + "\t\t\t" + pop + "\t\t100\tX/Y\t2020-01-01\n";
}

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

std::string WriteFixture() {
  char tmpl[] = "/tmp/sitrep_geo_fixture_XXXXXX";
  std::string dir = mkdtemp(tmpl);
  std::string rows;
  rows += Row("101", "Kavat", "Kavat", "Kevat,Khevat", "30.326", "66.593", "PPLA2", "PK", "02",
              "201", "26000");
  rows += Row("102", "Qavāt", "Qavat", "Kavat,Qavat", "33.405", "66.908", "PPLA", "AF", "27", "301",
              "12000");
  rows += Row("103", "Nura Khel Bazar", "Nura Khel Bazar", "Nurakhel", "32.159", "69.822", "PPLA2",
              "PK", "02", "202", "0");
  rows += Row("104", "Gwamar", "Gwamar", "Gwamur", "26.421", "62.325", "PPLA2", "PK", "02", "203",
              "52000");
  rows += Row("105", "Quenza", "Quenza", "Kvenza,Квенза,کوئنزہ", "31.484", "67.001", "PPLA", "PK",
              "02", "204", "730000");
  rows += Row("106", "Hyderabad", "Hyderabad", "", "25.392", "68.373", "PPLA2", "PK", "05", "205",
              "1380000");
  rows += Row("107", "Hyderābād", "Hyderabad", "", "17.384", "78.456", "PPLA", "IN", "40", "401",
              "6800000");
  rows += Row("108", "Springfield", "Springfield", "", "39.801", "-89.643", "PPLA", "US", "IL",
              "167", "116000");
  rows += Row("109", "Springfield", "Springfield", "", "37.215", "-93.298", "PPLA2", "US", "MO",
              "077", "166000");
  rows += Row("110", "Springfield", "Springfield", "", "42.101", "-72.589", "PPL", "US", "MA",
              "013", "154000");
  rows += Row("111", "Reading", "Reading", "", "51.456", "-0.969", "PPLA2", "GB", "ENG", "P9",
              "318000");
  rows +=
      Row("112", "Mobile", "Mobile", "", "30.694", "-88.043", "PPLA2", "US", "AL", "097", "195000");
  rows += Row("113", "Karachi", "Karachi", "", "24.860", "67.010", "PPLA", "PK", "05", "206",
              "11600000");
  rows +=
      Row("114", "Tarsung", "Tarsung", "", "31.099", "66.845", "PPLA2", "PK", "02", "207", "29000");
  rows += Row("115", "Cartersville", "Cartersville", "", "34.165", "-84.802", "PPLA2", "US", "GA",
              "015", "20000");
  rows += Row("116", "Cartersville", "Cartersville", "", "30.100", "-82.300", "PPL", "US", "FL",
              "023", "3000");
  rows += Row("117", "Peshawar", "Peshawar", "", "34.008", "71.578", "PPLA", "PK", "03", "209",
              "1900000");
  rows +=
      Row("118", "Carney", "Carney", "", "39.394", "-76.523", "PPL", "US", "MD", "005", "29000");
  rows += Row("119", "Dla", "Dla", "", "12.950", "-5.760", "PPLA2", "ML", "04", "501", "60000");
  rows += Row("120", "Dodhar", "Dodhar", "Dhodar", "30.775", "67.651", "PPL", "PK", "02", "208",
              "15000");
  rows +=
      Row("121", "Batumi", "Batumi", "", "41.641", "41.636", "PPLA", "GE", "04", "601", "150000");
  rows += Row("122", "Aleppo", "Aleppo", "Halab", "36.202", "37.158", "PPLA", "SY", "09", "",
              "1600000");
  rows += Row("123", "Madrid", "Madrid", "", "40.417", "-3.704", "PPLC", "ES", "29", "", "3200000");
  rows +=
      Row("124", "Danbury", "Danbury", "", "36.409", "-80.206", "PPLA2", "US", "NC", "169", "190");
  // Invented namesakes: a small Oakhaven beside the larger Greyport (NC) and a bigger Oakhaven in
  // Missouri, for the article's implied state.
  rows += Row("125", "Greyport", "Greyport", "", "35.900", "-79.000", "PPL", "US", "NC", "169",
              "150000");
  rows +=
      Row("126", "Oakhaven", "Oakhaven", "", "35.800", "-79.300", "PPL", "US", "NC", "169", "8000");
  rows += Row("127", "Oakhaven", "Oakhaven", "", "38.500", "-92.300", "PPLA2", "US", "MO", "077",
              "40000");
  // Invented towns for the locative-frame rules of the geocoder: a town known by an alternate
  // spelling, a city sharing its province's name, a town named like a preposition, a name with a
  // hyphenated article, and an exactly spelled town beside a larger coarse-key neighbour.
  rows += Row("128", "Al Zubayrah", "Al Zubayrah", "Zubayra,Az Zubayrah", "33.350", "43.790",
              "PPLA2", "IQ", "01", "", "190000");
  rows +=
      Row("129", "Kandara", "Kandara", "", "10.520", "7.440", "PPLA", "NG", "23", "", "1500000");
  rows += Row("130", "Along", "Along", "", "28.170", "94.800", "PPLA2", "IN", "40", "", "18000");
  rows += Row("131", "Bi’r al ‘Abd", "Bir al `Abd", "", "31.019", "33.010", "PPLA2", "EG", "27", "",
              "0");
  rows += Row("132", "Tamarra", "Tamarra", "", "34.200", "43.890", "PPL", "IQ", "01", "", "150000");
  rows += Row("133", "Tamara", "Tamara", "", "53.200", "50.150", "PPLA", "RU", "65", "", "1100000");
  // A large English town and a small American namesake in a county the article names; a county
  // with a possessive name; a small foreign town named like a city quarter.
  rows +=
      Row("134", "Ashwick", "Ashwick", "", "52.630", "1.300", "PPLA2", "GB", "ENG", "", "200000");
  rows +=
      Row("135", "Ashwick", "Ashwick", "", "42.530", "-75.520", "PPL", "US", "NY", "017", "7000");
  rows +=
      Row("136", "Dunmore", "Dunmore", "", "38.940", "-76.930", "PPL", "US", "MD", "033", "9000");
  rows +=
      Row("137", "Bellmead", "Bellmead", "", "26.690", "-78.980", "PPL", "BS", "01", "", "25000");
  // Invented for the abbreviation and part/whole rules: a town the gazetteer knows only by its
  // spelled-out "Saint" name, and a section (PPLX) of Springfield, Illinois.
  rows += Row("138", "Saint Aldric", "Saint Aldric", "", "38.200", "-90.900", "PPL", "US", "MO",
              "077", "60000");
  rows += Row("142", "Birch Flats", "Birch Flats", "", "37.230", "-93.280", "PPLX", "US", "MO",
              "077", "15000");
  rows += Row("139", "Elm Hollow", "Elm Hollow", "", "39.780", "-89.620", "PPLX", "US", "IL", "167",
              "20000");
  // Invented towns spelled like a contraction ("She'll") and near a given name ("Brian").
  rows += Row("140", "Shell", "Shell", "", "39.700", "-89.500", "PPL", "US", "IL", "167", "20000");
  rows += Row("141", "Brien", "Brien", "", "39.900", "-89.400", "PPL", "US", "IL", "167", "30000");
  // Towns known by names in other scripts, for the caseless-script and case-ending rules of the
  // geocoder: Urdu, Hindi, Arabic and Russian names, and a small Russian namesake.
  rows += Row("143", "Lahore", "Lahore", "لاہور", "31.558", "74.351", "PPLA", "PK", "04", "",
              "11000000");
  rows += Row("144", "Srinagar", "Srinagar", "श्रीनगर", "34.086", "74.806", "PPLA", "IN", "12", "",
              "1200000");
  rows += Row("145", "Baghdad", "Baghdad", "بغداد,Багдад", "33.341", "44.401", "PPLC", "IQ", "07",
              "", "7200000");
  rows += Row("146", "Krasnogorsk", "Krasnogorsk", "Красногорск", "55.820", "37.330", "PPL", "RU",
              "47", "", "92932");
  rows += Row("147", "Krasnogorsk", "Krasnogorsk", "Красногорск", "48.417", "142.087", "PPL", "RU",
              "64", "", "3304");
  // Invented for the abbreviation-as-written and call-sign rules: a US city officially spelled
  // with "St.", a foreign province seat spelled out with "Saint", and a foreign capital known
  // by an old name that a small US town bears.
  rows += Row("148", "St. Corwin", "St. Corwin", "Saint Corwin", "38.600", "-90.200", "PPLA2", "US",
              "MO", "510", "310000");
  rows += Row("149", "Saint-Corwin", "Saint-Corwin", "St. Corwin,Saint Corwin", "16.000", "-16.500",
              "PPLA", "SN", "15", "", "260000");
  rows += Row("150", "Novagrad", "Novagrad", "Oldbury", "-17.800", "31.000", "PPLC", "ZW", "10", "",
              "1500000");
  rows += Row("151", "Oldbury", "Oldbury", "", "35.670", "-80.470", "PPLA2", "US", "NC", "159",
              "34000");
  // Invented coarse-key neighbours of "The Los" and of "Varn St" (a Romanian town recorded
  // under the alternate "Varnst"), and a county of a same-named state.
  rows += Row("152", "Thélos", "Thelos", "", "50.350", "2.800", "PPL", "FR", "32", "", "1000");
  rows += Row("153", "Varnesti", "Varnesti", "Varnst", "44.850", "24.870", "PPLA", "RO", "03", "",
              "160000");
  rows += Row("154", "Verdeville", "Verdeville", "", "34.100", "-118.200", "PPLA2", "US", "CA",
              "037", "50000");
  // A Georgian town also recorded under an old name.
  rows += Row("155", "Tallbridge", "Tallbridge", "Harmon Glen", "34.200", "-83.460", "PPL", "US",
              "GA", "", "6700");
  // An American town named like a country.
  rows += Row("156", "Mali", "Mali", "", "36.400", "-80.200", "PPL", "US", "NC", "169", "3000");
  // Invented for the locative cues of other languages (data/geo/locative_cues.tsv): a capital
  // known abroad by exonyms (Italian, French, Turkish), a village abroad spelled as the Italian
  // one, and a large town spelled as another; Russian towns named by an adjective ("-ный") and a
  // noun in "-ия".
  rows += Row("157", "Dravik", "Dravik", "Dravicco,Dravique,Dravikya,Stellano", "4.100", "44.200",
              "PPLC", "SO", "01", "", "3000000");
  rows += Row("158", "Dravicco", "Dravicco", "", "19.100", "-99.100", "PPL", "MX", "09", "", "900");
  rows +=
      Row("159", "Stellano", "Stellano", "", "41.100", "14.300", "PPL", "IT", "04", "", "200000");
  rows += Row("160", "Belogorny", "Belogorny", "Белогорный", "54.100", "47.100", "PPLA", "RU", "65",
              "", "300000");
  rows += Row("161", "Zelaria", "Zelaria", "Зелария", "53.700", "46.400", "PPLA2", "RU", "65", "",
              "120000");
  // A town known in Russian as "Тарза" (locative "в Тарзе", a stem of three letters) and a
  // province abroad whose core name "Tarza" its key also reaches; a capital whose Turkish name
  // "Şam" folds to the given name "sam".
  rows +=
      Row("162", "Tarza", "Tarza", "Тарза", "31.500", "34.500", "PPLA", "SY", "09", "", "400000");
  rows += Row("163", "Kembo", "Kembo", "", "-23.000", "32.700", "PPLA", "ZW", "11", "", "270000");
  rows +=
      Row("164", "Qasmir", "Qasmir", "Şam", "33.500", "36.300", "PPLC", "SY", "09", "", "1500000");
  // A post-office town as scripts/us_zip_places.js writes it from the ZIP-code table: id 4e9 +
  // ZIP, population 0, a county FIPS code and no alternate names.
  // A town of a province whose code-file name is wrong, renamed by the supplement.
  rows += Row("165", "Kamenogorsk", "Kamenogorsk", "", "52.100", "40.100", "PPLA", "RU", "66", "",
              "90000");
  // Invented for English place phrases: a town whose text spelling doubles a letter of its
  // official one ("Harbaayo"), and a small village named by "the village of", "the outskirts
  // of".
  rows += Row("166", "Harbayo", "Harbayo", "", "10.900", "7.900", "PPLA2", "NG", "23", "", "60000");
  rows += Row("167", "Dalmaro", "Dalmaro", "", "10.700", "7.600", "PPL", "NG", "23", "", "8000");
  rows += Row("4000030199", "Brambleford", "Brambleford", "", "34.250", "-84.900", "PPL", "US",
              "GA", "015", "0");
  WriteText(dir + "/places.txt", rows);
  WriteText(
      dir + "/admin1.txt",
      "PK.02\tVaristan\tVaristan\t1\nPK.05\tSindh\tSindh\t2\n"
      "IN.40\tTelangana\tTelangana\t3\nUS.IL\tIllinois\tIllinois\t4\n"
      "US.MO\tMissouri\tMissouri\t5\nUS.MA\tMassachusetts\tMassachusetts\t6\n"
      "AF.27\tZabul\tZabul\t7\nGB.ENG\tEngland\tEngland\t8\nUS.AL\tAlabama\tAlabama\t9\n"
      "US.GA\tGeorgia\tGeorgia\t21\nUS.FL\tFlorida\tFlorida\t22\n"
      "PK.03\tKhyber Pakhtunkhwa\tKhyber Pakhtunkhwa\t23\nUS.MD\tMaryland\tMaryland\t24\n"
      "ML.04\tSegou\tSegou\t25\nGE.04\tAjaria\tAjaria\t26\n"
      "US.NC\tNorth Carolina\tNorth Carolina\t27\n"
      "SY.09\tAleppo Governorate\tAleppo Governorate\t28\n"
      "ES.29\tCommunity of Madrid\tCommunity of Madrid\t29\n"
      "US.NY\tNew York\tNew York\t34\nBS.01\tGrand Bahama\tGrand Bahama\t35\n"
      "IQ.01\tAnbar\tAnbar\t30\nNG.23\tKandara\tKandara\t31\n"
      "EG.27\tNorth Sinai\tNorth Sinai\t32\nRU.65\tMiddle Volga\tMiddle Volga\t33\n"
      "US.CA\tCalifornia\tCalifornia\t39\n"
      "SN.15\tSaint-Corwin\tSaint-Corwin\t37\nZW.10\tNovagrad Province\tNovagrad Province\t38\n"
      "ZW.11\tTarza Province\tTarza Province\t41\n"
      "RU.66\tWrongvale\tWrongvale\t42\n");
  WriteText(dir + "/admin2.txt",
            "PK.02.201\tKavat District\tKavat District\t11\n"
            "PK.02.202\tNūra Khel District\tNura Khel District\t12\n"
            "PK.02.203\tGwamar District\tGwamar District\t13\n"
            "PK.02.204\tQuenza District\tQuenza District\t14\n"
            "PK.02.207\tTarsung District\tTarsung District\t15\n"
            "US.IL.167\tSangamon County\tSangamon County\t16\n"
            "US.GA.015\tBartow County\tBartow County\t17\n"
            "US.NC.169\tStokes County\tStokes County\t18\n"
            "US.NY.017\tTenango County\tTenango County\t19\n"
            "US.MD.033\tPrince Arthur's County\tPrince Arthur's County\t20\n"
            "US.MO.077\tGreene County\tGreene County\t36\n"
            "US.CA.037\tLos Verdes County\tLos Verdes County\t40\n");
  // The user supplement: a district the code files leave unnamed, with its former name, and a
  // place of its own.
  WriteText(dir + "/extra.tsv",
            "# test supplement\n"
            "Sarhi\tZelan,Zelan District\tPK\tVaristan\tSarhi\t30.75\t67.55\tdistrict\t0"
            "\tPK.02.208\n"
            "Testabad Camp\t\tPK\tVaristan\t\t30.4\t66.9\tplace\t500\n"
            "Stavrovo Oblast\tСтавровская область,-Wrongvale\tRU\t\t\t52.0\t40.0\tprovince\t0"
            "\tRU.66\n"
            // Names only: no coordinates, so the province keeps its own.
            "Novagrad Province\tНовоградская провинция\tZW\t\t\t\t\tprovince\t0\tZW.10\n");
  WriteText(dir + "/countries.tsv",
            "# test countries\nPK\tPakistan\t\tPakistani|Pakistanis\nIN\tIndia\t\tIndian\n"
            "US\tUnited States\tUSA|U.S.|America\tAmerican\nAF\tAfghanistan\t\tAfghan\n"
            "GB\tUnited Kingdom\tUK|Britain\tBritish\n"
            "GE\tGeorgia\t\tGeorgian\nML\tMali\t\tMalian\nSY\tSyria\t\tSyrian\n"
            "ES\tSpain\t\tSpanish\n");
  return dir;
}

// Build options over the fixture in `dir`: its places and countries, the gazetteer written to
// dir/out. The code files and the supplement are each test's choice.
GazetteerBuildOptions FixtureOptions(const std::string& dir, const std::string& out) {
  GazetteerBuildOptions o;
  o.geonames = dir + "/places.txt";
  o.countries = dir + "/countries.tsv";
  o.out = dir + "/" + out;
  return o;
}

std::string FixturePath() {
  static const std::string path = [] {
    std::string dir = WriteFixture();
    GazetteerBuildOptions o = FixtureOptions(dir, "fixture.bin");
    o.admin1 = dir + "/admin1.txt";
    o.admin2 = dir + "/admin2.txt";
    o.extra = dir + "/extra.tsv";
    Result<GazetteerBuildStats> st = BuildGazetteer(o);
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    return o.out;
  }();
  return path;
}

const Gazetteer& FixtureGazetteer() {
  static const Gazetteer* g = [] {
    Result<std::unique_ptr<Gazetteer>> r = Gazetteer::Open(FixturePath());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value().release() : nullptr;
  }();
  return *g;
}

const Geocoder* RealGeocoder() {
  static const Geocoder* geo = []() -> const Geocoder* {
    const std::string path = DataPath("gazetteer/gazetteer.bin");
    if (access(path.c_str(), R_OK) != 0) return nullptr;
    Result<std::unique_ptr<Gazetteer>> g = Gazetteer::Open(path);
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    if (!g.ok()) return nullptr;
    // Both live for the rest of the process, as the fixture gazetteer does.
    Result<std::unique_ptr<Geocoder>> c = Geocoder::Create(std::move(g).value().release());
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? std::move(c).value().release() : nullptr;
  }();
  return geo;
}

std::string CopyGeoTables() {
  namespace fs = std::filesystem;
  char tmpl[] = "/tmp/sitrep_geo_tables_XXXXXX";
  const fs::path dir = mkdtemp(tmpl);
  fs::create_directories(dir / "geo");
  for (const auto& f : fs::directory_iterator(fs::path(DataDir()) / "geo")) {
    if (f.path().extension() == ".tsv") fs::copy_file(f.path(), dir / "geo" / f.path().filename());
  }
  return dir.string();
}

namespace {

std::vector<GazEntry> Entries(const Gazetteer& g, std::string_view name) {
  std::vector<GazEntry> out;
  for (GazPosting p : g.Lookup(name)) out.push_back(g.entry(p.entry()));
  return out;
}

bool HasPlace(const std::vector<GazEntry>& es, std::string_view country, std::string_view admin1,
              GeoLevel level) {
  for (const GazEntry& e : es) {
    if (e.country == country && e.admin1 == admin1 && e.level == level) return true;
  }
  return false;
}

TEST(GazetteerTest, FixtureBuildsAndLooksUpSpellingVariants) {
  const Gazetteer& g = FixtureGazetteer();
  EXPECT_GT(g.size(), 20u);
  for (const char* name : {"Kavat", "Qavat", "Khevat", "Kevat"}) {
    EXPECT_TRUE(HasPlace(Entries(g, name), "PK", "Varistan", GeoLevel::kPlace)) << name;
  }
  for (const char* name : {"Nurakhail", "Nurakhel", "Nura Khel", "Nūra Khel"}) {
    auto es = Entries(g, name);
    EXPECT_TRUE(HasPlace(es, "PK", "Varistan", GeoLevel::kDistrict)) << name;
  }
  for (const char* name : {"Gwamar", "Gawamar"}) {
    EXPECT_TRUE(HasPlace(Entries(g, name), "PK", "Varistan", GeoLevel::kPlace)) << name;
  }
  EXPECT_TRUE(HasPlace(Entries(g, "Квенза"), "PK", "Varistan", GeoLevel::kPlace));
  EXPECT_TRUE(Entries(g, "Islamabad").empty());
}

// feature_code(i) reads the record alone and agrees with the whole entry's.
TEST(GazetteerTest, FeatureCodeAloneMatchesTheEntry) {
  const Gazetteer& g = FixtureGazetteer();
  size_t coded = 0;
  for (uint32_t i = 0; i < g.size(); ++i) {
    EXPECT_EQ(g.feature_code(i), g.entry(i).feature_code) << i;
    coded += !g.feature_code(i).empty();
  }
  EXPECT_GT(coded, 10u);
}

// FillPlace writes every field ToPlace makes, over whatever the Place held before (longer
// strings, other coordinates, another level), and an entry at (0, 0) has no coordinates.
TEST(GazetteerTest, FillPlaceOverwritesEveryFieldAsToPlaceMakesIt) {
  auto same = [](const Place& a, const Place& b) {
    return a.gazetteer_id == b.gazetteer_id && a.name == b.name && a.country == b.country &&
           a.admin1 == b.admin1 && a.admin2 == b.admin2 && a.lat == b.lat && a.lon == b.lon &&
           a.has_coords == b.has_coords && a.level == b.level && a.population == b.population;
  };
  const Gazetteer& g = FixtureGazetteer();
  ASSERT_GT(g.size(), 2u);
  Place p;
  p.gazetteer_id = 77;
  p.name = std::string(200, 'n');
  p.country = "a country code far longer than two letters";
  p.admin1 = std::string(40, '1');
  p.admin2 = std::string(40, '2');
  p.lat = -12.5;
  p.lon = 99;
  p.has_coords = true;
  p.level = GeoLevel::kCountry;
  p.population = 123456789;
  for (uint32_t i = 0; i < g.size(); ++i) {
    const GazEntry e = g.entry(i);
    e.FillPlace(&p);  // over the previous entry's place (or the values above)
    const Place want = e.ToPlace();
    EXPECT_TRUE(same(p, want)) << e.name;
    EXPECT_EQ(p.name, e.name);
    EXPECT_EQ(p.admin2, e.admin2);
  }
  GazEntry origin;
  origin.id = 5;
  origin.name = "Nullpunkt";
  origin.country = "ZZ";
  origin.level = GeoLevel::kPlace;
  origin.population = 3;
  origin.FillPlace(&p);
  EXPECT_FALSE(p.has_coords);
  EXPECT_EQ(p.admin1, "");
  EXPECT_EQ(p.admin2, "");
  EXPECT_EQ(p.gazetteer_id, 5u);
  EXPECT_EQ(p.level, GeoLevel::kPlace);
  EXPECT_TRUE(same(p, origin.ToPlace()));
}

TEST(GazetteerTest, AdminNamesComeFromCodeFiles) {
  const Gazetteer& g = FixtureGazetteer();
  bool found = false;
  for (const GazEntry& e : Entries(g, "Kavat")) {
    if (e.country == "PK" && e.level == GeoLevel::kPlace) {
      EXPECT_EQ(e.admin2, "Kavat");  // " District" stripped
      EXPECT_NEAR(e.lat, 30.326, 1e-3);
      EXPECT_EQ(e.feature_code, "PPLA2");
      EXPECT_EQ(e.population, 26000);
      found = true;
    }
  }
  EXPECT_TRUE(found);
  auto es = Entries(g, "Sindh");
  EXPECT_TRUE(HasPlace(es, "PK", "Sindh", GeoLevel::kProvince));
  auto us = Entries(g, "U.S.");
  ASSERT_FALSE(us.empty());
  EXPECT_EQ(us[0].level, GeoLevel::kCountry);
  EXPECT_EQ(us[0].country, "US");
  bool demonym = false;
  for (GazPosting p : g.Lookup("Pakistani")) demonym |= p.demonym();
  EXPECT_TRUE(demonym);
}

TEST(GazetteerTest, MissingFileIsNotFound) {
  auto r = Gazetteer::Open("/nonexistent/gazetteer.bin");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(GazetteerTest, CorruptOrTruncatedFileIsCorruption) {
  Result<std::string> bytes = ReadFile(FixturePath());
  ASSERT_TRUE(bytes.ok());
  ASSERT_TRUE(Gazetteer::FromBytes(*bytes).ok());
  // Every truncation fails cleanly.
  for (size_t len :
       {size_t{0}, size_t{10}, size_t{63}, size_t{64}, bytes->size() / 2, bytes->size() - 1}) {
    auto r = Gazetteer::FromBytes(bytes->substr(0, len));
    ASSERT_FALSE(r.ok()) << len;
    EXPECT_EQ(r.status().code(), StatusCode::kCorruption) << len;
  }
  // Bad magic.
  std::string bad = *bytes;
  bad[0] = 'X';
  EXPECT_EQ(Gazetteer::FromBytes(bad).status().code(), StatusCode::kCorruption);
  // Flipping bytes anywhere never crashes: either rejected or still answers lookups.
  for (size_t pos = 64; pos < bytes->size(); pos += 97) {
    std::string b = *bytes;
    b[pos] = static_cast<char>(b[pos] ^ 0xFF);
    auto r = Gazetteer::FromBytes(b);
    if (!r.ok()) continue;
    for (uint32_t i = 0; i < (*r)->size(); ++i) (void)(*r)->entry(i).name.size();
    for (GazPosting p : (*r)->Lookup("Quenza")) (void)(*r)->entry(p.entry());
  }
}

// The unit words stripped from a district's name ("Kavat District" -> "Kavat") come from the
// suffix table: a row for "zone" strips "Kavat Zone" too.
TEST(GazetteerTest, AdminSuffixesComeFromTheTable) {
  std::string dir = WriteFixture();
  WriteText(dir + "/admin2_zone.txt", "PK.02.201\tKavat Zone\tKavat Zone\t11\n");
  GazetteerBuildOptions o = FixtureOptions(dir, "");
  o.admin1 = dir + "/admin1.txt";
  o.admin2 = dir + "/admin2_zone.txt";
  o.admin_suffixes = dir + "/suffixes.tsv";
  // The district of the town Kavat, in a gazetteer built with the suffix table `rows`.
  auto admin2 = [&](const std::string& rows) {
    WriteText(o.admin_suffixes, rows);
    o.out = dir + "/suffixes" + std::to_string(rows.size()) + ".bin";
    Result<GazetteerBuildStats> st = BuildGazetteer(o);
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    auto g = Gazetteer::Open(o.out);
    if (!st.ok() || !g.ok()) return std::string("?");
    for (const GazEntry& e : Entries(**g, "Kavat")) {
      if (e.country == "PK" && e.level == GeoLevel::kPlace) return std::string(e.admin2);
    }
    return std::string("none");
  };
  EXPECT_EQ(admin2("# test\ndistrict\tdistrict\n"), "Kavat Zone");
  EXPECT_EQ(admin2("# test\ndistrict\tdistrict\nzone\tdistrict\n"), "Kavat");
  // A place word is part of a town's name, never stripped; a short row is an error naming it.
  EXPECT_EQ(admin2("zone\tplace\n"), "Kavat Zone");
  WriteText(o.admin_suffixes, "zone\n");
  Result<GazetteerBuildStats> st = BuildGazetteer(o);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.status().message().find("suffixes.tsv:1"), std::string::npos);
}

TEST(GazetteerTest, RejectsMalformedGeoNamesRow) {
  std::string dir = WriteFixture();
  WriteText(dir + "/bad.txt", "1\tOnly\tthree\n");
  GazetteerBuildOptions o = FixtureOptions(dir, "bad.bin");
  o.geonames = dir + "/bad.txt";
  auto st = BuildGazetteer(o);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.status().message().find("bad.txt:1"), std::string::npos);
}

TEST(GazetteerTest, CountryStateCityNamesProvincesByVote) {
  std::string dir = WriteFixture();
  WriteText(dir + "/country.json",
            R"([{"name":"Pakistan","isoCode":"PK","latitude":"30","longitude":"70"}])");
  WriteText(
      dir + "/state.json",
      R"([{"name":"Varistan","isoCode":"VA","countryCode":"PK","latitude":"29.79","longitude":"65.09"},
                {"name":"Sindh","isoCode":"SD","countryCode":"PK","latitude":"25.89","longitude":"68.52"}])");
  WriteText(
      dir + "/city.json",
      R"([["Kavat","PK","VA","30.32663","66.59361"],["Quenza","PK","VA","31.48414","67.00141"],
                ["Nūra Khel District","PK","VA","32.14","69.90"],["Karachi","PK","SD","24.86","67.01"],
                ["Tiny Hamlet","PK","SD","25.0","68.0"]])");
  GazetteerBuildOptions o = FixtureOptions(dir, "csc.bin");
  o.csc_dir = dir;
  auto st = BuildGazetteer(o);
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->csc_added, 1u);  // Tiny Hamlet
  auto g = Gazetteer::Open(o.out);
  ASSERT_TRUE(g.ok());
  bool kavat = false, nura = false, hamlet = false;
  for (GazPosting p : (*g)->Lookup("Kavat")) {
    GazEntry e = (*g)->entry(p.entry());
    if (e.country == "PK" && e.level == GeoLevel::kPlace) {
      kavat = e.admin1 == "Varistan" && e.admin2 == "Kavat";  // seat names the district
    }
  }
  for (GazPosting p : (*g)->Lookup("Nurakhail")) {
    GazEntry e = (*g)->entry(p.entry());
    if (e.level == GeoLevel::kPlace) nura = e.admin2 == "Nūra Khel";  // csc "X District"
  }
  for (GazPosting p : (*g)->Lookup("Tiny Hamlet"))
    hamlet = (*g)->entry(p.entry()).admin1 == "Sindh";
  EXPECT_TRUE(kavat);
  EXPECT_TRUE(nura);
  EXPECT_TRUE(hamlet);
}

// Against the real compiled gazetteer, when scripts/fetch_data.sh has been run.
TEST(GazetteerTest, RealGazetteerResolvesKnownPlaces) {
  std::string path = DataPath("gazetteer/gazetteer.bin");
  if (access(path.c_str(), R_OK) != 0) GTEST_SKIP() << "no " << path;
  auto t0 = std::chrono::steady_clock::now();
  auto g = Gazetteer::Open(path);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_LT(ms, 1000);
  EXPECT_GT((*g)->size(), 100000u);
  for (const char* name : {"Huancayo", "Jauja", "Tarma", "Satipo", "Concepcion", "Lima"}) {
    bool found = false;
    for (GazPosting p : (*g)->Lookup(name)) {
      GazEntry e = (*g)->entry(p.entry());
      if (e.country == "PE" && (e.admin1 == "Junín" || e.admin1 == "Lima")) found = true;
    }
    EXPECT_TRUE(found) << name;
  }
  // A village below cities500's 500 people, from the ZIP-code towns fetch_data.sh appends.
  bool village = false;
  for (GazPosting p : (*g)->Lookup("Ochopee")) {
    GazEntry e = (*g)->entry(p.entry());
    village = village || (e.admin1 == "Florida" && e.admin2 == "Collier");
  }
  EXPECT_TRUE(village);
}

}  // namespace
TEST(GazetteerTest, SupplementNamesAnUnnamedDistrictAndKeepsItsFormerName) {
  const Gazetteer& g = FixtureGazetteer();
  for (const char* name : {"Sarhi", "Zelan", "Zelan District"}) {
    EXPECT_TRUE(HasPlace(Entries(g, name), "PK", "Varistan", GeoLevel::kDistrict)) << name;
  }
  bool town = false;
  for (const GazEntry& e : Entries(g, "Dodhar")) {
    if (e.level == GeoLevel::kPlace) {
      EXPECT_EQ(e.admin2, "Sarhi");  // the towns of the unit carry the supplement's name
      town = true;
    }
  }
  EXPECT_TRUE(town);
  EXPECT_TRUE(HasPlace(Entries(g, "Testabad Camp"), "PK", "Varistan", GeoLevel::kPlace));
}

TEST(GazetteerTest, UsCountyNamesFromAdminCodesReachTowns) {
  const Gazetteer& g = FixtureGazetteer();
  EXPECT_TRUE(HasPlace(Entries(g, "Bartow County"), "US", "Georgia", GeoLevel::kDistrict));
  EXPECT_TRUE(HasPlace(Entries(g, "Bartow"), "US", "Georgia", GeoLevel::kDistrict));
  bool found = false;
  for (const GazEntry& e : Entries(g, "Cartersville")) {
    if (e.admin1 == "Georgia") {
      EXPECT_EQ(e.admin2, "Bartow");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(GazetteerTest, ZipCodeTownKeepsItsIdAndCountyAtPopulationZero) {
  const Gazetteer& g = FixtureGazetteer();
  std::vector<GazEntry> es = Entries(g, "Brambleford");
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].id, 4000030199u);  // above GeoNames ids, kept as given
  EXPECT_EQ(es[0].admin1, "Georgia");
  EXPECT_EQ(es[0].admin2, "Bartow");
  EXPECT_EQ(es[0].population, 0);
  EXPECT_EQ(es[0].level, GeoLevel::kPlace);
}

TEST(GazetteerTest, MalformedSupplementIsAnError) {
  std::string dir = WriteFixture();
  WriteText(dir + "/bad_extra.tsv", "Nowhere\t\tPK\tVaristan\t\tnorth\t66\tplace\t0\n");
  GazetteerBuildOptions o = FixtureOptions(dir, "bad.bin");
  o.extra = dir + "/bad_extra.tsv";
  Result<GazetteerBuildStats> st = BuildGazetteer(o);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.status().message().find("bad_extra.tsv:1"), std::string::npos);
}

}  // namespace geo_test
}  // namespace sitrep

namespace sitrep {
namespace {

// entry() takes string lengths from a table made at load; a name too long for it (64 KiB and
// more) is measured at use. Both must give the stored strings exactly.
TEST(GazetteerTest, EntryStringsKeepTheirLengthsIncludingVeryLongOnes) {
  GazetteerWriter w{MatchRules()};
  GazetteerWriter::Entry a;
  a.name = "Alpha Town";
  a.country = "PK";
  a.admin1 = "Somewhere";
  a.level = GeoLevel::kPlace;
  GazetteerWriter::Entry b = a;
  b.name = std::string(70000, 'x');
  b.admin1 = "";
  b.admin2 = std::string(65535, 'y');  // exactly the "measure at use" marker length
  const uint32_t ia = w.AddEntry(a);
  const uint32_t ib = w.AddEntry(b);
  w.AddName(ia, a.name, 0);
  auto g = Gazetteer::FromBytes(w.Serialize());
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ((*g)->entry(ia).name, "Alpha Town");
  EXPECT_EQ((*g)->entry(ia).admin1, "Somewhere");
  EXPECT_EQ((*g)->entry(ia).admin2, "");
  EXPECT_EQ((*g)->entry(ib).name, b.name);
  EXPECT_EQ((*g)->entry(ib).admin1, "");
  EXPECT_EQ((*g)->entry(ib).admin2, b.admin2);
}

// LookupKey goes through a radix index over the sorted key hashes: every key of a table large
// enough to fill many buckets (some with several keys, some empty) must still be found, with
// exactly its own postings, and keys never indexed must find nothing.
TEST(GazetteerTest, EveryKeyOfALargeTableIsFoundAndOthersAreNot) {
  GazetteerWriter w{MatchRules()};
  constexpr int kEntries = 5000;
  auto name_of = [](int i) { return "Place" + std::to_string(i) + "town"; };
  for (int i = 0; i < kEntries; ++i) {
    GazetteerWriter::Entry e;
    e.name = name_of(i);
    e.country = "PK";
    e.level = GeoLevel::kPlace;
    const uint32_t idx = w.AddEntry(e);
    w.AddName(idx, e.name, 0);
    if (i % 7 == 0) w.AddName(idx, "Shared Name", GazPosting::kAlternate);
  }
  auto g = Gazetteer::FromBytes(w.Serialize());
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_EQ((*g)->num_keys(), size_t{kEntries} + 1);
  for (int i = 0; i < kEntries; ++i) {
    std::span<const GazPosting> p = (*g)->Lookup(name_of(i));
    ASSERT_EQ(p.size(), 1u) << name_of(i);
    EXPECT_EQ(p[0].entry(), static_cast<uint32_t>(i));
    EXPECT_FALSE(p[0].alternate());
  }
  std::span<const GazPosting> shared = (*g)->Lookup("shared name");
  ASSERT_EQ(shared.size(), size_t{(kEntries + 6) / 7});
  for (const GazPosting& p : shared) {
    EXPECT_EQ(p.entry() % 7, 0u);
    EXPECT_TRUE(p.alternate());
  }
  for (int i = kEntries; i < kEntries + 2000; ++i) {
    EXPECT_TRUE((*g)->Lookup(name_of(i)).empty()) << name_of(i);
  }
  EXPECT_TRUE((*g)->LookupKey("").empty());
}

TEST(GazetteerTest, LookupInTablesWithOneKeyOrNone) {
  GazetteerWriter one{MatchRules()};
  GazetteerWriter::Entry e;
  e.name = "Lonely";
  e.country = "PK";
  e.level = GeoLevel::kPlace;
  one.AddName(one.AddEntry(e), e.name, 0);
  auto g = Gazetteer::FromBytes(one.Serialize());
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_EQ((*g)->Lookup("Lonely").size(), 1u);
  EXPECT_TRUE((*g)->Lookup("Crowded").empty());
  GazetteerWriter none{MatchRules()};
  none.AddEntry(e);  // an entry without any indexed name
  auto h = Gazetteer::FromBytes(none.Serialize());
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ((*h)->num_keys(), 0u);
  EXPECT_TRUE((*h)->Lookup("Lonely").empty());
}

}  // namespace
TEST(GazetteerTest, SupplementDropsAMistakenOldName) {
  using geo_test::Entries;
  using geo_test::FixtureGazetteer;
  using geo_test::HasPlace;
  // "-Wrongvale" in the row's alternates: the name the code file gave RU.66 by mistake is not
  // kept as an alternate of the renamed province; its own names are.
  const Gazetteer& g = FixtureGazetteer();
  EXPECT_TRUE(
      HasPlace(Entries(g, "Stavrovo Oblast"), "RU", "Stavrovo Oblast", GeoLevel::kProvince));
  EXPECT_TRUE(
      HasPlace(Entries(g, "Ставровская область"), "RU", "Stavrovo Oblast", GeoLevel::kProvince));
  EXPECT_FALSE(HasPlace(Entries(g, "Wrongvale"), "RU", "Stavrovo Oblast", GeoLevel::kProvince));
  EXPECT_TRUE(HasPlace(Entries(g, "Kamenogorsk"), "RU", "Stavrovo Oblast", GeoLevel::kPlace));
}

TEST(GazetteerTest, SupplementRowWithoutCoordinatesOnlyAddsNames) {
  using geo_test::Entries;
  using geo_test::FixtureGazetteer;
  // The ZW.10 row gives a Russian name and no coordinates: the province is found by that name
  // and keeps the point the builder gave it from its towns (Novagrad, -17.8 31.0), not 0,0.
  const Gazetteer& g = FixtureGazetteer();
  bool found = false;
  for (const GazEntry& e : Entries(g, "Новоградская провинция")) {
    if (e.country != "ZW" || e.level != GeoLevel::kProvince) continue;
    found = true;
    EXPECT_EQ(e.name, "Novagrad Province");
    EXPECT_LT(e.lat, -10);
    EXPECT_GT(e.lon, 20);
  }
  EXPECT_TRUE(found);
}

}  // namespace sitrep
