// A whole roster at once, for school league offices: each row of a CSV roster
// (already decoded to UTF-8) → answers → the engine's outcome → the annotated
// roster (every input row, in order, with route, receiving organization,
// alternatives, each deadline with its state, warnings, clauses and errors)
// and a summary (counts per route and state, errors, duplicate student
// numbers, the transfer completion rate against the notice's 100 % target).
//
// Rows with the same answers get the same outcome, so each distinct set of
// answers is evaluated once. A birth date counts as what the age rule reads of
// it (age_rule.hpp: at the limit by graduation or not), and as the day itself
// only where the outcome's age warning could name it; the unit tests check
// that this gives exactly what evaluating every row does.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "xueshe/csv.hpp"
#include "xueshe/closed_sets.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/roster_columns.hpp"
#include "xueshe/run_tasks.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

// Explicit limits (README "Limits"); over one, the roster is rejected whole,
// or (field length, fields in a row) the row is an error row.
struct RosterLimits {
  std::size_t max_bytes = std::size_t{256} << 20;  // the decoded text
  std::size_t max_rows = 1000000;                  // data rows, the header not counted
  std::size_t max_columns = 256;                   // fields in any record
  std::size_t max_field_bytes = 16 * 1024;         // one cell
};

struct RosterOptions {
  Date today;
  Lang lang = Lang::zh_CN;
  RosterLimits limits;
  // What input columns are, overriding what their headers name (a front end
  // lets staff correct the detected mapping): 0-based column index → a
  // roster_column_ids() entry, or "" for a column kept as it is. Columns not
  // listed are what their header names. An index past the roster's columns
  // or an id that is no roster column makes the run an error
  // (roster_column_out_of_range, roster_unknown_column).
  std::map<std::size_t, std::string> columns;
  // Both true except in tests, which compare: each distinct set of answers
  // evaluated once (memoize), and outcomes computed from the calculators
  // rather than through the JSON of Engine::evaluate (direct).
  bool memoize = true;
  bool direct = true;
  // Rows are checked by up to `parts` tasks at once, run by run_tasks, each
  // with its own evaluator, taking a destination's rows at a time (rows with
  // different destinations share no evaluation), when the roster has at
  // least min_part_rows rows a task. The annotated roster and the summary
  // (RosterRun::evaluations too: no set of answers is evaluated in two parts)
  // are the same for any number of parts.
  std::size_t parts = 1;
  std::size_t min_part_rows = 20000;
  RunTasks run_tasks;
};

struct RosterDeadline {
  DeadlineKind kind;
  Date date;
  std::string clause;
  DeadlineState state;
};

// The outcome for one distinct set of answers; many rows may share it.
struct RosterOutcome {
  bool ok = false;  // an outcome; otherwise error_* say why not
  std::string route, org;
  std::vector<std::string> alternatives;
  std::vector<RosterDeadline> deadlines;
  std::optional<DeadlineState> urgent_state;  // the most urgent deadline state; none without deadlines
  std::optional<Date> urgent_date;
  std::vector<std::string> warning_codes, warning_texts, clauses;
  // The warnings said to staff ("roster.warning.<key>"), where the catalog has
  // such a text; otherwise empty and warning_texts (the member's words) stand.
  std::vector<std::string> warning_staff_texts;
  std::string error_code, error_field, error_message;
  std::string cells;  // the outcome columns as CSV, each preceded by a comma
};

struct RosterRowError {
  std::string code, field, message;
};

// 24 bytes, 32-bit numbers as in CsvRecord: a roster has a row per record,
// and few rows have errors of their own, so those are kept in the run.
struct RosterRow {
  std::uint32_t line = 0;         // where its record starts in the file
  std::uint32_t record = 0;       // index into RosterRun::csv.records
  std::int32_t outcome = -1;      // index into RosterRun::outcomes; -1: not evaluated (see errors)
  std::int32_t duplicate = -1;    // index into RosterRun::duplicates
  std::uint32_t first_error = 0;  // the row's own errors (CSV, limits, status; the outcome's come on top):
  std::uint16_t error_count = 0;  //   RosterRun::row_errors from first_error on (RosterRun::errors)
  TransferStatus status = TransferStatus::open;

  bool has_error(const std::vector<RosterOutcome>& outcomes) const {
    return error_count > 0 || outcome < 0 || !outcomes[static_cast<std::size_t>(outcome)].ok;
  }
};

// A row's own errors, as a range.
struct RosterRowErrors {
  const RosterRowError *first, *last;
  const RosterRowError* begin() const { return first; }
  const RosterRowError* end() const { return last; }
  bool empty() const { return first == last; }
  std::size_t size() const { return static_cast<std::size_t>(last - first); }
  const RosterRowError& operator[](std::size_t i) const { return first[i]; }
};

struct RosterColumn {
  std::string header;  // as written (or a name for a column past the header)
  std::string id;      // roster_column_ids() entry, or "" (kept as it is)
};

struct RosterDuplicate {
  std::string student_id;
  std::vector<std::size_t> lines;
};

struct RosterRun {
  std::optional<Error> error;  // the roster as a whole; render with roster_error_body
  Lang lang = Lang::zh_CN;
  Date today;
  CsvTable csv;                // refers to the text given to evaluate_roster
  std::size_t header_line = 0;
  std::size_t header_width = 0;
  std::vector<RosterColumn> columns;  // every output column before the added ones
  bool has_status = false;
  std::vector<RosterRow> rows;
  std::vector<RosterRowError> row_errors;  // every row's own errors, row after row
  std::vector<RosterOutcome> outcomes;
  std::vector<RosterDuplicate> duplicates;
  std::size_t evaluations = 0;  // engine calls made (distinct answer sets)

  RosterRowErrors errors(const RosterRow& row) const {
    const RosterRowError* first = row_errors.data() + row.first_error;
    return RosterRowErrors{first, first + row.error_count};
  }
};

// The deadline kinds of SPEC §3, in the order rosters and tables show them
// (one column each).
const std::vector<DeadlineKind>& roster_deadline_kinds();

// `text` must outlive the result (fields are views into it).
RosterRun evaluate_roster(const Engine& engine, std::string_view text, const RosterOptions& options);

// The annotated roster: UTF-8 with BOM, CRLF line ends; the input's columns,
// then the added ones; every input row in order. The second form hands it
// over in pieces of about 1 MiB, for a front end that writes as it goes.
std::string annotated_roster_csv(const RosterRun& run);
void annotated_roster_csv(const RosterRun& run, const std::function<void(std::string_view)>& sink);

// Counts per route, per deadline state, errors, duplicates and completion.
nlohmann::json roster_summary(const RosterRun& run, const Policy& policy);

// The clause that sets the transfer-rate target: the first clause of the
// notice whose text states "100%"; nullopt when the policy has none.
std::optional<std::string> transfer_target_clause(const Policy& policy);

// The template staff fill in: every column named in `lang`, three example rows.
std::string roster_template_csv(const Policy& policy, Lang lang);

// {"error": {"code", "message", "field"}} for a roster's own errors
// (catalog keys "roster.error.<code>").
nlohmann::json roster_error_body(const Error& error, Lang lang);

}  // namespace xueshe
