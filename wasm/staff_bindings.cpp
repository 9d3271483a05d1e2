// Embind bindings for the staff page (web/staff.html): a thin layer over
// core's roster, decision table and draft-aware policy loading. Strings and
// JSON in and out, errors as values (the wasm build has no exceptions); the
// annotated roster goes out as bytes. No rules here: core decides, the page
// renders. One StaffTool holds one policy and the last roster checked with it
// (the roster's text stays alive as long as the run that refers to it).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "warm_heap.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/gb18030.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/notice_split.hpp"
#include "xueshe/notice_split_json.hpp"
#include "xueshe/policy_diff.hpp"
#include "xueshe/policy_draft.hpp"
#include "xueshe/policy_studio.hpp"
#include "xueshe/practice_roster.hpp"
#include "xueshe/studio_offers.hpp"
#include "xueshe/roster.hpp"
#include "xueshe/roster_decode.hpp"
#include "xueshe/roster_columns.hpp"
#include "xueshe/routes.hpp"
#include "xueshe/staff_view.hpp"
#include "xueshe/strict_json.hpp"

namespace {

using nlohmann::json;
using xueshe::Error;

xueshe::Lang lang_or_default(const std::string& lang) { return xueshe::language_or_default(lang); }

std::string text_of(const json& j) { return xueshe::to_json_text(j); }

// Checks today and lang as the page module does; nullopt when both are fine.
std::optional<std::string> bad_request(const std::string& today, const std::string& lang_in,
                                       std::optional<xueshe::Date>& day) {
  const xueshe::Lang lang = lang_or_default(lang_in);
  if (!xueshe::carried_language(lang_in))
    return text_of(xueshe::error_body(Error{"bad_lang", "lang", {{"got", lang_in}}}, lang));
  day = xueshe::parse_iso_date(today);
  if (!day) return text_of(xueshe::error_body(Error{"bad_today", "today", {{"got", today}}}, lang));
  return std::nullopt;
}

class StaffTool {
 public:
  // policy_text: a policy or a draft ("" = the built-in policy).
  // bases: a layered policy's base files, {"<id>": "<text>"} ("" = none beyond the built-in ones).
  StaffTool(const std::string& policy_text, const std::string& bases) {
    auto files = xueshe::policy_texts_from_json(bases);
    if (files.error) {
      error_ = files.error;
      return;
    }
    auto load = xueshe::load_policy_or_draft(
        policy_text.empty() ? xueshe::builtin_policy_text() : std::string_view(policy_text), files.texts);
    if (load.policy) {
      engine_.emplace(std::move(*load.policy));
      unverified_ = std::move(load.unverified);
    } else {
      error_ = load.error;
    }
  }

  // {"error": …} when the policy did not load; otherwise what the page shows
  // of it, with the draft's unverified paths (empty for a finished policy).
  std::string policy(const std::string& lang_in) const {
    const xueshe::Lang lang = lang_or_default(lang_in);
    if (error_) return text_of(xueshe::policy_tool_error_body(*error_, lang));
    return text_of(xueshe::staff_policy_view(engine_->policy(), unverified_, lang));
  }

  // The template staff fill in (UTF-8 with BOM) as bytes: a view valid
  // until the next call of template_csv or annotated; the page copies it.
  emscripten::val template_csv(const std::string& lang) {
    bytes_.clear();
    if (engine_) bytes_ = xueshe::roster_template_csv(engine_->policy(), lang_or_default(lang));
    return bytes_view();
  }

  // The decision table as the page shows it (decision_table_view).
  std::string table(const std::string& today, const std::string& lang_in) const {
    const xueshe::Lang lang = lang_or_default(lang_in);
    if (error_) return text_of(xueshe::policy_tool_error_body(*error_, lang));
    std::optional<xueshe::Date> day;
    if (auto bad = bad_request(today, lang_in, day)) return *bad;
    return text_of(xueshe::decision_table_view(*engine_, *day, lang));
  }

  // The member's questionnaire under this policy (the studio's preview): the
  // next question or the outcome for these answers (a JSON object), as the
  // member's page gets it (SPEC §3).
  std::string evaluate(const std::string& answers, const std::string& today, const std::string& lang_in) const {
    const xueshe::Lang lang = lang_or_default(lang_in);
    if (error_) return text_of(xueshe::policy_tool_error_body(*error_, lang));
    std::optional<xueshe::Date> day;
    if (auto bad = bad_request(today, lang_in, day)) return *bad;
    return text_of(engine_->evaluate_json(answers, *day, lang).body);
  }

  // Checks a roster: `input` is the roster as UTF-8 (a Uint8Array, or a
  // string; a BOM is fine), `columns` the mapping (roster_columns_from_json). Returns {"error": …}
  // (with "columns": [{"header", "column"}…] when the header could be read)
  // or {"summary": …, "route_order": […]}; both with "column_choices":
  // [{"id", "name"}…] (every column a roster can have, for the mapping
  // controls) and "encoding" ("utf-8"). Selects every row (see select).
  std::string check(const emscripten::val& input, const std::string& today, const std::string& lang_in,
                    const std::string& columns) {
    return check_as(input, "utf-8", today, lang_in, columns);
  }

  // check() for bytes in `encoding` (roster_decode.hpp): "auto", "utf-8" or
  // "gb18030", GB18030 read as the browser reads it (gb18030.hpp). "encoding"
  // in the answer says what the bytes were read as.
  std::string check_as(const emscripten::val& input, const std::string& encoding, const std::string& today,
                       const std::string& lang_in, const std::string& columns) {
    run_.reset();
    bytes_.clear();
    bytes_.shrink_to_fit();
    selection_.clear();
    text_.clear();
    const xueshe::Lang lang = lang_or_default(lang_in);
    if (error_) return text_of(xueshe::policy_tool_error_body(*error_, lang));
    std::optional<xueshe::Date> day;
    if (auto bad = bad_request(today, lang_in, day)) return *bad;
    xueshe::RosterOptions options;
    options.today = *day;
    options.lang = lang;
    if (auto e = xueshe::roster_columns_from_json(columns, options.columns)) return text_of(xueshe::error_body(*e, lang));
    const bool is_bytes = input.instanceof(emscripten::val::global("Uint8Array"));
    if (!is_bytes && !input.isString())
      return text_of(xueshe::error_body(
          Error{"wrong_type", "roster", {{"expected", "Uint8Array | string"}, {"got", input.typeOf().as<std::string>()}}}, lang));
    const std::size_t size = is_bytes ? input["length"].as<std::size_t>() : 0;
    if (size > options.limits.max_bytes)
      return text_of(xueshe::roster_error_body(
          Error{"roster_too_large", "input", {{"max", std::to_string(options.limits.max_bytes)}}}, lang));
    if (is_bytes) {
      // One copy at memory speed (TypedArray.set), not byte by byte as a std::string argument would be.
      text_.resize(size);
      emscripten::val(emscripten::typed_memory_view(size, reinterpret_cast<unsigned char*>(text_.data())))
          .call<void>("set", input);
    } else {
      text_ = input.as<std::string>();
    }
    if (text_.size() > options.limits.max_bytes)
      return text_of(xueshe::roster_error_body(
          Error{"roster_too_large", "input", {{"max", std::to_string(options.limits.max_bytes)}}}, lang));
    if (encoding != "auto" && encoding != "utf-8" && encoding != "gb18030")
      return text_of(xueshe::error_body(
          Error{"unknown_value", "encoding", {{"got", encoding}, {"allowed", "auto, utf-8, gb18030"}}}, lang));
    xueshe::DecodedRoster decoded = xueshe::decode_roster(text_, encoding, xueshe::whatwg_gb18030_to_utf8);
    if (decoded.error) return text_of(xueshe::roster_error_body(*decoded.error, lang));
    if (decoded.converted) text_ = std::move(*decoded.converted);  // the run's fields are views into text_

    run_.emplace(xueshe::evaluate_roster(*engine_, text_, options));
    json view = xueshe::roster_check_view(*run_, engine_->policy(), unverified_.size(), options.columns);
    view["encoding"] = decoded.encoding;
    if (run_->error) run_.reset();
    else selection_ = xueshe::roster_select(*run_, {});
    return text_of(view);
  }

  // Checks a made-up roster of `rows` rows (practice_roster.hpp) as check()
  // and the first page of the table would, and drops the result: the page
  // calls it once while it waits for staff to choose a file, so the module's
  // roster code is compiled and optimized by the time a real roster comes.
  // The roster last checked, and its selection, are left as they were.
  void practise(const std::string& today, int rows) const {
    const std::optional<xueshe::Date> day = xueshe::parse_iso_date(today);
    if (!engine_ || !day || rows <= 0) return;
    xueshe::RosterOptions options;
    options.today = *day;
    const std::string text = xueshe::practice_roster_csv(*engine_, options.lang, static_cast<std::size_t>(rows));
    if (!xueshe::is_valid_utf8(text)) return;
    const xueshe::RosterRun run = xueshe::evaluate_roster(*engine_, text, options);
    text_of(xueshe::roster_check_view(run, engine_->policy(), unverified_.size(), options.columns));
    if (run.error) return;
    const std::vector<std::uint32_t> all = xueshe::roster_select(run, {});
    for (std::size_t k = 0; k < all.size() && k < 100; ++k) text_of(xueshe::roster_row_view(run, all[k]));
  }

  // Selects the rows a filter matches and returns how many: filter is ""
  // (every row) or {"route": id|"", "state": overdue|today|due_soon|upcoming|none|"",
  // "errors": bool, "duplicates": bool, "text": part of a student number or name}.
  int select(const std::string& filter) {
    selection_.clear();
    if (run_) selection_ = xueshe::roster_select(*run_, xueshe::roster_filter_from_json(filter));
    return static_cast<int>(selection_.size());
  }

  // The selected rows [start, start + count) as the table shows them: the
  // input cells as read, then what core made of the row.
  std::string rows(int start, int count) const {
    json out = json::array();
    if (!run_ || start < 0 || count <= 0) return text_of(out);
    const std::size_t from = static_cast<std::size_t>(start);
    const std::size_t to = std::min(selection_.size(), from + static_cast<std::size_t>(count));
    for (std::size_t k = from; k < to; ++k) out.push_back(xueshe::roster_row_view(*run_, selection_[k]));
    return text_of(out);
  }

  // The annotated roster (UTF-8 with BOM, CRLF) as bytes: a view into this
  // object's memory, valid until the next call; the page copies it at once.
  emscripten::val annotated() {
    bytes_.clear();
    if (run_) bytes_ = xueshe::annotated_roster_csv(*run_);
    return bytes_view();
  }

  // The same bytes in pieces of about 1 MiB, each handed to `sink` as a view
  // into this module's memory that is valid only during that call (the page
  // copies it into a Blob part): a 1,000,000-row roster's ~650 MB never sit in
  // the module's memory at once. Returns the number of bytes handed over.
  double annotated_parts(emscripten::val sink) {
    bytes_.clear();
    bytes_.shrink_to_fit();
    double total = 0;
    if (run_)
      xueshe::annotated_roster_csv(*run_, [&sink, &total](std::string_view piece) {
        total += static_cast<double>(piece.size());
        sink(emscripten::val(
            emscripten::typed_memory_view(piece.size(), reinterpret_cast<const unsigned char*>(piece.data()))));
      });
    return total;
  }

 private:
  emscripten::val bytes_view() const {
    return emscripten::val(
        emscripten::typed_memory_view(bytes_.size(), reinterpret_cast<const unsigned char*>(bytes_.data())));
  }

  std::optional<xueshe::Engine> engine_;
  std::optional<Error> error_;
  std::vector<std::string> unverified_;
  std::string text_;                      // the roster run_ refers to
  std::optional<xueshe::RosterRun> run_;  // the last roster checked
  std::vector<std::uint32_t> selection_;  // rows (indices into run_->rows) the filter matches
  std::string bytes_;                     // the last file handed out (annotated roster, template)
};

std::string catalog(const std::string& lang) { return text_of(xueshe::catalog(lang_or_default(lang))); }

// The policy studio's first step, as `xueshe policy split` prints it: a
// notice's clauses and candidate values (notice_split_body). `input` is the
// notice as bytes (a Uint8Array from a file: core checks the UTF-8) or a
// string (pasted text). Over the limit only the first kNoticeMaxBytes + 1
// bytes are copied: enough for core to say so.
std::string split_notice(const emscripten::val& input, const std::string& lang_in) {
  const xueshe::Lang lang = lang_or_default(lang_in);
  const bool is_bytes = input.instanceof(emscripten::val::global("Uint8Array"));
  if (!is_bytes && !input.isString())
    return text_of(xueshe::error_body(
        Error{"wrong_type", "notice", {{"expected", "Uint8Array | string"}, {"got", input.typeOf().as<std::string>()}}}, lang));
  std::string text;
  if (is_bytes) {
    const std::size_t size = std::min(input["length"].as<std::size_t>(), xueshe::kNoticeMaxBytes + 1);
    text.resize(size);
    emscripten::val(emscripten::typed_memory_view(size, reinterpret_cast<unsigned char*>(text.data())))
        .call<void>("set", input.call<emscripten::val>("subarray", 0, size));
  } else {
    text = input.as<std::string>();
  }
  return text_of(xueshe::notice_split_body(text, lang));
}

// The policy studio (tab 通知 → 政策): core starts a studio file from a
// split notice, corrects the split, builds and checks the policy file, and
// compares it with its base; the page renders. `bases` as StaffTool takes
// them ({"<id>": "<text>"} or "").
std::string studio_start(const std::string& base, const std::string& split, const std::string& today,
                         const std::string& bases, const std::string& lang_in) {
  const xueshe::Lang lang = lang_or_default(lang_in);
  auto files = xueshe::policy_texts_from_json(bases);
  if (files.error) return text_of(xueshe::policy_tool_error_body(*files.error, lang));
  return xueshe::studio_start(base, split, today, lang, files.texts).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string studio_edit_clauses(const std::string& clauses, const std::string& op, const std::string& lang) {
  return xueshe::studio_edit_clauses(clauses, op, lang_or_default(lang)).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string studio_build(const std::string& studio, const std::string& bases, const std::string& lang_in) {
  const xueshe::Lang lang = lang_or_default(lang_in);
  auto files = xueshe::policy_texts_from_json(bases);
  if (files.error) return text_of(xueshe::policy_tool_error_body(*files.error, lang));
  return xueshe::studio_build(studio, files.texts, lang).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// What the notice's words and the base chain offer for the form's empty fields (`values`: the split's candidate values).
std::string studio_offers(const std::string& studio, const std::string& values, const std::string& bases, const std::string& lang_in) {
  const xueshe::Lang lang = lang_or_default(lang_in);
  auto files = xueshe::policy_texts_from_json(bases);
  if (files.error) return text_of(xueshe::policy_tool_error_body(*files.error, lang));
  return xueshe::studio_offers(studio, values, files.texts, lang).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// A policy JSON path in the words of the studio's form ("routes.x.org" → "路线 · x · 接收组织").
std::string studio_field_words(const std::string& path, const std::string& lang) {
  return xueshe::studio_field_words(path, lang_or_default(lang));
}

// A built-in policy file's text by id ("" when there is none): the studio's
// starting points and the base its diff compares against.
std::string builtin_policy(const std::string& id) { return xueshe::builtin_policy_file(id).value_or(std::string()); }

// What changes from policy a to policy b (policy_diff.hpp), both with the same bases.
std::string diff_policies(const std::string& a, const std::string& b, const std::string& bases, const std::string& lang_in) {
  const xueshe::Lang lang = lang_or_default(lang_in);
  auto files = xueshe::policy_texts_from_json(bases);
  if (files.error) return text_of(xueshe::policy_tool_error_body(*files.error, lang));
  xueshe::PolicyDiff d = xueshe::diff_policies(a, b, lang, files.texts, files.texts);
  if (d.error) return text_of(xueshe::policy_tool_error_body(*d.error, lang));
  return text_of(d.diff);
}

// {"error": …} for a roster problem the page finds itself (a file it cannot
// decode): code from "roster.error.<code>", params a JSON object of strings.
std::string roster_error(const std::string& code, const std::string& field, const std::string& params,
                         const std::string& lang) {
  std::map<std::string, std::string> p;
  json j = json::parse(params, nullptr, false);
  if (j.is_object())
    for (auto it = j.begin(); it != j.end(); ++it)
      if (it->is_string()) p[it.key()] = it->get<std::string>();
  return text_of(xueshe::roster_error_body(Error{code, field, p}, lang_or_default(lang)));
}

// warm_heap.hpp, in MiB: false for none, or more than the address space holds (a 32-bit size in wasm).
bool warm_heap_mb(int megabytes) {
  const auto bytes = static_cast<std::uint64_t>(megabytes) << 20;
  return megabytes > 0 && bytes <= SIZE_MAX && xueshe_wasm::warm_heap(static_cast<std::size_t>(bytes));
}

}  // namespace

EMSCRIPTEN_BINDINGS(xueshe_staff) {
  emscripten::class_<StaffTool>("StaffTool")
      .constructor<std::string, std::string>()
      .function("policy", &StaffTool::policy)
      .function("templateCsv", &StaffTool::template_csv)
      .function("table", &StaffTool::table)
      .function("evaluate", &StaffTool::evaluate)
      .function("check", &StaffTool::check)
      .function("checkAs", &StaffTool::check_as)
      .function("practise", &StaffTool::practise)
      .function("select", &StaffTool::select)
      .function("rows", &StaffTool::rows)
      .function("annotated", &StaffTool::annotated)
      .function("annotatedParts", &StaffTool::annotated_parts);
  emscripten::function("catalog", &catalog);
  emscripten::function("warmHeap", &warm_heap_mb);
  emscripten::function("rosterError", &roster_error);
  emscripten::function("splitNotice", &split_notice);
  emscripten::function("studioStart", &studio_start);
  emscripten::function("studioEditClauses", &studio_edit_clauses);
  emscripten::function("studioBuild", &studio_build);
  emscripten::function("studioOffers", &studio_offers);
  emscripten::function("studioFieldWords", &studio_field_words);
  emscripten::function("builtinPolicy", &builtin_policy);
  emscripten::function("diffPolicies", &diff_policies);
}
