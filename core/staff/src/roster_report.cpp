// What a roster run gives back: the annotated roster, the summary, and the
// template staff start from.
#include <charconv>
#include <cstring>
#include <map>

#include "xueshe/messages.hpp"
#include "xueshe/roster.hpp"
#include "xueshe/routes.hpp"

namespace xueshe {
namespace {

using nlohmann::json;

constexpr std::size_t kListed = 100;  // errors and duplicates listed in the summary (all are counted)

// "学号 2022001 重复：第 2、7 行": every line for a few, the first ten for many
// (the text is in every such row; a roster of one number must not grow a
// cell per row per row).
std::string duplicate_text(const RosterDuplicate& d, Lang lang) {
  constexpr std::size_t kShown = 10;
  std::string lines;
  for (std::size_t i = 0; i < d.lines.size() && i < kShown; ++i) {
    if (!lines.empty()) lines += message(lang, "roster.word_separator");
    lines += std::to_string(d.lines[i]);
  }
  if (d.lines.size() > kShown)
    return message(lang, "roster.duplicate_many",
                   {{"id", d.student_id}, {"n", std::to_string(d.lines.size())}, {"lines", lines}});
  return message(lang, "roster.duplicate", {{"id", d.student_id}, {"lines", lines}});
}

// A record whose text can be copied as it is: no field was quoted (so none
// needs quoting) and none needs the formula prefix (csv_append_field).
bool written_as_read(const CsvRecord& rec) { return !rec.quoted && !rec.formula && rec.problem_kind == CsvProblem::none; }

// Output given to a sink in pieces of about kChunk bytes: rows are written
// straight into its buffer (room, then wrote), or copied in whole (put).
class ChunkedOutput {
 public:
  explicit ChunkedOutput(const std::function<void(std::string_view)>& sink) : sink_(sink), buffer_(kChunk + kRoom) {}
  // Where `bytes` more may be written (the buffer is given to the sink first when they would not fit).
  char* room(std::size_t bytes) {
    if (used_ + bytes > buffer_.size()) {
      flush();
      if (bytes > buffer_.size()) buffer_.resize(bytes);
    }
    return buffer_.data() + used_;
  }
  // `bytes` were written at room().
  void wrote(std::size_t bytes) {
    used_ += bytes;
    if (used_ >= kChunk) flush();
  }
  void put(std::string_view text) {
    if (!text.empty()) std::memcpy(room(text.size()), text.data(), text.size());
    wrote(text.size());
  }
  void flush() {
    if (used_ > 0) sink_(std::string_view(buffer_.data(), used_));
    used_ = 0;
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 20, kRoom = 64 * 1024;
  const std::function<void(std::string_view)>& sink_;
  std::vector<char> buffer_;
  std::size_t used_ = 0;
};

}  // namespace

void annotated_roster_csv(const RosterRun& run, const std::function<void(std::string_view)>& sink) {
  Lang lang = run.lang;
  ChunkedOutput out(sink);
  std::string text(kUtf8Bom);  // a row written piece by piece (the header, a row not as read or with errors)

  std::vector<std::string> header;
  for (const RosterColumn& c : run.columns) header.push_back(c.header);
  for (const char* key : {"roster.out.line", "roster.out.route", "roster.out.org", "roster.out.alternatives"})
    header.push_back(message(lang, key));
  for (DeadlineKind kind : roster_deadline_kinds()) header.push_back(message(lang, catalog_key(kind)));
  for (const char* key : {"roster.out.urgent_state", "roster.out.urgent_date", "roster.out.warning_codes",
                          "roster.out.warnings", "roster.out.clauses", "roster.out.duplicate",
                          "roster.out.error_codes", "roster.out.errors"})
    header.push_back(message(lang, key));
  csv_append_record(text, header);
  out.put(text);

  std::vector<std::string> duplicates;
  for (const RosterDuplicate& d : run.duplicates) duplicates.push_back(duplicate_text(d, lang));
  const std::string empty_outcome(roster_deadline_kinds().size() + 8, ',');  // as roster.cpp renders an error

  for (const RosterRow& row : run.rows) {
    const CsvRecord& rec = run.csv.records[row.record];
    const RosterOutcome* o = row.outcome >= 0 ? &run.outcomes[static_cast<std::size_t>(row.outcome)] : nullptr;
    if (written_as_read(rec) && row.duplicate < 0 && row.error_count == 0 && o && o->ok) {
      // Nearly every row: its record as written, its line, its outcome's cells, no duplicate, no errors.
      const std::string_view raw = run.csv.raw(rec);
      const std::size_t pad = run.columns.size() - rec.count;
      char* const start = out.room(raw.size() + pad + 24 + o->cells.size() + 5);
      char* at = start;
      std::memcpy(at, raw.data(), raw.size());
      at += raw.size();
      std::memset(at, ',', pad);
      at += pad;
      *at++ = ',';
      at = std::to_chars(at, at + 20, row.line).ptr;
      std::memcpy(at, o->cells.data(), o->cells.size());
      at += o->cells.size();
      std::memcpy(at, ",,,\r\n", 5);
      out.wrote(static_cast<std::size_t>(at + 5 - start));
      continue;
    }
    text.clear();
    if (written_as_read(rec)) {
      text += run.csv.raw(rec);  // the fields as they were written need no quoting
      text.append(run.columns.size() - rec.count, ',');
    } else {
      for (std::size_t i = 0; i < run.columns.size(); ++i) {
        if (i) text.push_back(',');
        csv_append_field(text, run.csv.field(rec, i));
      }
    }
    text += ',' + std::to_string(row.line);
    text += o ? o->cells : empty_outcome;
    text.push_back(',');
    if (row.duplicate >= 0) csv_append_field(text, duplicates[static_cast<std::size_t>(row.duplicate)]);
    if (row.error_count == 0 && (!o || o->ok)) {
      text += ",,\r\n";
      out.put(text);
      continue;
    }
    std::string codes, texts;
    auto add = [&](const std::string& code, const std::string& message_text) {
      codes += (codes.empty() ? "" : " ") + code;
      texts += (texts.empty() ? "" : "\n") + message_text;
    };
    for (const RosterRowError& e : run.errors(row)) add(e.code, e.message);
    if (o && !o->ok) add(o->error_code, o->error_message);
    text.push_back(',');
    csv_append_field(text, codes);
    text.push_back(',');
    csv_append_field(text, texts);
    text += "\r\n";
    out.put(text);
  }
  out.flush();
}

std::string annotated_roster_csv(const RosterRun& run) {
  std::size_t size = 4096;
  for (const RosterRow& row : run.rows)
    size += run.csv.records[row.record].length + run.columns.size() + 48 +
            (row.outcome >= 0 ? run.outcomes[static_cast<std::size_t>(row.outcome)].cells.size() : 0);
  std::string out;
  out.reserve(size);
  annotated_roster_csv(run, [&out](std::string_view piece) { out += piece; });
  return out;
}

// The notice's 100 % target, as the policy states it (targets), with its clause.
std::optional<std::string> transfer_target_clause(const Policy& policy) {
  for (const Target& t : policy.targets)
    if (t.percent == 100) return t.clause;
  return std::nullopt;
}

json roster_summary(const RosterRun& run, const Policy& policy) {
  std::vector<std::size_t> uses(run.outcomes.size(), 0);
  std::size_t with_errors = 0;
  json errors_listed = json::array();
  std::map<std::string, std::size_t> error_codes;
  std::size_t must_transfer = 0, completed = 0, completed_elsewhere = 0, unknown_status = 0, not_counted = 0,
              overdue_open = 0;
  auto column_of = [&run](const std::string& field) -> json {
    for (const RosterColumn& c : run.columns)
      if (!field.empty() && c.id == field) return c.header;
    return nullptr;
  };
  // What each outcome counts as, looked up once per outcome rather than per row.
  std::vector<char> transfers(run.outcomes.size()), overdue(run.outcomes.size());
  for (std::size_t i = 0; i < run.outcomes.size(); ++i) {
    transfers[i] = route_is_transfer(policy, run.outcomes[i].route);
    overdue[i] = run.outcomes[i].urgent_state == DeadlineState::overdue;
  }
  for (const RosterRow& row : run.rows) {
    const RosterOutcome* o = row.outcome >= 0 ? &run.outcomes[static_cast<std::size_t>(row.outcome)] : nullptr;
    if (o && o->ok) ++uses[static_cast<std::size_t>(row.outcome)];
    if (row.has_error(run.outcomes)) {
      ++with_errors;
      auto list = [&](const std::string& code, const std::string& field, const std::string& text) {
        ++error_codes[code];
        if (errors_listed.size() < kListed)
          errors_listed.push_back(json{{"line", row.line}, {"code", code}, {"field", field.empty() ? json(nullptr) : json(field)},
                                       {"column", column_of(field)}, {"message", text}});
      };
      for (const RosterRowError& e : run.errors(row)) list(e.code, e.field, e.message);
      if (o && !o->ok) list(o->error_code, o->error_field, o->error_message);
    }
    if (!run.has_status) continue;
    if (!o || !o->ok) {
      ++not_counted;
      continue;
    }
    if (row.status == TransferStatus::unknown) {
      ++unknown_status;
      continue;
    }
    const bool done = row.status == TransferStatus::completed;
    const auto at = static_cast<std::size_t>(row.outcome);
    if (transfers[at]) {
      ++must_transfer;
      if (done) ++completed;
    } else if (done) {
      ++completed_elsewhere;
    }
    if (!done && overdue[at]) ++overdue_open;
  }

  json routes = json::object(), urgent = json::object(), by_kind = json::object(), warnings = json::object();
  const std::vector<std::string> route_order = xueshe::route_order(policy);
  for (const std::string& r : route_order) routes[r] = 0;
  for (DeadlineState s : kDeadlineStates) urgent[std::string(name(s))] = 0;
  urgent["none"] = 0;
  for (DeadlineKind k : roster_deadline_kinds()) {
    json& states = by_kind[std::string(name(k))] = json::object();
    for (DeadlineState s : kDeadlineStates) states[std::string(name(s))] = 0;
  }
  std::size_t evaluated = 0;
  for (std::size_t i = 0; i < run.outcomes.size(); ++i) {
    const RosterOutcome& o = run.outcomes[i];
    const std::size_t n = uses[i];
    if (!n) continue;
    evaluated += n;
    routes[o.route] = routes.value(o.route, std::size_t{0}) + n;
    const std::string state(o.urgent_state ? name(*o.urgent_state) : "none");
    urgent[state] = urgent[state].get<std::size_t>() + n;
    for (const RosterDeadline& d : o.deadlines) {
      const std::string kind(name(d.kind));
      if (by_kind.contains(kind)) {
        json& count = by_kind[kind][std::string(name(d.state))];
        count = count.get<std::size_t>() + n;
      }
    }
    for (const std::string& w : o.warning_codes) warnings[w] = warnings.value(w, std::size_t{0}) + n;
  }

  json duplicates = json::array();
  std::size_t duplicate_rows = 0;
  for (const RosterDuplicate& d : run.duplicates) {
    duplicate_rows += d.lines.size();
    if (duplicates.size() < kListed) duplicates.push_back(json{{"student_id", d.student_id}, {"lines", d.lines}});
  }

  json columns = json::array();
  for (const RosterColumn& c : run.columns)
    columns.push_back(json{{"header", c.header}, {"column", c.id.empty() ? json(nullptr) : json(c.id)}});

  json completion = nullptr;
  if (run.has_status) {
    auto target = transfer_target_clause(policy);
    completion = json{{"must_transfer", must_transfer},
                      {"completed", completed},
                      {"open", must_transfer - completed},
                      {"rate", must_transfer ? json(static_cast<double>(completed) / static_cast<double>(must_transfer))
                                             : json(nullptr)},
                      {"target", 1.0},
                      {"target_clause", target ? json(*target) : json(nullptr)},
                      {"completed_not_transfer_route", completed_elsewhere},
                      {"unknown_status", unknown_status},
                      {"not_counted_errors", not_counted},
                      {"overdue_open", overdue_open}};
  }

  return json{{"policy", json{{"id", policy.id}, {"hash", policy.hash}, {"cohort", policy.cohort}}},
              {"today", format_iso_date(run.today)},
              {"lang", run.lang},
              {"file", json{{"lines", run.csv.lines}, {"blank_lines", run.csv.blank_lines}, {"header_line", run.header_line}}},
              {"columns", columns},
              {"rows", run.rows.size()},
              {"route_order", route_order},
              {"rows_evaluated", evaluated},
              {"rows_with_errors", with_errors},
              {"distinct_answers", run.evaluations},
              {"routes", routes},
              {"most_urgent", urgent},
              {"deadlines", by_kind},
              {"warnings", warnings},
              {"errors", json{{"total", with_errors}, {"by_code", error_codes}, {"first", errors_listed}}},
              {"duplicates", json{{"student_ids", run.duplicates.size()}, {"rows", duplicate_rows}, {"first", duplicates}}},
              {"completion", completion}};
}

std::string roster_template_csv(const Policy& p, Lang lang) {
  const std::vector<std::string>& ids = roster_column_ids();
  std::string out(kUtf8Bom);
  std::vector<std::string> header;
  for (const std::string& id : ids) header.push_back(roster_column_name(id, lang));
  csv_append_record(out, header);

  auto date_in = [](int year, unsigned m, unsigned d) {
    return format_iso_date(Date{date::year{year}, date::month{m}, date::day{d}});
  };
  const int y = p.cohort;
  auto word = [&lang](const char* field, AnswerValue v) { return roster_value_word(field, v, lang); };
  std::vector<std::map<std::string, std::string>> examples = {
      {{"destination", word("destination", std::string("employed"))},
       {"graduation_date", date_in(y, 6, 30)},
       {"birth_date", date_in(y - 22, 3, 15)},
       {"party_member", word("party_member", false)},
       {"self_employed", word("self_employed", false)},
       {"employer_classified", word("employer_classified", false)},
       {"civil_servant", word("civil_servant", false)},
       {"employer_has_league_org", word("employer_has_league_org", true)},
       {"receiving_region", word("receiving_region", std::string("other"))},
       {"status", message(lang, "roster.status.open")}},
      {{"destination", word("destination", std::string("further_study"))},
       {"graduation_date", date_in(y, 6, 30)},
       {"birth_date", date_in(y - 23, 11, 2)},
       {"party_member", word("party_member", true)},
       {"study_level", word("study_level", std::string("postgraduate"))},
       {"enrollment_date", date_in(y, 9, 1)},
       {"new_school_org_created", word("new_school_org_created", false)},
       {"receiving_region", word("receiving_region", std::string("other"))},
       {"status", message(lang, "roster.status.open")}},
      {{"destination", word("destination", std::string("unsettled"))},
       {"graduation_date", date_in(y, 6, 30)},
       {"birth_date", date_in(y - 22, 8, 20)},
       {"party_member", word("party_member", false)},
       {"unsettled_choice", word("unsettled_choice", std::string("transfer_to_community"))},
       {"community_basis", word("community_basis", p.destination("unsettled") ? p.destination("unsettled")->bases.value.front()
                                                                                : std::string("residence"))},
       {"receiving_region", word("receiving_region", std::string("other"))},
       {"status", message(lang, "roster.status.completed")}},
  };
  for (std::size_t i = 0; i < examples.size(); ++i) {
    auto& row = examples[i];
    const std::string n = std::to_string(i + 1);
    row["student_id"] = message(lang, "roster.template.student_id", {{"n", n}});
    row["name"] = message(lang, "roster.template.name_" + n);
    row["college"] = message(lang, "roster.template.college");
    std::vector<std::string> cells;
    for (const std::string& id : ids) cells.push_back(row.count(id) ? row[id] : "");
    csv_append_record(out, cells);
  }
  return out;
}

}  // namespace xueshe
