// The 二.5 application's fields: where (country or region, institution), for
// how long (from, until), the domestic contact person and how to reach them —
// what the clause says the application states — plus who is applying and,
// optionally, how to reach the member abroad and what they will study.
#include "application_fields.hpp"

#include <algorithm>

#include "xueshe/dates.hpp"
#include "xueshe/strict_json.hpp"

namespace xueshe {
namespace {

using nlohmann::json;
using Kind = ApplicationFieldKind;

constexpr std::size_t text_max = 2000;  // code points, every text field
constexpr std::size_t phone_max = 32;
constexpr std::size_t date_chars = 10;  // YYYY-MM-DD

// Code point at `i` of valid UTF-8, advancing `i`.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  i += len;
  return cp;
}

// C0 controls, DEL and C1 controls; a newline only where the field is multi-line.
bool has_control_character(std::string_view s, bool newline_allowed) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    if (cp == U'\n' && newline_allowed) continue;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  }
  return false;
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool phone_characters(std::string_view s) {
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') return false;
  }
  return digit;
}

Error field_error(const char* code, const ApplicationField& f, std::map<std::string, std::string> params = {}) {
  return Error{code, std::string("applicant.") + f.id, std::move(params)};
}

}  // namespace

const std::vector<ApplicationField>& application_fields() {
  static const std::vector<ApplicationField> fields{
      {"name", Kind::text, true, text_max},
      {"student_id", Kind::text, true, text_max},
      {"college", Kind::text, true, text_max},
      {"country_or_region", Kind::text, true, text_max},
      {"institution", Kind::text, true, text_max},
      {"from", Kind::date, true, date_chars},
      {"until", Kind::date, true, date_chars},
      {"study_plan", Kind::textarea, false, text_max},
      {"contact_name", Kind::text, true, text_max},
      {"contact_relationship", Kind::text, true, text_max},
      {"contact_phone", Kind::tel, true, phone_max},
      {"contact_abroad", Kind::text, false, text_max},
  };
  return fields;
}

const char* application_kind_name(ApplicationFieldKind kind) {
  switch (kind) {
    case Kind::text: return "text";
    case Kind::textarea: return "textarea";
    case Kind::date: return "date";
    case Kind::tel: return "tel";
  }
  return "text";
}

std::size_t count_code_points(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u; }));
}

ApplicantCheck check_applicant(const json& applicant) {
  ApplicantCheck out;
  const auto& fields = application_fields();
  if (!applicant.is_object()) {
    out.errors.push_back(Error{"application_not_object", "applicant", {}});
    return out;
  }
  for (auto it = applicant.begin(); it != applicant.end(); ++it)
    if (std::none_of(fields.begin(), fields.end(), [&](const ApplicationField& f) { return it.key() == f.id; }))
      out.errors.push_back(Error{"application_unknown_field", json_path_key("applicant", it.key()), {}});

  for (const ApplicationField& f : fields) {
    out.values[f.id] = "";
    auto it = applicant.find(f.id);
    if (it == applicant.end()) {
      if (f.required) out.errors.push_back(field_error("application_missing_field", f));
      continue;
    }
    if (!it->is_string()) {
      out.errors.push_back(field_error("application_wrong_type", f));
      continue;
    }
    const std::string& v = it->get_ref<const std::string&>();
    // A string here came through the strict parser: valid UTF-8, checked again
    // so that a caller handing in a json built some other way cannot slip by.
    if (!is_valid_utf8(v)) {
      out.errors.push_back(field_error("application_invalid_utf8", f));
      continue;
    }
    const std::size_t chars = count_code_points(v);
    if (blank(v)) {
      // Only spaces: nothing typed. An optional field stays empty.
      if (f.required) out.errors.push_back(field_error("application_missing_field", f));
      continue;
    }
    if (chars > f.max_chars && f.kind != Kind::date) {
      out.errors.push_back(field_error("application_too_long", f,
                                       {{"max", std::to_string(f.max_chars)}, {"got", std::to_string(chars)}}));
      continue;
    }
    if (has_control_character(v, f.kind == Kind::textarea)) {
      out.errors.push_back(field_error("application_control_character", f));
      continue;
    }
    if (f.kind == Kind::tel && !phone_characters(v)) {
      out.errors.push_back(field_error("application_bad_phone", f, {{"max", std::to_string(f.max_chars)}}));
      continue;
    }
    if (f.kind == Kind::date && !parse_iso_date(v)) {
      out.errors.push_back(field_error("application_bad_date", f, year_range_params(v)));
      continue;
    }
    out.values[f.id] = v;
  }

  // Dates in order: the stay ends after it begins (both valid by now, or skipped).
  const auto from = parse_iso_date(out.values["from"]);
  const auto until = parse_iso_date(out.values["until"]);
  if (from && until && !(*until > *from)) {
    const auto& f = *std::find_if(fields.begin(), fields.end(), [](const ApplicationField& x) {
      return std::string_view(x.id) == "until";
    });
    out.errors.push_back(field_error("application_date_order", f, {{"from", out.values["from"]}}));
  }
  // Unknown fields first, then the form's order.
  auto rank = [&fields](const Error& e) {
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (e.field == std::string("applicant.") + fields[i].id) return i + 1;
    return std::size_t{0};
  };
  std::stable_sort(out.errors.begin(), out.errors.end(),
                   [&rank](const Error& a, const Error& b) { return rank(a) < rank(b); });
  return out;
}

}  // namespace xueshe
