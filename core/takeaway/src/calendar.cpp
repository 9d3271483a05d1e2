// An outcome as an iCalendar file: one all-day event per deadline, with what
// to do, where the relationship goes, the clause behind the date and the
// policy it comes from; reminders a week and a day before.
#include "xueshe/calendar.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "calendar_input.hpp"
#include "xueshe/ics_text.hpp"
#include "xueshe/messages.hpp"

namespace xueshe {
namespace {

using Params = std::map<std::string, std::string>;

std::string basic_date(const Date& d) {  // 2022-08-31 -> 20220831
  std::string iso = format_iso_date(d);
  iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
  return iso;
}

Date next_day(const Date& d) { return Date{date::sys_days{d} + date::days{1}}; }

class Ics {
 public:
  explicit Ics(Lang lang) : lang_(lang) {}
  void line(const std::string& content) { out_ += ics_content_line(content); }
  void text(const std::string& name, const std::string& value) { line(name + ":" + ics_escape_text(value)); }
  // A text in the file's language, marked so (RFC 5545 LANGUAGE parameter).
  void localized(const std::string& name, const std::string& value) {
    text(name + ";LANGUAGE=" + std::string(code(lang_)), value);
  }
  std::string take() { return std::move(out_); }

 private:
  Lang lang_;
  std::string out_;
};

class Texts {
 public:
  explicit Texts(Lang lang) : lang_(lang) {}
  std::string operator()(const std::string& key, const Params& params = {}) const {
    return message(lang_, "takeaway.calendar." + key, params);
  }
  bool has(const std::string& key) const { return catalog(lang_).contains("takeaway.calendar." + key); }

 private:
  Lang lang_;
};

std::string description(const CalendarInput& in, const CalendarDeadline& d, const Texts& t) {
  std::vector<std::string> lines{
      t("deadline", {{"label", d.label}, {"date", format_iso_date(d.date)}, {"clause", d.clause}}),
      t("what", {{"what", d.what}}),
      t("receiving", {{"org", in.org}}),
      t("started_by", {{"who", in.started_by}})};
  if (!in.steps.empty()) {
    lines.push_back("");
    lines.push_back(t("steps"));
    for (std::size_t i = 0; i < in.steps.size(); ++i) {
      const CalendarStep& s = in.steps[i];
      Params p{{"n", std::to_string(i + 1)}, {"text", s.text}, {"clause", s.clause}};
      if (t.has(catalog_key(s.where))) {
        p["where"] = t(catalog_key(s.where));
        lines.push_back(t("step", p));
      } else {
        lines.push_back(t("step_plain", p));
      }
    }
  }
  // The outcome cites every deadline's clause (assemble_outcome).
  for (const CalendarClause& clause : in.clauses)
    if (clause.id == d.clause) {
      lines.push_back("");
      lines.push_back(t("clause", {{"id", clause.id}, {"title", clause.title}}));
      lines.push_back(clause.text);
      break;
    }
  lines.push_back("");
  lines.push_back(t("policy", {{"title", in.policy_title}, {"id", in.policy_id}, {"hash", in.policy_hash}}));
  lines.push_back(t("as_of", {{"date", format_iso_date(in.today)}}));
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
  return out;
}

void add_event(Ics& ics, const CalendarInput& in, const CalendarDeadline& d, const std::string& uid, const Texts& t) {
  const Params when{{"label", d.label}, {"date", format_iso_date(d.date)}};
  ics.line("BEGIN:VEVENT");
  ics.line("UID:" + uid);
  ics.line("DTSTAMP:" + basic_date(in.today) + "T000000Z");
  ics.line("DTSTART;VALUE=DATE:" + basic_date(d.date));
  ics.line("DTEND;VALUE=DATE:" + basic_date(next_day(d.date)));
  ics.localized("SUMMARY", t("summary", {{"label", d.label}, {"org", in.org}}));
  ics.localized("DESCRIPTION", description(in, d, t));
  ics.line("TRANSP:TRANSPARENT");
  for (const auto& [trigger, key] : {std::pair{"-P7D", "alarm_week"}, std::pair{"-P1D", "alarm_day"}}) {
    ics.line("BEGIN:VALARM");
    ics.line("ACTION:DISPLAY");
    ics.line(std::string("TRIGGER:") + trigger);
    ics.localized("DESCRIPTION", t(key, when));
    ics.line("END:VALARM");
  }
  ics.line("END:VEVENT");
}

}  // namespace

CalendarBuild outcome_calendar(const MemberOutcome& member) {
  Lang lang = member.lang;
  CalendarInputRead read = read_calendar_input(member);
  if (read.error) return {std::nullopt, read.error};
  const CalendarInput& in = *read.input;
  const Texts t(lang);

  Ics ics(lang);
  ics.line("BEGIN:VCALENDAR");
  ics.line("VERSION:2.0");
  ics.line("PRODID:-//xueshe//xueshe calendar 1//EN");
  ics.line("CALSCALE:GREGORIAN");
  ics.line("METHOD:PUBLISH");
  ics.text("X-WR-CALNAME", t("name", {{"title", in.policy_title}}));

  // <kind>-<policy>@xueshe: nothing of the member's (a hash of the answers
  // gave birth date, Party membership and graduation date back to brute
  // force). A member has one date of each kind under a policy, so a file made
  // later (another as-of date, changed answers) updates that event. A kind
  // met again in the same outcome (a policy may date one kind twice) is
  // numbered so UIDs stay unique.
  std::map<DeadlineKind, int> seen;
  for (const CalendarDeadline& d : in.deadlines) {
    const int n = ++seen[d.kind];
    const std::string kind = std::string(name(d.kind)) + (n == 1 ? "" : "-" + std::to_string(n));
    add_event(ics, in, d, kind + "-" + in.policy_id + "@xueshe", t);
  }
  ics.line("END:VCALENDAR");
  return {CalendarFile{t("filename", {{"policy", in.policy_id}, {"route", in.route}}), ics.take()}, std::nullopt};
}

}  // namespace xueshe
