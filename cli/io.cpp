#include "io.hpp"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "xueshe/limits.hpp"
#include "xueshe/messages.hpp"

namespace xueshe::cli {
namespace {

Date local_today() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return Date{date::year{tm.tm_year + 1900}, date::month{static_cast<unsigned>(tm.tm_mon + 1)},
              date::day{static_cast<unsigned>(tm.tm_mday)}};
}

}  // namespace

std::string read_limited(std::istream& in, std::size_t limit) {
  std::string out;
  char buf[4096];
  while (out.size() <= limit) {
    in.read(buf, sizeof buf);
    if (in.gcount() <= 0) break;
    out.append(buf, static_cast<std::size_t>(in.gcount()));
  }
  return out;
}

bool is_folder(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

Error policy_unreadable(const std::string& path) {
  return Error{is_folder(path) ? "policy_is_folder" : "policy_unreadable", "policy", {{"got", path}}};
}

std::optional<std::string> read_file(const std::string& path, std::size_t limit) {
  if (is_folder(path)) return std::nullopt;  // it opens, and reads as an empty file
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::nullopt;
  return read_limited(f, limit);
}

PolicyTexts policy_files_beside(const std::string& policy_file) {
  const std::size_t slash = policy_file.find_last_of('/');
  const std::string dir = slash == std::string::npos ? std::string() : policy_file.substr(0, slash + 1);
  // Ids are lowercase letters, digits and '-' (the loader checks before asking), so no path escapes the folder.
  return [dir](const std::string& id) { return read_file(dir + id + ".json", policy_json_limits().max_bytes); };
}

int print_error(const Error& error, Lang lang) {
  std::cout << to_json_text(error_body(error, lang)) << "\n";
  return 2;
}

void print_json(const nlohmann::json& body, bool pretty) { std::cout << to_json_text(body, pretty) << "\n"; }

Setup setup(const CommonOptions& o) {
  Setup s;
  const std::optional<Lang> lang = carried_language(o.lang);
  if (!lang) {
    print_error(Error{"bad_lang", "lang", {{"got", o.lang}}}, Lang::zh_CN);
    return s;
  }
  s.lang = *lang;
  if (o.today.empty()) {
    s.today = local_today();
  } else if (auto d = parse_iso_date(o.today)) {
    s.today = *d;
  } else if (iso_date_out_of_range(o.today)) {
    print_error(Error{"date_out_of_range", "today", year_range_params(o.today)}, s.lang);
    return s;
  } else {
    print_error(Error{"bad_today", "today", {{"got", o.today}}}, s.lang);
    return s;
  }
  std::string text;
  if (o.policy_file.empty()) {
    text = std::string(builtin_policy_text());
  } else if (auto t = read_file(o.policy_file, policy_json_limits().max_bytes)) {
    text = *t;
  } else {
    print_error(policy_unreadable(o.policy_file), s.lang);
    return s;
  }
  PolicyLoad load = load_policy(text, policy_files_beside(o.policy_file));
  if (load.error) {
    print_error(*load.error, s.lang);
    return s;
  }
  s.engine.emplace(std::move(*load.policy));
  return s;
}

}  // namespace xueshe::cli
