// The building blocks every policy file shares: texts in both languages, the
// clauses of a notice, and values that carry the clause they come from.
#pragma once
#include <map>
#include <string>

#include "xueshe/lang.hpp"

namespace xueshe {

// Text in every language the binary shows ("zh-CN", "en" for the CLI; the one
// language of a page module), by the language's code as policy files write it;
// at(lang) gives a language's text (it is there: the loader requires every
// language the binary carries).
struct Localized : std::map<std::string, std::string> {
  using std::map<std::string, std::string>::map;
  using std::map<std::string, std::string>::at;
  const std::string& at(Lang lang) const;  // out of line: one copy, not one per call (the page's module is small)
};

struct Clause {
  std::string id;  // e.g. "二.4", "三.2④", "团章.1"
  Localized title;
  Localized text;  // zh-CN is the source's own words
};

// A value (number, list, flag) and the clause it comes from.
template <typename T>
struct Cited {
  T value{};
  std::string clause;
};

}  // namespace xueshe
