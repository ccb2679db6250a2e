#include "ingest/html.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/data_dir.h"
#include "text/lexicon.h"
#include "text/utf8.h"

namespace sitrep {
namespace {

struct HtmlRules {
  std::array<bool, GUMBO_TAG_LAST + 1> skip_tag{};
  std::array<bool, GUMBO_TAG_LAST + 1> block_tag{};
  std::unordered_set<std::string> skip_role;
  std::unordered_set<std::string> boilerplate;
  std::vector<std::string> date_meta;  // in order of trust
  std::vector<std::string> title_meta;
};

Result<HtmlRules> LoadRules() {
  const std::string path = DataPath("ingest/html.tsv");
  Result<std::vector<TsvRow>> rows = ReadTsv(path);
  if (!rows.ok()) return rows.status();
  HtmlRules r;
  for (const TsvRow& row : *rows) {
    if (row.fields.size() != 2) {
      return InvalidArgument(path + ":" + std::to_string(row.line) + ": expected KIND<TAB>VALUE");
    }
    const std::string& kind = row.fields[0];
    const std::string value = LowerString(row.fields[1]);
    if (kind == "skip_tag" || kind == "block_tag") {
      GumboTag tag = gumbo_tag_enum(value.c_str());
      if (tag == GUMBO_TAG_UNKNOWN) {
        return InvalidArgument(path + ":" + std::to_string(row.line) + ": unknown tag '" + value +
                               "'");
      }
      (kind == "skip_tag" ? r.skip_tag : r.block_tag)[tag] = true;
    } else if (kind == "skip_role") {
      r.skip_role.insert(value);
    } else if (kind == "boilerplate") {
      r.boilerplate.insert(value);
    } else if (kind == "date_meta") {
      r.date_meta.push_back(value);
    } else if (kind == "title_meta") {
      r.title_meta.push_back(value);
    } else {
      return InvalidArgument(path + ":" + std::to_string(row.line) + ": unknown rule '" + kind +
                             "'");
    }
  }
  return r;
}

const Result<HtmlRules>& Rules() {
  static const Result<HtmlRules> rules = LoadRules();
  return rules;
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

bool IsElement(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT; }

std::string_view Attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

// Pathologically deep markup is cut off here rather than overflowing the stack.
constexpr int kMaxDepth = 512;
// Input nested deeper than this (by EstimateDepth) is refused.
constexpr int kMaxInputDepth = 2000;

// Depth-first search for elements with `tag`.
void FindAll(const GumboNode* n, GumboTag tag, std::vector<const GumboNode*>* out, int depth = 0) {
  if (!IsElement(n) || depth > kMaxDepth) return;
  if (n->v.element.tag == tag) out->push_back(n);
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    FindAll(static_cast<const GumboNode*>(kids.data[i]), tag, out, depth + 1);
  }
}

bool Contains(const GumboNode* n, const GumboNode* target) {
  for (const GumboNode* p = target; p != nullptr; p = p->parent) {
    if (p == n) return true;
  }
  return false;
}

bool HasDescendant(const GumboNode* n, std::initializer_list<GumboTag> tags, int depth = 0) {
  if (!IsElement(n) || depth > kMaxDepth) return false;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const GumboNode* k = static_cast<const GumboNode*>(kids.data[i]);
    if (!IsElement(k)) continue;
    for (GumboTag t : tags) {
      if (k->v.element.tag == t) return true;
    }
    if (HasDescendant(k, tags, depth + 1)) return true;
  }
  return false;
}

// True when a class or id word names page furniture.
bool NamesBoilerplate(std::string_view attr, const HtmlRules& rules) {
  std::string word;
  auto flush = [&] {
    bool hit = !word.empty() && rules.boilerplate.count(word) > 0;
    word.clear();
    return hit;
  };
  for (char c : attr) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      word.push_back(static_cast<char>(c | 0x20));
    } else if (flush()) {
      return true;
    }
  }
  return flush();
}

// Collects text with HTML white-space rules: runs of spaces fold to one, block boundaries give
// one line break, nothing leads or trails.
class TextBuilder {
 public:
  void Text(std::string_view s) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        if (pending_ == kNone) pending_ = kSpace;
      } else {
        if (!out_.empty()) {
          if (pending_ == kBreak)
            out_.push_back('\n');
          else if (pending_ == kSpace)
            out_.push_back(' ');
        }
        pending_ = kNone;
        out_.push_back(c);
      }
    }
  }
  void Break() { pending_ = kBreak; }
  std::string Take() { return std::move(out_); }
  size_t size() const { return out_.size(); }

 private:
  enum Pending { kNone, kSpace, kBreak };
  std::string out_;
  Pending pending_ = kNone;
};

struct Walker {
  const HtmlRules& rules;
  const GumboNode* root;
  TextBuilder text;
  bool saw_h1 = false;

  void Walk(const GumboNode* n, int depth = 0) {
    if (depth > kMaxDepth) return;
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        text.Text(n->v.text.text);
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
      default:
        return;
    }
    const GumboTag tag = n->v.element.tag;
    if (rules.skip_tag[tag] && n != root) return;
    if (Skip(n)) return;
    const bool block = rules.block_tag[tag];
    if (block) text.Break();
    const size_t before = text.size();
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      Walk(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
    }
    if (tag == GUMBO_TAG_H1 && text.size() > before) saw_h1 = true;
    if (block) text.Break();
  }

  // Page furniture named by role, class or id; never the article itself or what holds it.
  bool Skip(const GumboNode* n) const {
    if (n == root || Contains(n, root)) return false;
    std::string role(Attr(n, "role"));
    for (char& c : role) c = AsciiLower(c);
    if (!role.empty() && rules.skip_role.count(role) > 0) return true;
    if (!NamesBoilerplate(Attr(n, "class"), rules) && !NamesBoilerplate(Attr(n, "id"), rules)) {
      return false;
    }
    return !HasDescendant(n, {GUMBO_TAG_H1, GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN});
  }
};

std::string ElementText(const GumboNode* n) {
  TextBuilder b;
  std::vector<const GumboNode*> stack = {n};
  // Iterative, children in document order.
  while (!stack.empty()) {
    const GumboNode* x = stack.back();
    stack.pop_back();
    if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_WHITESPACE) {
      b.Text(x->v.text.text);
    } else if (IsElement(x)) {
      const GumboVector& kids = x->v.element.children;
      for (unsigned i = kids.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
      }
    }
  }
  return b.Take();
}

std::optional<CivilDate> DateFrom(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  if (s.size() < 10) return std::nullopt;
  auto d = CivilDate::FromIso(s.substr(0, 10));
  if (!d || d->day == 0) return std::nullopt;
  return d;
}

// A rough nesting depth from the tags alone: gumbo's tree building is quadratic in the depth,
// so absurdly deep input is refused before parsing. Void elements and those whose end tag is
// usually left out (p, li, td...) do not count, so real pages stay far below the limit.
int EstimateDepth(std::string_view html) {
  static const std::unordered_set<std::string> kNoDepth = {
      "area",  "base",  "br",       "col",   "embed",  "hr",    "img",     "input",
      "link",  "meta",  "source",   "track", "wbr",    "p",     "li",      "dt",
      "dd",    "tr",    "td",       "th",    "option", "param", "!--",     "!doctype",
      "tbody", "thead", "colgroup", "rb",    "rt",     "rp",    "optgroup"};
  int depth = 0, max_depth = 0;
  std::string name;
  for (size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    size_t j = i + 1;
    const bool closing = j < html.size() && html[j] == '/';
    if (closing) ++j;
    name.clear();
    while (
        j < html.size() && name.size() < 16 &&
        (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '!' || html[j] == '-')) {
      name.push_back(AsciiLower(html[j++]));
    }
    if (name.empty() || kNoDepth.count(name) > 0) continue;
    const size_t gt = html.find('>', j);
    if (gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/') continue;  // <x/>
    depth += closing ? -1 : 1;
    if (depth < 0) depth = 0;
    max_depth = std::max(max_depth, depth);
  }
  return max_depth;
}

}  // namespace

Result<HtmlDocument> ExtractHtml(std::string_view html) {
  const Result<HtmlRules>& rules_or = Rules();
  if (!rules_or.ok()) return rules_or.status();
  const HtmlRules& rules = *rules_or;
  if (EstimateDepth(html) > kMaxInputDepth) {
    return InvalidArgument("HTML nested more than " + std::to_string(kMaxInputDepth) +
                           " elements deep; skipped");
  }

  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  HtmlDocument doc;
  const GumboNode* top = out->root;

  if (IsElement(top)) {
    std::string lang(Attr(top, "lang"));
    if (lang.size() >= 2) {
      doc.lang = {AsciiLower(lang[0]), AsciiLower(lang[1])};
    }
  }

  // Metadata: <meta> by property/name/itemprop, <link rel=canonical>, <title>.
  std::vector<const GumboNode*> metas, links, titles, times;
  FindAll(top, GUMBO_TAG_META, &metas);
  FindAll(top, GUMBO_TAG_LINK, &links);
  FindAll(top, GUMBO_TAG_TITLE, &titles);
  size_t best_date_rank = rules.date_meta.size();
  size_t best_title_rank = rules.title_meta.size();
  for (const GumboNode* m : metas) {
    std::string key(Attr(m, "property"));
    if (key.empty()) key = Attr(m, "name");
    if (key.empty()) key = Attr(m, "itemprop");
    for (char& c : key) c = AsciiLower(c);
    std::string_view content = Attr(m, "content");
    if (key.empty() || content.empty()) continue;
    for (size_t i = 0; i < best_date_rank; ++i) {
      if (key != rules.date_meta[i]) continue;
      if (auto d = DateFrom(content)) {
        doc.published = d;
        best_date_rank = i;
      }
      break;
    }
    for (size_t i = 0; i < best_title_rank; ++i) {
      if (key != rules.title_meta[i]) continue;
      doc.title = content;
      best_title_rank = i;
      break;
    }
    if (key == "og:url" && doc.url.empty()) doc.url = content;
  }
  for (const GumboNode* l : links) {
    if (Attr(l, "rel") == "canonical" && !Attr(l, "href").empty()) doc.url = Attr(l, "href");
  }
  if (doc.title.empty() && !titles.empty()) doc.title = ElementText(titles.front());

  // The article: a single <article>, else a single <main>, else the whole page.
  std::vector<const GumboNode*> articles, mains;
  FindAll(top, GUMBO_TAG_ARTICLE, &articles);
  FindAll(top, GUMBO_TAG_MAIN, &mains);
  const GumboNode* root = top;
  if (articles.size() == 1)
    root = articles.front();
  else if (mains.size() == 1)
    root = mains.front();

  if (!doc.published) {
    FindAll(root, GUMBO_TAG_TIME, &times);
    for (const GumboNode* t : times) {
      if (auto d = DateFrom(Attr(t, "datetime"))) {
        doc.published = d;
        break;
      }
    }
  }

  Walker w{rules, root, {}, false};
  w.Walk(root);
  std::string body = w.text.Take();
  if (!w.saw_h1 && !doc.title.empty()) {
    doc.text = doc.title;
    if (!body.empty()) doc.text += "\n" + body;
  } else {
    doc.text = std::move(body);
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  // gumbo can emit invalid UTF-8 from valid input (a numeric character reference too long for
  // its code point arithmetic wraps around), so what it hands back is repaired like any input.
  for (std::string* s : {&doc.text, &doc.title, &doc.url}) {
    if (!IsValidUtf8(*s)) *s = RepairUtf8(*s, nullptr);
  }
  return doc;
}

}  // namespace sitrep
