// Evaluating a roster: header → columns, each row → answers → outcome, each
// distinct set of answers evaluated once.
#include "xueshe/roster.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <deque>
#include <functional>
#include <iterator>
#include <unordered_map>
#include <utility>

#include "key_table.hpp"
#include "roster_outcome.hpp"
#include "xueshe/age_rule.hpp"
#include "xueshe/error_body.hpp"
#include "xueshe/member_date.hpp"
#include "xueshe/outcome.hpp"
#include "xueshe/messages.hpp"

namespace xueshe {
namespace {

using nlohmann::json;

std::string preview(std::string_view s) {
  if (s.size() <= 40) return std::string(s);
  std::size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0u) == 0x80u) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

std::string joined(const std::vector<std::string>& list, const std::string& sep) {
  std::string out;
  for (const auto& s : list) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// Field `col` of a row's fields (CsvTable::fields), empty past its last, as CsvTable::field gives it.
std::string_view cell_in(const std::vector<std::string_view>& cells, std::size_t col) {
  return col < cells.size() ? cells[col] : std::string_view();
}

// What the row's columns are.
struct Layout {
  std::vector<std::pair<std::size_t, const Field*>> answers;  // column index, field
  std::size_t student_id = SIZE_MAX, status = SIZE_MAX;
  std::size_t birth = SIZE_MAX, graduation = SIZE_MAX;
};

class Evaluator {
 public:
  Evaluator(const Engine& engine, const RosterOptions& options, RosterRun& run, const Layout& layout,
            const RosterVocabulary& vocabulary)
      : engine_(engine), options_(options), run_(run), layout_(layout),
        vocabulary_(vocabulary), render_words_(run.lang) {}

  // The row outcome_for is asked about next, its fields read once (CsvTable::fields).
  void set_row(const std::vector<std::string_view>& cells) { row_cells_ = &cells; }

  std::int64_t outcome_for(const CsvRecord& rec) {
    if (!options_.memoize) return add_outcome();
    const std::optional<BirthReading> birth = read_birth();
    build_key(rec, birth ? birth->by_graduation : nullptr);
    if (!birth) return exact_outcome(nullptr);
    // Rows whose answers differ only in a birth date that reads the same share
    // a group; the outcome reads the date itself only through the age warning,
    // which weighs the limit birthday against the outcome's last deadline
    // (warnings.cpp). Learnt from the group's own evaluations: `until` is that
    // deadline (none: an error or no deadlines, so no warning can apply), and
    // birth_free is set once a row whose birthday comes by it shows no such
    // warning (the warning's other conditions do not hold for the group).
    Group** written = written_groups_.find(key());
    const bool first_of_cells = !written;  // canonical_ is this row's
    if (first_of_cells) {
      canonical_ = canonical_key(birth->by_graduation);
      written = &written_groups_.add(key(), &groups_[canonical_]);
    }
    Group& g = **written;
    if (g.learned && (g.birth_free || birth->limit_birthday > g.until)) {
      if (g.shared < 0) g.shared = add_outcome();
      return g.shared;
    }
    append_to_key(trim_cell(row_cell(layout_.birth)));  // the date as written: its own evaluation
    const std::int64_t index = exact_outcome(birth->by_graduation, first_of_cells ? &canonical_ : nullptr);
    learn(g, run_.outcomes[static_cast<std::size_t>(index)], birth->limit_birthday, index);
    return index;
  }

 private:
  // What the rules read of a row's birth date (age_rule.hpp): whether the age
  // limit comes by graduation, and the day it is reached.
  struct BirthReading {
    const char* by_graduation;  // kAtLimit, kUnder, or kNoGraduation (no date to weigh it against)
    Date limit_birthday;
  };
  static constexpr char kAtLimit[] = "at limit", kUnder[] = "under", kNoGraduation[] = "no graduation";

  struct Group {
    bool learned = false, birth_free = false;
    Date until;             // the outcome's last deadline, when not birth_free
    std::int64_t shared = -1;  // the outcome of every row whose birth date the outcome does not read
  };

  // A field of the current row (set_row), as CsvTable::field gives it.
  std::string_view row_cell(std::size_t col) const { return cell_in(*row_cells_, col); }

  // nullopt: the cell as written is the key (empty, not a date, a graduation
  // date not read, or an age at graduation so low that the dates' order check
  // may speak of the date: under kMinAgeAtGraduation + 1 years, a year's margin).
  std::optional<BirthReading> read_birth() {
    if (layout_.birth == SIZE_MAX) return std::nullopt;
    const std::string_view cell = trim_cell(row_cell(layout_.birth));
    if (cell.empty()) return std::nullopt;
    const BirthDay& birth = birth_day(cell);
    if (!birth.read) return std::nullopt;
    const BirthReading under{kNoGraduation, birth.limit_birthday};
    const std::string_view graduation_cell =
        layout_.graduation == SIZE_MAX ? std::string_view() : trim_cell(row_cell(layout_.graduation));
    if (graduation_cell.empty()) return under;
    if (graduation_cell != graduation_cell_) {  // rosters have a few graduation dates, row after row
      graduation_cell_.assign(graduation_cell);
      graduation_ = parse_member_date(graduation_cell);
      if (graduation_) cutoff_ = age_limit_cutoff(engine_.flow(), *graduation_);
    }
    if (!graduation_ || birth.old_enough > *graduation_) return std::nullopt;
    // at_age_limit_by, with the cutoff read once per graduation date.
    return BirthReading{under.limit_birthday <= cutoff_ ? kAtLimit : kUnder, under.limit_birthday};
  }

  // What read_birth needs of a birth date as written, worked out once per
  // spelling: a roster's birth dates are each person's own, but a year of
  // graduates is born within a few years, so its 100,000 rows hold a few
  // thousand dates. At most kBirthDaysKept are kept (a roster of other text
  // in that column is read, not remembered).
  struct BirthDay {
    bool read = false;    // a date (parse_member_date)
    Date limit_birthday;  // age_limit_birthday
    Date old_enough;      // the day kMinAgeAtGraduation + 1 years after it (read_birth's margin)
  };
  static constexpr std::size_t kBirthDaysKept = 1 << 16;
  const BirthDay& birth_day(std::string_view cell) {
    if (const BirthDay* known = birth_days_.find(cell)) return *known;
    BirthDay b;
    if (const std::optional<Date> d = parse_member_date(cell)) {
      b.read = true;
      b.limit_birthday = age_limit_birthday(*d, engine_.flow().age_limit);
      b.old_enough = add_months_clamped(*d, 12 * (kMinAgeAtGraduation + 1));
    }
    if (birth_days_.size() >= kBirthDaysKept) return birth_day_ = b;
    return birth_days_.add(cell, b);
  }

  // The key: each answer cell as written, its length first (so no cell text
  // can imitate another split): one byte for a cell under kLongCell bytes,
  // else kLongCell and four bytes; a birth date read as `birth` is kReadBirth
  // and a letter for what it reads. Written straight into key_buffer_, grown
  // first to the longest it can be with the birth date appended (every row
  // builds one; the buffer is only ever grown, never filled).
  static constexpr unsigned char kLongCell = 0xFE, kReadBirth = 0xFF;
  void build_key(const CsvRecord& rec, const char* birth) {
    // The cells are parts of the record (or of its unescaped fields, never longer); the birth date once more.
    const std::size_t longest = 2 * std::size_t{rec.length} + layout_.answers.size() * 5;
    if (key_buffer_.size() < longest) key_buffer_.resize(2 * longest);
    char* const begin = key_buffer_.data();
    char* at = begin;
    for (const auto& [col, field] : layout_.answers) {
      if (col == layout_.birth && birth) {
        *at++ = static_cast<char>(kReadBirth);
        *at++ = birth == kAtLimit ? 'a' : birth == kUnder ? 'u' : 'n';
        continue;
      }
      const std::string_view cell = trim_cell(row_cell(col));
      if (cell.size() < kLongCell) {
        *at++ = static_cast<char>(cell.size());
      } else {
        *at++ = static_cast<char>(kLongCell);
        const auto length = static_cast<std::uint32_t>(cell.size());
        std::memcpy(at, &length, sizeof length);
        at += sizeof length;
      }
      if (!cell.empty()) std::memcpy(at, cell.data(), cell.size());
      at += cell.size();
    }
    key_size_ = static_cast<std::size_t>(at - begin);
  }
  std::string_view key() const { return std::string_view(key_buffer_.data(), key_size_); }
  // After build_key: `text` at the key's end (room for it was made there).
  void append_to_key(std::string_view text) {
    if (!text.empty()) std::memcpy(key_buffer_.data() + key_size_, text.data(), text.size());
    key_size_ += text.size();
  }

  // Rows with the same cells as written (key()), else with the same answers
  // (canonical_key: 已就业 and 已落实工作单位, 2022/6/30 and 2022-06-30), share
  // an evaluation. `birth` as in build_key, the date as written appended;
  // `canonical`, when given, is canonical_key(birth) already made for the row.
  std::int64_t exact_outcome(const char* birth, const std::string* canonical = nullptr) {
    if (const std::int64_t* seen = memo_.find(key())) return *seen;
    std::string answers = canonical ? *canonical : canonical_key(birth);
    if (birth) answers.append(trim_cell(row_cell(layout_.birth)));
    const std::int64_t* same = canonical_memo_.find(answers);
    const std::int64_t index = same ? *same : add_outcome();
    if (!same) canonical_memo_.add(answers, index);
    memo_.add(key(), index);
    return index;
  }

  // Each answer as evaluate() reads it, length first: a word's value, a
  // date's day, or (not read) the cell as written; `birth` as in build_key.
  std::string canonical_key(const char* birth) {
    std::string out;
    auto add = [&out](char kind, std::string_view text) {
      const auto length = static_cast<std::uint32_t>(text.size());
      out.push_back(kind);
      out.append(reinterpret_cast<const char*>(&length), sizeof length);
      out.append(text);
    };
    for (const auto& [col, field] : layout_.answers) {
      const std::string_view cell = trim_cell(row_cell(col));
      if (col == layout_.birth && birth) {
        add('b', birth);
      } else if (cell.empty()) {
        add('e', {});
      } else if (field->kind == FieldKind::date) {
        const std::optional<Date> d = parse_member_date(cell);
        if (d) add('d', format_iso_date(*d));
        else add('w', cell);
      } else if (const std::optional<std::string>& word = word_of(*field, cell)) {
        add('v', *word);
      } else {
        add('w', cell);
      }
    }
    return out;
  }

  // vocabulary_.word(field, cell), asked of the vocabulary once per field and
  // cell as written: a roster's cells repeat (是, 否, 已就业), and each answer
  // set evaluated reads its cells twice (canonical_key, evaluate).
  const std::optional<std::string>& word_of(const Field& field, std::string_view cell) {
    const Field* const address = &field;  // fields are the engine's own (find_field), one object each
    word_key_.assign(reinterpret_cast<const char*>(&address), sizeof address);
    word_key_.append(cell);
    if (const std::size_t* known = word_indices_.find(word_key_)) return words_[*known];
    words_.push_back(vocabulary_.word(field, cell));
    word_indices_.add(word_key_, words_.size() - 1);
    return words_.back();
  }

  bool has_column(const std::string& field) const {
    for (const auto& [col, f] : layout_.answers)
      if (field == f->id) return true;
    return false;
  }

  std::string column_header(const std::string& field) const {
    for (const auto& [col, f] : layout_.answers)
      if (field == f->id) return run_.columns[col].header;
    return roster_column_name(field, run_.lang);
  }

  std::string allowed_words(const Field& f) const {
    std::vector<std::string> words;
    if (f.kind == FieldKind::boolean) {
      words = {message(run_.lang, "bool.true"), message(run_.lang, "bool.false")};
      if (f.unknown_allowed) words.push_back(message(run_.lang, "bool.unknown"));
    } else {
      for (const auto& v : f.values) words.push_back(roster_value_word(f.id, v, run_.lang));
    }
    return joined(words, message(run_.lang, "roster.word_separator"));
  }

  RosterOutcome fail(const std::string& code, const std::string& field, std::map<std::string, std::string> params) {
    RosterOutcome o;
    o.error_code = code;
    o.error_field = field;
    params["column"] = column_header(field);
    o.error_message = message(run_.lang, "roster.error." + code, params);
    return o;
  }

  // The engine's error, its message under the column's header.
  RosterOutcome engine_error(const Error& e) const {
    RosterOutcome o;
    o.error_code = e.code;
    o.error_field = e.field;
    o.error_message = in_column(e.field, error_message(e, run_.lang));
    return o;
  }

  // A message about an answer said under its column's header (a field of the
  // engine's); any other message as it is.
  std::string in_column(const std::string& field, std::string message_text) const {
    if (!find_field(field)) return message_text;
    return message(run_.lang, "roster.error.in_column", {{"column", column_header(field)}, {"message", message_text}});
  }

  // An empty cell the row's answers lead to, with the reason they do: the
  // decision taken on the way to it (at the age limit: 28 or older), else the
  // last answer that chose between branches (去向 is 已就业), else none (every
  // row is asked it).
  RosterOutcome missing(const Answers& answers, const std::string& field) {
    const Flow& flow = engine_.flow();
    const Evaluation e = engine_.walk_answers(answers);
    const Node* from = e.steps.empty() ? flow.find(flow.start) : flow.find(e.steps.back().node);
    std::string reason;
    if (!e.steps.empty() && from) {
      // From the last answer through the decisions after it, to the question.
      const std::string token = answer_token(e.steps.back().value);
      const Node* node = nullptr;
      for (const Edge& edge : from->edges)
        if (edge.when == token || edge.when == "*") node = flow.find(edge.to);
      for (std::size_t guard = 0; node && node->is_decision() && guard < flow.nodes.size(); ++guard) {
        const std::optional<bool> branch = decide(flow, node->decision, e.used);
        if (!branch) break;
        const std::string key = "roster.reason." + node->decision + (*branch ? ".true" : ".false");
        if (catalog(run_.lang).contains(key))
          reason = message(run_.lang, key, {{"limit", std::to_string(flow.age_limit)}});
        const Node* next = nullptr;
        for (const Edge& edge : node->edges)
          if (edge.when == (*branch ? "true" : "false")) next = flow.find(edge.to);
        node = next;
      }
    }
    for (auto s = e.steps.rbegin(); reason.empty() && s != e.steps.rend(); ++s) {
      const Node* n = flow.find(s->node);
      if (!n || s->implied) continue;
      bool branches = false;
      for (const Edge& edge : n->edges) branches = branches || edge.to != n->edges.front().to;
      if (branches)
        reason = message(run_.lang, "roster.reason.answer",
                         {{"column", column_header(s->field)}, {"value", roster_value_word(s->field, s->value, run_.lang)}});
    }
    if (reason.empty()) return fail("missing_answer_always", field, {});
    return fail("missing_answer", field, {{"reason", reason}});
  }

  // An evaluation: a new outcome, or (shared >= 0) one run_.outcomes has already.
  struct Evaluated {
    Evaluated(RosterOutcome o) : outcome(std::move(o)) {}  // NOLINT: every error return is a new outcome
    explicit Evaluated(std::int64_t index) : shared(index) {}
    RosterOutcome outcome;
    std::int64_t shared = -1;
  };

  Evaluated evaluate() {
    Answers answers;
    for (const auto& [col, field] : layout_.answers) {
      std::string_view cell = trim_cell(row_cell(col));
      if (cell.empty()) continue;
      if (field->kind == FieldKind::date) {
        // Said as the engine says it to a member who typed the same date.
        const MemberDate read = read_member_date(cell);
        if (!read.date)
          return engine_error(member_date_error(read, field->id, preview(cell)));
        answers.values[field->id] = *read.date;
        continue;
      }
      const std::optional<std::string>& word = word_of(*field, cell);
      if (!word) return fail("unknown_value", field->id, {{"got", preview(cell)}, {"allowed", allowed_words(*field)}});
      if (field->kind == FieldKind::boolean && *word == "unknown") answers.values[field->id] = *word;
      else if (field->kind == FieldKind::boolean) answers.values[field->id] = (*word == "true");
      else answers.values[field->id] = *word;
    }
    ++run_.evaluations;
    if (!options_.direct) return through_engine_json(answers);
    if (const std::optional<Walk> w = direct_walk(engine_, answers)) return by_walk(*w);
    // A question, an error: the engine's own typed evaluation says which.
    const Evaluation e = engine_.walk_answers(answers);
    if (e.error) return engine_error(*e.error);
    if (!e.at->is_outcome()) return question(answers, e.at->field);
    return outcome_at(engine_, *e.at, e.used, e.situation, run_.today, run_.lang);
  }

  // A question the row's answers stop at: the answer the roster lacks.
  RosterOutcome question(const Answers& answers, const std::string& field) {
    // A roster with today's columns answers the employer by the yes/no chain:
    // its first question is the one missing, not a column the roster lacks.
    if (field == "employer_type" && !has_column("employer_type") && has_column("self_employed"))
      return missing(answers, "self_employed");
    return missing(answers, field);
  }

  // The tests' oracle (RosterOptions::direct false): the outcome read back from
  // the JSON Engine::evaluate gives one member, which the typed paths above
  // must equal on every row (roster_test.cpp, fuzz_roster.cpp).
  RosterOutcome through_engine_json(const Answers& answers) {
    Result r = engine_.evaluate(answers, run_.today, run_.lang);
    const json& body = r.body;
    if (!r.ok) {
      RosterOutcome o;
      o.error_code = body["error"]["code"].get<std::string>();
      o.error_field = body["error"]["field"].get<std::string>();
      o.error_message = in_column(o.error_field, body["error"]["message"].get<std::string>());
      return o;
    }
    if (body["status"] == "question") return question(answers, body["question"]["id"].get<std::string>());
    RosterOutcome o;
    o.ok = true;
    o.route = body["route"].get<std::string>();
    o.org = body["receiving"]["org"].get<std::string>();
    for (const auto& a : body["alternatives"]) o.alternatives.push_back(a.get<std::string>());
    for (const auto& d : body["deadlines"]) {
      // The engine writes only the closed sets' names.
      const auto kind = deadline_kind_named(d["kind"].get<std::string>());
      const auto state = deadline_state_named(d["state"].get<std::string>());
      if (kind && state)
        o.deadlines.push_back(RosterDeadline{*kind, *parse_iso_date(d["date"].get<std::string>()),
                                             d["clause"].get<std::string>(), *state});
    }
    mark_most_urgent(o);
    for (const auto& w : body["warnings"]) {
      o.warning_codes.push_back(w["code"].get<std::string>());
      o.warning_texts.push_back(w["text"].get<std::string>());
    }
    for (const auto& c : body["clauses"]) o.clauses.push_back(c.get<std::string>());
    return o;
  }

  // Answer sets differ in answers their walk did not read (a region where the
  // route names none, a post below the age limit), and each group of rows
  // above was evaluated with its first row's birth date: rows whose walks used
  // the same answers, the birth date read as in outcome_for (a group of its
  // own by what it decides; the day itself only where the age warning could
  // name it), share the outcome assembled and rendered for the first of them.
  Evaluated by_walk(const Walk& w) {
    const std::optional<Date> birth = w.used.date("birth_date");
    const std::optional<Date> graduation = w.used.date("graduation_date");
    std::string key = used_key(w, "birth_date");
    key.push_back(!birth ? 'n' : !graduation ? 'g' : at_age_limit_by(engine_.flow(), *birth, *graduation) ? 'a' : 'u');
    Group& g = used_groups_[key];
    const Date limit_birthday = birth ? age_limit_birthday(*birth, engine_.flow().age_limit) : Date{};
    const bool beyond = !birth || (g.learned && (g.birth_free || limit_birthday > g.until));
    if (beyond && g.shared >= 0) return Evaluated(g.shared);
    RosterOutcome o = direct_outcome(engine_, w, run_.today, run_.lang);
    render(o);
    const auto index = static_cast<std::int64_t>(run_.outcomes.size());  // where add_outcome puts it
    if (!birth) {
      g.shared = index;
      return Evaluated(std::move(o));
    }
    learn(g, o, limit_birthday, index);
    return Evaluated(std::move(o));
  }

  // What the group learns from one of its evaluations (outcome_for, by_walk).
  static void learn(Group& g, const RosterOutcome& o, Date limit_birthday, std::int64_t index) {
    if (!g.learned) {
      g.learned = true;
      g.birth_free = !o.ok || o.deadlines.empty();
      if (!g.birth_free) g.until = o.deadlines.back().date;
    }
    if (!g.birth_free && !(limit_birthday > g.until) &&
        std::find(o.warning_codes.begin(), o.warning_codes.end(), "age_limit_before_deadline") == o.warning_codes.end())
      g.birth_free = true;
    if (g.shared < 0 && (g.birth_free || limit_birthday > g.until)) g.shared = index;
  }

  void render(RosterOutcome& o) const {
    const std::string& sep = render_words_.list_separator;
    std::string& out = o.cells;
    auto cell = [&out](std::string_view text) {
      out.push_back(',');
      csv_append_field(out, text);
    };
    cell(o.route);
    cell(o.org);
    cell(joined(o.alternatives, " "));
    for (DeadlineKind kind : roster_deadline_kinds()) {
      std::vector<std::string> items;
      for (const RosterDeadline& d : o.deadlines)
        if (d.kind == kind) items.push_back(format_iso_date(d.date) + " " + render_words_.state(d.state));
      cell(joined(items, sep));
    }
    cell(o.urgent_state ? render_words_.state(*o.urgent_state) : "");
    cell(o.urgent_date ? format_iso_date(*o.urgent_date) : "");
    cell(joined(o.warning_codes, " "));
    cell(joined(o.warning_texts, "\n"));
    cell(joined(o.clauses, " "));
  }

  std::int64_t add_outcome() {
    Evaluated e = evaluate();
    if (e.shared >= 0) return e.shared;
    RosterOutcome& o = e.outcome;
    if (!o.ok) o.cells.assign(roster_deadline_kinds().size() + 8, ',');  // the same columns, empty (render's count)
    else if (o.cells.empty()) render(o);  // not one evaluate() found rendered already
    run_.outcomes.push_back(std::move(o));
    return static_cast<std::int64_t>(run_.outcomes.size() - 1);
  }

  // The catalog's words render() writes in every outcome, looked up once.
  struct RenderWords {
    explicit RenderWords(Lang lang) : list_separator(message(lang, "roster.list_separator")) {
      for (DeadlineState s : kDeadlineStates) states[static_cast<std::size_t>(s)] = message(lang, catalog_key(s));
    }
    const std::string& state(DeadlineState s) const { return states[static_cast<std::size_t>(s)]; }
    std::string list_separator;
    std::string states[std::size(kDeadlineStates)];
  };

  const Engine& engine_;
  const RosterOptions& options_;
  RosterRun& run_;
  const Layout& layout_;
  const RosterVocabulary& vocabulary_;
  const RenderWords render_words_;
  std::string key_buffer_;               // the row's key (build_key), its first key_size_ bytes
  std::size_t key_size_ = 0;
  KeyTable<BirthDay> birth_days_;        // birth_day's memory, by the cell as written
  BirthDay birth_day_;                   // birth_day's answer when not kept
  std::string graduation_cell_;          // the last graduation date read, and what it read
  std::optional<Date> graduation_;
  Date cutoff_;                          // age_limit_cutoff of graduation_
  KeyTable<std::int64_t> memo_, canonical_memo_;                         // by cells as written, by answers
  std::string canonical_;                                                // the answers of the row's cells, when first seen
  std::unordered_map<std::string, Group> groups_;                        // by answers
  KeyTable<Group*> written_groups_;                                      // by cells as written (groups_ is node-stable)
  std::unordered_map<std::string, Group> used_groups_;                   // by the answers the walk used (by_walk)
  const std::vector<std::string_view>* row_cells_ = nullptr;           // the current row's fields (set_row)
  std::string word_key_;                                                 // word_of's key, reused
  KeyTable<std::size_t> word_indices_;                                   // by field and cell: index into words_
  std::deque<std::optional<std::string>> words_;                         // what vocabulary_.word said (stable)
};

// Student numbers, for duplicates. Each row's number is kept as a 32-bit
// hash beside its row, in one list written in row order; at the end the list
// is sorted by hash (a radix sort, stable: three passes of 11 bits, each a
// read of the list in order), so rows with the same number come together,
// in row order. A hash table, probed row after row, was the slowest part of
// a run: every probe went to a random place in a table larger than the caches.
class StudentIds {
 public:
  explicit StudentIds(std::size_t expected) { keys_.reserve(expected); }

  void add(std::string_view id, std::size_t row) {
    const auto hash = static_cast<std::uint64_t>(key_hash(id));
    const auto folded = static_cast<std::uint32_t>(hash ^ (hash >> 32));
    keys_.push_back(std::uint64_t{folded} << 32 | static_cast<std::uint32_t>(row));
  }

  // The numbers of another list's rows (another part's: check_in_parts).
  void append(const StudentIds& later) { keys_.insert(keys_.end(), later.keys_.begin(), later.keys_.end()); }

  // The rows of each number written on more than one row (ascending), the
  // sets in the order of their second row: the order in which a reader going
  // down the roster meets them as duplicates. `id_of(row)` is the row's number.
  template <class IdOf>
  std::vector<std::vector<std::uint32_t>> duplicates(const IdOf& id_of) {
    sort_by_hash();
    std::vector<std::vector<std::uint32_t>> sets;
    std::vector<std::uint32_t> run;
    for (std::size_t i = 0; i < keys_.size();) {
      std::size_t j = i + 1;
      while (j < keys_.size() && keys_[j] >> 32 == keys_[i] >> 32) ++j;
      if (j - i > 1) {
        run.clear();
        for (std::size_t k = i; k < j; ++k) run.push_back(static_cast<std::uint32_t>(keys_[k]));
        std::sort(run.begin(), run.end());  // rows checked in parts are listed part after part (check_in_parts)
        add_sets(run, id_of, sets);
      }
      i = j;
    }
    std::sort(sets.begin(), sets.end(), [](const auto& x, const auto& y) { return x[1] < y[1]; });
    return sets;
  }

 private:
  void sort_by_hash() {
    constexpr unsigned kBits = 11;
    constexpr std::size_t kBuckets = std::size_t{1} << kBits;
    std::vector<std::uint64_t> other(keys_.size());
    std::vector<std::uint32_t> count(kBuckets);
    for (unsigned shift = 32; shift < 64; shift += kBits) {  // the hash's bits, lowest digit first
      std::fill(count.begin(), count.end(), 0);
      for (std::uint64_t k : keys_) ++count[(k >> shift) & (kBuckets - 1)];
      std::uint32_t start = 0;
      for (std::uint32_t& c : count) start += std::exchange(c, start);
      for (std::uint64_t k : keys_) other[count[(k >> shift) & (kBuckets - 1)]++] = k;
      keys_.swap(other);
    }
  }

  // Rows (ascending) whose numbers share a hash: nearly always one number; if
  // not, sorted by number (stably, so each number's rows stay ascending).
  template <class IdOf>
  static void add_sets(std::vector<std::uint32_t>& rows, const IdOf& id_of,
                       std::vector<std::vector<std::uint32_t>>& sets) {
    const std::string_view first = id_of(rows.front());
    if (!std::all_of(rows.begin(), rows.end(), [&](std::uint32_t r) { return id_of(r) == first; }))
      std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t x, std::uint32_t y) { return id_of(x) < id_of(y); });
    for (std::size_t i = 0; i < rows.size();) {
      std::size_t j = i + 1;
      while (j < rows.size() && id_of(rows[j]) == id_of(rows[i])) ++j;
      if (j - i > 1) sets.emplace_back(rows.begin() + static_cast<std::ptrdiff_t>(i), rows.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
    }
  }

  std::vector<std::uint64_t> keys_;  // hash << 32 | row
};

// One data row: its own errors, its outcome, its status and student number.
// A function of its own, called row after row (noinline): a browser swaps a
// wasm function's optimized code in only between calls, so after the first
// few hundred rows the rest run optimized even on the page's first roster
// (see csv_reader.cpp).
struct RowChecker {
  const CsvTable& csv;
  RosterRun& run;  // the roster's, or a part's (check_in_parts)
  const Layout& layout;
  const RosterVocabulary& vocabulary;
  const RosterLimits& limits;
  Evaluator& evaluator;
  StudentIds& student_ids;
  KeyTable<TransferStatus> statuses;
  std::vector<std::string_view> cells;  // the row's fields, read once (reused row after row)

  [[gnu::noinline]] void check(std::size_t r) {
    const CsvRecord& header = csv.records.front();
    const CsvRecord& rec = csv.records[r];
    RosterRow row;
    row.line = rec.line;
    row.record = static_cast<std::uint32_t>(r);
    row.first_error = static_cast<std::uint32_t>(run.row_errors.size());
    auto row_error = [&](const std::string& code, std::size_t column, std::map<std::string, std::string> params) {
      params["column"] = column < run.columns.size() ? run.columns[column].header : std::to_string(column + 1);
      params["n"] = std::to_string(column + 1);
      run.row_errors.push_back(RosterRowError{code, column < run.columns.size() ? run.columns[column].id : "",
                                              message(run.lang, "roster.error." + code, params)});
      ++row.error_count;
    };
    csv.fields(rec, cells);
    if (rec.problem_kind != CsvProblem::none) {
      row_error(std::string(rec.problem()), rec.problem_column - 1, {});
    } else {
      bool extra = false;
      for (std::size_t i = header.count; i < rec.count; ++i) extra = extra || !trim_cell(cells[i]).empty();
      if (extra)
        row_error("too_many_fields", header.count,
                  {{"got", std::to_string(rec.count)}, {"max", std::to_string(header.count)}});
      // No field is longer than its record as written (rec.length), so a short record needs no look.
      for (std::size_t i = 0; rec.length > limits.max_field_bytes && i < rec.count && row.error_count == 0; ++i)
        if (cells[i].size() > limits.max_field_bytes)
          row_error("field_too_long", i, {{"max", std::to_string(limits.max_field_bytes)}});
    }
    if (row.error_count == 0) {
      evaluator.set_row(cells);
      row.outcome = static_cast<std::int32_t>(evaluator.outcome_for(rec));
    }

    if (run.has_status && row.outcome >= 0) {  // a row not checked is not counted either
      const std::string_view written = trim_cell(cell_in(cells, layout.status));
      const TransferStatus* status = statuses.find(written);
      row.status = status ? *status : statuses.add(written, vocabulary.status(written));
      if (row.status == TransferStatus::unknown)
        row_error("unknown_value", layout.status,
                  {{"got", preview(written)},
                   {"allowed", message(run.lang, "roster.status.completed") + message(run.lang, "roster.word_separator") +
                                   message(run.lang, "roster.status.open")}});
    }
    if (layout.student_id != SIZE_MAX) {
      const std::string_view id = trim_cell(cell_in(cells, layout.student_id));
      if (!id.empty()) student_ids.add(id, r - 1);
    }
    run.rows.push_back(row);
  }
};

// The data rows by destination (0-based row indices, in row order): only
// rows with the same destination can share an evaluation, so a destination's
// rows are checked together. A cell counts as what the vocabulary reads it as
// (已就业 and 已落实工作单位 alike); a cell it does not read, as written.
// The groups come largest first.
std::vector<std::vector<std::uint32_t>> rows_by_destination(const CsvTable& csv, const Layout& layout,
                                                            const RosterVocabulary& vocabulary) {
  std::size_t column = 0;
  const Field* destination = nullptr;
  for (const auto& [col, field] : layout.answers)
    if (std::string_view(field->id) == "destination") column = col, destination = field;
  KeyTable<std::uint32_t> group_of_cell;  // a destination cell as written → its group
  std::vector<std::string> names;         // what the vocabulary reads a group's cells as
  std::vector<std::vector<std::uint32_t>> groups;
  for (std::size_t r = 1; r < csv.records.size(); ++r) {
    const std::string_view cell = trim_cell(csv.field(csv.records[r], column));
    const std::uint32_t* group = group_of_cell.find(cell);
    if (!group) {
      const std::optional<std::string> word = vocabulary.word(*destination, cell);
      const std::string name = word ? "=" + *word : "?" + std::string(cell);
      const auto named = static_cast<std::uint32_t>(std::find(names.begin(), names.end(), name) - names.begin());
      if (named == names.size()) {
        names.push_back(name);
        groups.emplace_back();
      }
      group = &group_of_cell.add(cell, named);
    }
    groups[*group].push_back(static_cast<std::uint32_t>(r - 1));
  }
  std::stable_sort(groups.begin(), groups.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
  return groups;
}

// The rows checked by `parts` tasks at once (RosterOptions::run_tasks), each
// with its own evaluator into a run of its own: task p checks the p-th
// largest destination's rows (rows_by_destination), then the next one no task
// has taken until none is left, so the tasks end at about the same time
// whatever each destination costs (and tasks run one after another, as in
// the tests, still each check rows of their own).
// Then put together in `run` in row order: each row's outcome and errors as
// one checker going down the roster gives them (the errors row after row).
void check_in_parts(const Engine& engine, const RosterOptions& options, const Layout& layout,
                    const RosterVocabulary& vocabulary, std::size_t parts, RosterRun& run, StudentIds& student_ids) {
  const CsvTable& csv = run.csv;
  const std::size_t row_count = csv.records.size() - 1;
  const std::vector<std::vector<std::uint32_t>> groups = rows_by_destination(csv, layout, vocabulary);
  std::atomic<std::size_t> next_group{parts};  // the groups after each task's first
  std::vector<RosterRun> part_runs(parts);
  std::vector<std::vector<std::uint32_t>> part_rows(parts);  // the row each entry of a part's rows is
  std::vector<StudentIds> part_ids;
  part_ids.reserve(parts);
  std::vector<std::function<void()>> tasks;
  for (std::size_t p = 0; p < parts; ++p) {
    RosterRun& part = part_runs[p];
    part.lang = run.lang;
    part.today = run.today;
    part.columns = run.columns;
    part.has_status = run.has_status;
    part.rows.reserve(row_count);  // here, not in the task: from this thread's heap (prepare_heap's)
    part_rows[p].reserve(row_count);
    StudentIds& ids = part_ids.emplace_back(layout.student_id != SIZE_MAX ? row_count : 0);
    tasks.emplace_back([&engine, &options, &csv, &layout, &vocabulary, &groups, &next_group, &part_rows, &part, &ids, p] {
      Evaluator evaluator(engine, options, part, layout, vocabulary);
      RowChecker checker{csv, part, layout, vocabulary, options.limits, evaluator, ids, {}, {}};
      auto check_group = [&](std::size_t g) {
        for (std::uint32_t r : groups[g]) checker.check(r + 1);  // record 0 is the header
        part_rows[p].insert(part_rows[p].end(), groups[g].begin(), groups[g].end());
      };
      if (p < groups.size()) check_group(p);  // the p-th largest, whichever task runs first
      for (std::size_t g = next_group++; g < groups.size(); g = next_group++) check_group(g);
    });
  }
  run_all(options.run_tasks, tasks);

  // Row by row, from the part that checked it: its outcome among all parts' outcomes, its errors in row order.
  std::vector<std::uint32_t> part_of(row_count), entry_of(row_count);  // every row is in one destination's group
  std::vector<std::int32_t> outcome_base(parts);
  for (std::size_t p = 0; p < parts; ++p) {
    outcome_base[p] = static_cast<std::int32_t>(run.outcomes.size());
    std::move(part_runs[p].outcomes.begin(), part_runs[p].outcomes.end(), std::back_inserter(run.outcomes));
    run.evaluations += part_runs[p].evaluations;
    student_ids.append(part_ids[p]);
    for (std::size_t i = 0; i < part_rows[p].size(); ++i) {
      part_of[part_rows[p][i]] = static_cast<std::uint32_t>(p);
      entry_of[part_rows[p][i]] = static_cast<std::uint32_t>(i);
    }
  }
  for (std::size_t r = 0; r < row_count; ++r) {
    const RosterRun& part = part_runs[part_of[r]];
    RosterRow row = part.rows[entry_of[r]];
    if (row.outcome >= 0) row.outcome += outcome_base[part_of[r]];
    const auto errors = part.row_errors.begin() + row.first_error;
    row.first_error = static_cast<std::uint32_t>(run.row_errors.size());
    run.row_errors.insert(run.row_errors.end(), errors, errors + row.error_count);
    run.rows.push_back(row);
  }
}

Error file_error(const char* code, std::map<std::string, std::string> params) {
  return Error{code, "$", std::move(params)};
}

}  // namespace

const std::vector<DeadlineKind>& roster_deadline_kinds() {
  static const std::vector<DeadlineKind> kinds = {DeadlineKind::apply_by,       DeadlineKind::complete_by,
                                                  DeadlineKind::all_complete_by, DeadlineKind::retention_ends,
                                                  DeadlineKind::new_org_created_by, DeadlineKind::before_departure};
  return kinds;
}

RosterRun evaluate_roster(const Engine& engine, std::string_view text, const RosterOptions& options) {
  RosterRun run;
  run.lang = carried_or_default(options.lang);
  run.today = options.today;
  const RosterLimits& limits = options.limits;
  if (text.size() > limits.max_bytes) {
    run.error = file_error("roster_too_large", {{"max", std::to_string(limits.max_bytes)}});
    return run;
  }
  run.csv = read_csv(text, CsvLimits{limits.max_rows + 1, limits.max_columns});
  const CsvTable& csv = run.csv;
  if (csv.limit_exceeded == "max_bytes") {
    run.error = file_error("roster_too_large", {{"max", std::to_string(limits.max_bytes)}});
    return run;
  }
  if (csv.limit_exceeded == "max_records") {
    run.error = file_error("roster_too_many_rows",
                           {{"max", std::to_string(limits.max_rows)}, {"line", std::to_string(csv.limit_line)}});
    return run;
  }
  if (csv.limit_exceeded == "max_fields") {
    run.error = file_error("roster_too_many_columns",
                           {{"max", std::to_string(limits.max_columns)}, {"line", std::to_string(csv.limit_line)}});
    return run;
  }
  if (csv.records.empty()) {
    run.error = file_error("roster_empty", {});
    return run;
  }
  const CsvRecord& header = csv.records.front();
  run.header_line = header.line;
  run.header_width = header.count;
  if (header.problem_kind != CsvProblem::none) {
    run.error = file_error("roster_header_malformed", {{"line", std::to_string(header.line)}});
    return run;
  }

  // Columns: what each header names; two headers naming one thing is an error.
  Layout layout;
  RosterVocabulary vocabulary(engine.policy());
  std::size_t width = header.count;
  for (const CsvRecord& rec : csv.records) width = std::max<std::size_t>(width, rec.count);
  for (const auto& [index, id] : options.columns) {
    if (index >= width) {
      run.error = Error{"roster_column_out_of_range", "columns",
                        {{"n", std::to_string(index + 1)}, {"max", std::to_string(width)}}};
      return run;
    }
    const auto& ids = roster_column_ids();
    if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) {
      run.error = Error{"roster_unknown_column", "columns", {{"n", std::to_string(index + 1)}, {"got", preview(id)}}};
      return run;
    }
  }
  for (std::size_t i = 0; i < width; ++i) {
    RosterColumn col;
    if (i < header.count) {
      col.header = std::string(csv.field(header, i));
      col.id = vocabulary.column_for_header(trim_cell(col.header));
    } else {
      col.header = message(run.lang, "roster.column.extra", {{"n", std::to_string(i + 1)}});
    }
    if (auto chosen = options.columns.find(i); chosen != options.columns.end()) col.id = chosen->second;
    if (!col.id.empty())
      for (const RosterColumn& earlier : run.columns)
        if (earlier.id == col.id) {
          run.error = file_error("roster_duplicate_column", {{"line", std::to_string(header.line)},
                                                             {"column", earlier.header},
                                                             {"other", col.header},
                                                             {"same", col.id}});
          return run;
        }
    if (const Field* f = col.id.empty() ? nullptr : find_field(col.id)) {
      layout.answers.push_back({i, f});
      if (col.id == "birth_date") layout.birth = i;
      if (col.id == "graduation_date") layout.graduation = i;
    }
    if (col.id == "student_id") layout.student_id = i;
    if (col.id == "status") layout.status = i;
    run.columns.push_back(std::move(col));
  }
  bool has_destination = false;
  for (const auto& a : layout.answers) has_destination = has_destination || std::string(a.second->id) == "destination";
  if (!has_destination) {
    run.error = file_error("roster_no_destination_column",
                           {{"line", std::to_string(header.line)},
                            {"names", message(run.lang, "roster.column.destination")}});
    return run;
  }
  run.has_status = layout.status != SIZE_MAX;

  const std::size_t row_count = csv.records.size() - 1;
  const std::size_t parts =
      std::clamp<std::size_t>(options.parts, 1, std::max<std::size_t>(1, row_count / std::max<std::size_t>(1, options.min_part_rows)));
  StudentIds student_ids(layout.student_id != SIZE_MAX ? row_count : 0);
  run.rows.reserve(row_count);
  if (parts == 1) {
    Evaluator evaluator(engine, options, run, layout, vocabulary);
    RowChecker checker{csv, run, layout, vocabulary, limits, evaluator, student_ids, {}, {}};
    for (std::size_t r = 1; r <= row_count; ++r) checker.check(r);  // record 0 is the header
  } else {
    check_in_parts(engine, options, layout, vocabulary, parts, run, student_ids);
  }
  // Every row of a duplicated student number is flagged, the first one too.
  const auto id_of = [&](std::uint32_t row) {
    return trim_cell(csv.field(csv.records[run.rows[row].record], layout.student_id));
  };
  for (const std::vector<std::uint32_t>& rows : student_ids.duplicates(id_of)) {
    const auto group = static_cast<std::int32_t>(run.duplicates.size());
    run.duplicates.push_back(RosterDuplicate{std::string(id_of(rows[1])), {}});
    for (std::uint32_t row : rows) {
      run.rows[row].duplicate = group;
      run.duplicates.back().lines.push_back(run.rows[row].line);
    }
  }
  return run;
}

json roster_error_body(const Error& e, Lang lang) { return error_body(e, lang, "roster.error"); }

}  // namespace xueshe
