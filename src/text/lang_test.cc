#include "text/lang.h"

#include <gtest/gtest.h>

#include "base/data_dir.h"

namespace sitrep {
namespace {

class LangTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = LanguageDetector::Load(DataDir());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    det_ = std::move(r).value();
  }
  std::unique_ptr<LanguageDetector> det_;
};

TEST_F(LangTest, LatinProfiles) {
  EXPECT_EQ(det_->Detect("Police said that the attack was carried out by two gunmen on a bus."),
            "en");
  EXPECT_EQ(det_->Detect("Selon la police, les assaillants ont ouvert le feu dans une mosquée."),
            "fr");
  EXPECT_EQ(
      det_->Detect("Según la policía, los atacantes dispararon contra una patrulla del ejército."),
      "es");
  EXPECT_EQ(det_->Detect("Die Polizei sagte, dass der Anschlag von zwei Männern verübt wurde und "
                         "nicht geplant war."),
            "de");
}

TEST_F(LangTest, ScriptsAndMarkers) {
  // Urdu: contains ے and ں.
  EXPECT_EQ(
      det_->Detect("\xD9\xBE\xD9\x88\xD9\x84\xDB\x8C\xD8\xB3 \xDA\xA9\xDB\x92 "
                   "\xD9\x85\xD8\xB7\xD8\xA7\xD8\xA8\xD9\x82 "
                   "\xD8\xAF\xDA\xBE\xD9\x85\xD8\xA7\xDA\xA9\xDB\x92 \xD9\x85\xDB\x8C\xDA\xBA"),
      "ur");
  // Arabic: "قالت الشرطة إن الهجوم" has no Urdu/Persian letters.
  EXPECT_EQ(det_->Detect(
                "\xD9\x82\xD8\xA7\xD9\x84\xD8\xAA \xD8\xA7\xD9\x84\xD8\xB4\xD8\xB1\xD8\xB7\xD8\xA9 "
                "\xD8\xA5\xD9\x86 \xD8\xA7\xD9\x84\xD9\x87\xD8\xAC\xD9\x88\xD9\x85"),
            "ar");
  // Hindi: "पुलिस ने कहा"
  EXPECT_EQ(det_->Detect("\xE0\xA4\xAA\xE0\xA5\x81\xE0\xA4\xB2\xE0\xA4\xBF\xE0\xA4\xB8 "
                         "\xE0\xA4\xA8\xE0\xA5\x87 \xE0\xA4\x95\xE0\xA4\xB9\xE0\xA4\xBE"),
            "hi");
  // Russian: "Полиция сообщила"
  EXPECT_EQ(det_->Detect("\xD0\x9F\xD0\xBE\xD0\xBB\xD0\xB8\xD1\x86\xD0\xB8\xD1\x8F "
                         "\xD1\x81\xD0\xBE\xD0\xBE\xD0\xB1\xD1\x89\xD0\xB8\xD0\xBB\xD0\xB0"),
            "ru");
}

TEST_F(LangTest, UnknownWhenNothingToGoOn) {
  EXPECT_EQ(det_->Detect(""), "und");
  EXPECT_EQ(det_->Detect("12345 ... !!!"), "und");
  EXPECT_EQ(det_->Detect("Xyzzy plugh"), "und");
}

TEST(LangFreeTest, DefaultDetector) {
  EXPECT_EQ(DetectLanguage("The army said that the convoy was attacked in the valley."), "en");
}

}  // namespace
}  // namespace sitrep
