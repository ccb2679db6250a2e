// Resolution: the EventMentions of many articles -> incidents (one attack, one place, one day)
// grouped into stories (coordinated waves), with reconciled figures (see reconcile.h).
//
// Algorithm (every decision is recorded in Incident::why):
//  1. Per article, news mentions are grouped into local events: same or nearby place (same
//     gazetteer place, <= near_km, same district) and compatible dates; a coarser mention (province
//     or country only) joins the single finer local event it contains; a mention with no place
//     joins the article's main (first) event. Background mentions never make events; `wave`
//     mentions and claims scoped to the wave or to a part of it form the article's wave record.
//     With one_story_per_article, an article without a wave mention keeps its main event (most
//     casualty claims, then mentions, then first) and folds the others into it, except events
//     with their own figures (not merely the main event's numbers repeated) in another province
//     of the same country; secondary events abroad or
//     dated apart are dropped (gazetteer misreadings and context, far more often than news).
//     Claims of a wire copy (copy_of set) are marked independent = false.
//     Figures whose sentence says they are not their place incident's (data/resolve/
//     claim_context.tsv, cue and figure in one clause) leave it: militants killed by the forces
//     ("security forces killed 12 insurgents", "responded by killing 21") and region-wide counts
//     ("throughout the province") go to the wave record; an earlier event recalled before the
//     figure ("a day after the army said it killed 41") is left out of the article's totals;
//     in a wave article, militants killed in a sentence naming none of the event's places (a
//     headline "Some 12 insurgents killed") are the wave's. With separate_context_incidents the
//     first and third form their own province-level Battles incidents instead.
//  2. Local events are clustered across articles greedily, in an order derived from content only
//     (finest place first, then date, place key, doc id), against candidate incidents found by
//     blocking keys — (admin1, day), (country, day), (0.5-degree cell, day), and place key,
//     district, admin1 and country each bucketed by day (the event's day, or for an undated
//     event its publication day) — never all pairs. A lookup reads only the days the date rules
//     below can accept, so the candidates of a report do not grow with the corpus or with how
//     busy a place is; whole-history keys are read only by undated reports without a
//     publication date. A pair is scored
//       2*place + 1.5*date + 0.5*(type + actors + figures)
//     with place in {same 1, <=near_km .9, same district .75, <=far_km .55, contains .45 (also a
//     county's stand-in town and a town within kCountyReachKm of it: the county holds it),
//     country .25, folded .75} and date {same day 1, within window .6, unknown .5}; "folded":
//     between undated reports, one's main place is the other's folded secondary place; between
//     reports of one same day, also a fine place of its province that one's article names
//     outside its events (a hospital's town, a victim's home; articles reporting one event),
//     unless either side's place and day is attested (below). Such a named town is no misfit
//     for a report whose article names it, when the incident's reports there name the report's
//     town in turn, and it ranks below the incident's other places when its place is chosen.
//     A different district, a different province or a date gap beyond the window vetoes; so
//     does a second local event of an article already in the incident (the article said they
//     were different). A fine report must fit every fine place the incident holds (not only
//     its best one), and lie within twice the window of every day it holds, so an incident
//     cannot chain town to town or day to day. Reports that both say how the attack was carried
//     out, in ways that cannot describe one attack (data/resolve/attack_methods.tsv: a bombing
//     and an air strike; not a bombing and a clash, nor shelling and an air strike), are vetoed
//     at any place and date. A match that rests on a tolerance (a nearby place or a one-day gap)
//     is vetoed when the reports disagree on both event type and toll; when both state exact
//     tolls (not qualified, not the perpetrators' claim nor an earlier toll recalled, not a wire
//     copy) too far apart for one count (larger > 2.5 x smaller + 3) unless the higher was
//     published later (an update); and when the report's own fine place and day and one of the
//     incident's are each stated by at least attested_reports articles (data/resolve/limits.tsv:
//     2; a lone report at a neighbouring place or date may still be a misreading, several
//     agreeing are another attack). At a busy place,
//     place and date alone do not make two attacks one. A coarse match (contains / country) must
//     also be unambiguous.
//     Score >= attach_threshold attaches. Undated events only meet incidents whose dates fit
//     their publication date; one that meets none may still follow up (charges, a trial, a
//     later death) the only dated incident at its very fine place in the undated_followup_days
//     (limits.tsv: 90) before its publication, when it scores with it and does not disagree
//     with it on both event type and toll.
//     A report that names a person by full name (first and last name: its suspect or a victim,
//     extract/suspects.h; not a surname alone, not a name read only in background) and that
//     still meets no incident joins an earlier one whose reports name the same person in the
//     same role at the same town or in the same county (admin2) of the same province, begun at
//     most name_followup_days (limits.tsv: 730) before its day or publication, whatever its own
//     date (a hearing, an arrest) or none; when the same person is named at two incidents there
//     it stays apart. Its date does not move the incident's: in such an incident the earliest
//     day a report gives within undated_publish_gap_days of its publication (news of the attack;
//     else the earliest day) is the attack's, and a report whose day lies beyond twice the
//     window from it gives neither its day nor its figures (the case's: the charges, other
//     shootings) to the incident (recorded in why[]).
//     An article whose news names no place at all makes no incident; when it names a person
//     by full name (as above) it joins, by its document only (its figures stay out: nothing
//     checks they are the incident's), the only place incident whose reports name that person
//     in the same role and that began at most undated_followup_days (limits.tsv: 90) before its
//     day or publication, and not after it ("Family identifies the toddler killed Tuesday").
//     A report that still meets no incident and whose place, a town or a county's stand-in
//     town, goes by a name (the county's for a stand-in) that a place of another province or
//     country of an incident goes by too ("Madison" read as Wisconsin's, "Marion County" as
//     Florida's), on its very day (an undated side: published within undated_publish_gap_days),
//     joins that incident when its own article or every article of the incident at that place
//     names nothing else in the place's province (the geocoder took the most prominent
//     namesake, no cue chose it), the incident's other places are its own or near it, no
//     article of the incident is its own, and the two do not conflict as above (attack
//     methods; both event type and toll; exact tolls); when two incidents qualify it stays
//     apart, and so do two reports whose articles each name something else of their province.
//     The incident's place is then one a report with such a cue gave (place=namesake in why[]).
//     A report that still meets no incident, dated or not, whose article writes out in full (a
//     month and a day, not "Monday"; not after publication; for a dated report not only in
//     background sentences) a day before its own, joins the only dated incident at its very
//     fine place within date_window_days of that day when, dated that day, it scores with it
//     without disagreeing on both event type and toll ("she died Tuesday of the wounds she
//     suffered Jan. 2"); it is then dated that day, its figures counted (a later death raises
//     the toll).
//     A mention's date resolved relative to publication ("on Monday") in an article without a
//     publication date is unknown (it was resolved against another clock); so is a date after
//     publication, and a span wider than date_window_days ("last week": its first day would be
//     an invented date).
//  3. Stories: incidents reported by one article, in the same province (or country) within one
//     day, are linked; so are the incidents a wave record covers (its article's, and with
//     link_wave_by_region, when the wave names none of its attacks, every incident of the wave's
//     province within one day). A linked group
//     of two or more incidents becomes a story: a parent incident (province level, geo_precision
//     3, date..date_end) whose documents are the union of its children's plus articles that report
//     only the wave. Wave/part claims belong to the story; when a group has one incident they
//     belong to that incident. A wave record that matches no incident becomes a province-level
//     incident of its own.
//  4. Background mentions link to the incident (and its story) they recall, via
//     Incident::mentions, never documents; if nothing matches they are dropped, and one without a
//     place links nothing. Only incidents at its place that had all happened by the article's
//     publication (else its latest reported day) and that the article does not report itself:
//     with a day, those within the date window; with a month, those in the month; with a year or
//     no date, the most recent one at its fine place (all when tied on that day) within the year
//     or recall_lookback_days (limits.tsv: 365), none for a province or country. Among those,
//     a stated death toll keeps the incidents whose toll fits it (when any does), then the best
//     place match wins (the town named over a neighbour). A province recall reaches an incident
//     it contains through its story when it has one.
//  5. Figures per incident: ReconcileField() per field with the chosen policy. A story's figure:
//       best = max(story-level best, sum of its children's bests), low = the story-level low when
//       there is one (else the children's summed lows), high = max(story high, children's summed
//       highs, best) — each child's deaths are counted once, and a wave total that already covers
//       them is not added to them. The same rule applies per killed category.
//     With zero_killed_if_only_injured, an incident whose sources count injured but no dead gets
//     killed {0,0,0}: reports lead with deaths, so a casualty report without any says none died
//     (recorded in why[]).
//  6. Ids are hashes of content (country, admin1, admin2, place, date; stories: country, admin1,
//     date), with a suffix ordered by the smallest (doc id, span) on collision — the same whatever
//     the input order, and unchanged for incidents an added unrelated article does not touch.
//     An incident's place is the finest of its reports' places, then the most reported; a town an
//     article names only through its county ("the Fort Bend County sheriff", read as the county
//     seat) ranks as the county, so a town another report names in that county is its place;
//     when no report names another, the incident keeps the seat's place and point at geo
//     precision 2 (the county), as ACLED codes an event known only by its district.
//     Output: top-level incidents sorted by (date, country, admin1, id), each story followed by
//     its children sorted by (date, admin2, place, id).
//
// Thread safety: Resolve() is pure (no shared mutable state) and deterministic: the same set of
// analyses gives the identical IncidentSet whatever their order.
#ifndef SITREP_RESOLVE_RESOLVE_H_
#define SITREP_RESOLVE_RESOLVE_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/event.h"
#include "model/incident.h"
#include "resolve/reconcile.h"
#include "resolve/rules.h"

namespace sitrep {

class PlaceNames;

struct ResolveOptions {
  // See reconcile.h; an unknown name falls back to "default" (validate with ParsePolicy()).
  std::string best_policy = "default";
  int date_window_days = 1;          // mentions this many days apart may be one incident
  double near_km = 25;               // same place when closer (different district: 15 km)
  double far_km = 50;                // possibly the same place when no district says otherwise
  int undated_publish_gap_days = 3;  // undated mentions: how far publication may trail the event
  double attach_threshold = 2.5;     // minimum pair score to merge
  bool zero_killed_if_only_injured = true;
  bool link_wave_by_region = true;
  // An article with no wave mention reports one incident plus, at most, others with their own
  // figures in other provinces: its secondary places fold into its main event (see step 1).
  bool one_story_per_article = true;
  // Figures claim_context.tsv takes from their place incident: militants killed in the forces'
  // operations (or in their response to a wave, or across a region: after a single attack the
  // response is that attack's fight and its dead stay with it) and earlier events recalled
  // relative to the article's. When true they form incidents of
  // their own (province level, Battles; the earlier one dated before, never part of the wave's
  // story); when false the operations' figures count at the wave/story level and recalled
  // earlier figures are left out (recorded in why[]). Either way no place incident gets them.
  bool separate_context_incidents = true;
  const ResolveRules* rules = nullptr;  // nullptr = DefaultResolveRules()
  // When set, every incident's place_aliases are made from its documents' place_spellings
  // (resolve/place_names.h) as it is handed out; nullptr leaves place_aliases empty. Not owned:
  // it must outlive the batch and any stream made from it.
  const PlaceNames* place_names = nullptr;
};

// ResolveBatch::Finish() of `docs` added in order, for tests and tools: should the batch's
// scratch file fail to read back (resolve/spill.h), no incidents. Callers that write incidents
// use ResolveBatch and check its error.
IncidentSet Resolve(const std::vector<DocAnalysis>& docs, const ResolveOptions& options = {});

// Incidents one at a time, in ResolveBatch::Finish()'s order: what ResolveBatch::FinishStream()
// returns. It keeps every incident's scalar fields and document lists in memory but their claims
// and why[] reasons in a temporary file (resolve/spill.h) until Next() hands the incident out, so a
// caller that stores or writes each incident and drops it never holds every claim and quote at
// once. Next() moves the incident out: each is returned once. Should the temporary file fail to
// read back, the stream stops at the incident it could not complete and status() says why.
//
// Thread safety: one thread at a time.
class IncidentStream {
 public:
  IncidentStream();
  ~IncidentStream();
  IncidentStream(IncidentStream&&) noexcept;
  IncidentStream& operator=(IncidentStream&&) noexcept;

  // Sets *out to the next incident (all fields overwritten); false at the end (*out untouched)
  // or on an error (*out then holds an incomplete incident, to be dropped): check status() once
  // Next() returns false.
  bool Next(Incident* out);
  // Ok, or the error that stopped the stream: reading the temporary file back failed, so the
  // incidents after those handed out are missing.
  const Status& status() const;
  size_t size() const;  // incidents in all, handed out or not

 private:
  friend class ResolveBatch;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Resolve() in two steps, for corpora whose analyses do not fit in memory at once. Add() does
// step 1 for one article and keeps only what steps 2-6 read, in a compact form: the article's
// local events, wave record and recalls (places, days, figures, the people it names as hashed
// keys), with each mention reduced to an interned (event type, sub-type, perpetrator
// candidates) record shared by every mention alike,
// and, when options.place_names is set, its place_spellings; nothing points into the analysis,
// which the caller may free right after. Finish() resolves everything added: the incidents are
// Resolve() of the same analyses, whatever the Add() order (a repeated doc_id counts once, as first
// added).
//
// Thread safety: one thread at a time. Finish() consumes the batch.
class ResolveBatch {
 public:
  explicit ResolveBatch(const ResolveOptions& options = {});
  ~ResolveBatch();
  ResolveBatch(ResolveBatch&&) noexcept;
  ResolveBatch& operator=(ResolveBatch&&) noexcept;

  void Add(const DocAnalysis& doc);
  size_t size() const;  // articles added
  // Distinct mention records kept (mentions alike share one), for tests and benchmarks.
  size_t distinct_mentions() const;
  // Distinct place records kept (units naming the same place share one), for tests and benchmarks.
  size_t distinct_places() const;
  // What the batch keeps so far: local events, wave records, recalls, bytes of encoded claims.
  struct Stats {
    size_t events = 0, waves = 0, recalls = 0, claim_bytes = 0;
    size_t named_events = 0;  // events whose article names a person (24 bytes of keys each)
  };
  Stats stats() const;
  // An error (nothing else) when the scratch file cannot be read back: see IncidentStream.
  [[nodiscard]] Result<IncidentSet> Finish() &&;
  // Finish() as a stream: the same incidents in the same order, without holding all their claims
  // and reasons in memory at once (see IncidentStream).
  [[nodiscard]] IncidentStream FinishStream() &&;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Re-resolves after articles were added. Resolution is deterministic with content-derived ids,
// so this is Resolve(all_docs): incidents the new articles do not touch keep their ids and
// figures. `previous` and `new_doc_ids` are accepted for callers that track changes; the result
// does not depend on them. Like Resolve(), no incidents should the scratch file fail to read
// back: callers that store incidents use ResolveBatch and check its error.
IncidentSet ResolveIncremental(const IncidentSet& previous,
                               const std::vector<DocAnalysis>& all_docs,
                               const std::vector<std::string>& new_doc_ids,
                               const ResolveOptions& options = {});

}  // namespace sitrep

#endif  // SITREP_RESOLVE_RESOLVE_H_
