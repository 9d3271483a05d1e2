// Test helper: a CSV text (the tool's own output) as rows of strings, read with
// core's reader, header first.
#pragma once
#include <string>
#include <vector>

#include "xueshe/csv.hpp"

namespace xueshe::testing {

inline std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  xueshe::CsvTable t = xueshe::read_csv(text);
  std::vector<std::vector<std::string>> rows;
  for (const auto& record : t.records) {
    std::vector<std::string> fields;
    for (std::size_t i = 0; i < record.count; ++i) fields.emplace_back(t.field(record, i));
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace xueshe::testing
