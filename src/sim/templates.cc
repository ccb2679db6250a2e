#include "sim/templates.h"

#include <algorithm>
#include <set>

#include "base/data_dir.h"

namespace sitrep {

namespace {

uint64_t SplitMix(uint64_t* x) {
  uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// ASCII case change of the first byte is enough: templates start slots with ASCII words.
void ChangeFirst(std::string* s, size_t from, bool upper) {
  if (from >= s->size()) return;
  char& c = (*s)[from];
  if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

const std::vector<std::string>& Empty() {
  static const std::vector<std::string> kEmpty;
  return kEmpty;
}

}  // namespace

Rng::Rng(uint64_t seed) {
  uint64_t x = seed;
  for (auto& s : s_) s = SplitMix(&x);
}

uint64_t Rng::Next() {
  const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = Rotl(s_[3], 45);
  return result;
}

uint64_t Rng::Below(uint64_t n) {
  // Modulo: the bias (n / 2^64) is irrelevant for text generation and keeps one draw per call.
  return Next() % n;
}

double Rng::Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

void SlotVars::Set(std::string_view name, std::string value) {
  for (auto& [k, v] : vars_) {
    if (k == name) {
      v = std::move(value);
      return;
    }
  }
  vars_.emplace_back(std::string(name), std::move(value));
}

const std::string* SlotVars::Find(std::string_view name) const {
  for (const auto& [k, v] : vars_) {
    if (k == name) return &v;
  }
  return nullptr;
}

Result<TemplateSet> TemplateSet::Parse(std::string_view text, std::string_view origin) {
  TemplateSet set;
  std::vector<std::string>* current = nullptr;
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '@') {
      std::string name(Trim(line.substr(1)));
      if (name.empty()) {
        return InvalidArgument(std::string(origin) + ":" + std::to_string(line_no) +
                               ": empty section name");
      }
      current = &set.sections_[name];
      continue;
    }
    if (current == nullptr) {
      return InvalidArgument(std::string(origin) + ":" + std::to_string(line_no) +
                             ": text before the first @section");
    }
    // Braces must balance so Expand never reads a half slot.
    int depth = 0;
    for (char c : line) {
      if (c == '{') ++depth;
      if (c == '}') --depth;
      if (depth < 0 || depth > 1) break;
    }
    if (depth != 0) {
      return InvalidArgument(std::string(origin) + ":" + std::to_string(line_no) +
                             ": unbalanced braces");
    }
    current->emplace_back(line);
  }
  for (const auto& [name, alts] : set.sections_) {
    if (alts.empty())
      return InvalidArgument(std::string(origin) + ": section @" + name + " is empty");
  }
  return set;
}

Result<TemplateSet> TemplateSet::Load(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return Parse(*text, path);
}

const std::vector<std::string>& TemplateSet::Get(std::string_view section) const {
  auto it = sections_.find(std::string(section));
  return it == sections_.end() ? Empty() : it->second;
}

const std::vector<std::string>* TemplateSet::Section(std::string_view name,
                                                     std::string_view suffix) const {
  std::string key(name);
  if (!suffix.empty()) {
    key.push_back('.');
    key.append(suffix);
    auto it = sections_.find(key);
    if (it != sections_.end()) return &it->second;
    key.resize(name.size());
  }
  auto it = sections_.find(key);
  return it == sections_.end() ? nullptr : &it->second;
}

void TemplateSet::Expand(std::string_view tmpl, const SlotVars& vars, std::string_view suffix,
                         Rng& rng, std::string* out, int* unknown) const {
  ExpandRec(tmpl, vars, suffix, rng, out, 0, unknown);
}

std::string TemplateSet::Pick(std::string_view section, const SlotVars& vars,
                              std::string_view suffix, Rng& rng, int* unknown) const {
  std::string out;
  const std::vector<std::string>* alts = Section(section, suffix);
  if (alts == nullptr) {
    if (unknown) ++*unknown;
    out.append("{").append(section).append("}");
    return out;
  }
  ExpandRec((*alts)[rng.Below(alts->size())], vars, suffix, rng, &out, 0, unknown);
  return out;
}

void TemplateSet::ExpandRec(std::string_view tmpl, const SlotVars& vars, std::string_view suffix,
                            Rng& rng, std::string* out, int depth, int* unknown) const {
  size_t i = 0;
  while (i < tmpl.size()) {
    size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) {
      out->append(tmpl.substr(i));
      return;
    }
    out->append(tmpl.substr(i, open - i));
    size_t close = tmpl.find('}', open);
    if (close == std::string_view::npos) {  // Parse() rejects this; stay safe anyway
      out->append(tmpl.substr(open));
      return;
    }
    std::string_view name = tmpl.substr(open + 1, close - open - 1);
    i = close + 1;
    int change = 0;  // +1 upper, -1 lower
    if (!name.empty() && name.front() == '^') change = 1;
    if (!name.empty() && name.front() == '_') change = -1;
    if (change != 0) name.remove_prefix(1);
    const size_t start = out->size();
    if (const std::string* v = vars.Find(name)) {
      out->append(*v);
    } else if (const std::vector<std::string>* alts = Section(name, suffix);
               alts != nullptr && depth < 8) {
      ExpandRec((*alts)[rng.Below(alts->size())], vars, suffix, rng, out, depth + 1, unknown);
    } else {
      if (unknown) ++*unknown;
      out->append("{").append(name).append("}");
    }
    if (change != 0) ChangeFirst(out, start, change > 0);
  }
}

std::vector<std::string> TemplateSet::UnresolvedSlots(
    const std::vector<std::string>& known_vars) const {
  std::set<std::string> bad;
  for (const auto& [section, alts] : sections_) {
    for (const std::string& line : alts) {
      size_t i = 0;
      while ((i = line.find('{', i)) != std::string::npos) {
        size_t close = line.find('}', i);
        std::string name = line.substr(i + 1, close - i - 1);
        i = close;
        if (!name.empty() && (name[0] == '^' || name[0] == '_')) name.erase(0, 1);
        if (std::find(known_vars.begin(), known_vars.end(), name) != known_vars.end()) continue;
        if (sections_.count(name)) continue;
        // A kind-specific section family ("victims.bombing") also resolves the slot.
        bool family = false;
        for (const auto& [other, unused] : sections_) {
          if (other.size() > name.size() && other.compare(0, name.size(), name) == 0 &&
              other[name.size()] == '.') {
            family = true;
            break;
          }
        }
        if (!family) bad.insert(name);
      }
    }
  }
  return {bad.begin(), bad.end()};
}

}  // namespace sitrep
