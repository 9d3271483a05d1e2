#include "xueshe/cases.hpp"

namespace xueshe {

const std::vector<std::string>& known_cases() {
  static const std::vector<std::string> cases = {
      "employed",         "self_employed",    "civil_servant",       "classified",
      "postgraduate",     "further_study_other", "military",         "unsettled_community",
      "unsettled_retain", "study_abroad",     "work_abroad_official", "work_abroad_private",
      "delayed_graduation"};
  return cases;
}

std::set<std::string> member_cases(const Answers& a) {
  std::set<std::string> out;
  const std::string dest = a.choice("destination").value_or("");
  if (dest == "employed") {
    out.insert("employed");
    if (a.flag("self_employed").value_or(false)) out.insert("self_employed");
    if (a.flag("civil_servant").value_or(false)) out.insert("civil_servant");
    if (a.flag("employer_classified").value_or(false)) out.insert("classified");
  } else if (dest == "further_study") {
    out.insert(a.choice("study_level").value_or("") == "postgraduate" ? "postgraduate"
                                                                      : "further_study_other");
  } else if (dest == "military") {
    out.insert("military");
  } else if (dest == "unsettled") {
    out.insert(a.choice("unsettled_choice").value_or("") == "retain_at_school" ? "unsettled_retain"
                                                                               : "unsettled_community");
  } else if (dest == "study_abroad") {
    out.insert("study_abroad");
  } else if (dest == "work_abroad") {
    out.insert(a.choice("abroad_kind").value_or("") == "official" ? "work_abroad_official"
                                                                  : "work_abroad_private");
  } else if (dest == "delayed_graduation") {
    out.insert("delayed_graduation");
  }
  return out;
}

const Situation* resolve_situation(const Policy& p, Answers& used) {
  auto chosen = used.choice("destination");
  if (!chosen) return nullptr;
  for (const Situation& s : p.situations)
    if (s.id == *chosen) {
      used.values["destination"] = s.destination;
      return &s;
    }
  return nullptr;
}

}  // namespace xueshe
