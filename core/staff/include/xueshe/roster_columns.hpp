// Roster columns and the words staff write in them. A roster's header names
// its columns in Chinese (学号, 去向, 毕业日期, …), in English, or by the SPEC §3
// field ids; cells hold the machine values (employed, true) or the words people
// use (已就业, 升学, 是/否, 北京), and dates as members type them (2022/6/30,
// 2022年6月30日: read_member_date, member_date.hpp). The words come from the message
// catalogs of every language the project has (option labels, short roster
// words) plus a short list of synonyms kept here; the vocabulary is the same in
// every build, whichever languages that build displays, so the CLI and the
// page read a roster identically.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "xueshe/answers.hpp"
#include "xueshe/byte_set.hpp"
#include "xueshe/fields.hpp"
#include "xueshe/policy.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

// Every column a roster can have, in the template's order: "student_id",
// "name", "college" (kept, not answers), the answers fields, then "status"
// (the transfer status, for the completion rate).
const std::vector<std::string>& roster_column_ids();

enum class TransferStatus : std::uint8_t { completed, open, unknown };

class RosterVocabulary {
 public:
  explicit RosterVocabulary(const Policy& policy);

  // The column id a header names; "" when it names none.
  std::string column_for_header(std::string_view header) const;
  // The value a cell means for a choice or bool `field` ("employed", "true"),
  // or nullopt when it is no known word. Dates: read_member_date.
  std::optional<std::string> word(const Field& field, std::string_view cell) const;
  // 已完成 / 未完成 and their synonyms; an empty cell is open.
  TransferStatus status(std::string_view cell) const;

  // The same word naming two values of one field (must be empty; a test checks).
  const std::vector<std::string>& conflicts() const { return conflicts_; }

 private:
  void add(std::unordered_map<std::string, std::string>& map, const std::string& word, const std::string& value,
           const std::string& what);
  std::unordered_map<std::string, std::string> headers_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::string>> words_;  // field -> word -> value
  std::unordered_map<std::string, std::string> statuses_;                               // word -> completed|open
  std::vector<std::string> conflicts_;
};

// Cell text without surrounding spaces (ASCII, U+3000, U+00A0). Inline for
// the common cell, which neither starts nor ends with a byte a space can start
// or end with (a roster trims every cell of every row).
std::string_view trim_cell_spaces(std::string_view cell);
// The bytes a space can start or end with (two lookups a cell).
inline constexpr ByteSet kCellSpaceEdges{std::string_view(" \t\xE3\xC2\x80\xA0")};
inline std::string_view trim_cell(std::string_view cell) {
  if (cell.empty() || !(kCellSpaceEdges(cell.front()) || kCellSpaceEdges(cell.back())))
    return cell;
  return trim_cell_spaces(cell);
}

// Catalog texts for front ends: a column's name, and the short word for a
// value (已就业, 是) as the template and the decision table write them.
std::string roster_column_name(const std::string& column, Lang lang);
std::string roster_value_word(const std::string& field, const AnswerValue& value, Lang lang);

}  // namespace xueshe
