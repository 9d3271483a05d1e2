// The CLI's contact with the outside: files, stdin, the clock, and printing
// results and errors the way SPEC §3 says (JSON on stdout, exit 2 on bad input).
#pragma once
#include <iosfwd>
#include <optional>
#include <string>

#include "xueshe/engine.hpp"
#include "xueshe/lang.hpp"

namespace xueshe::cli {

struct CommonOptions {
  std::string policy_file;  // empty: the built-in policy
  std::string today;        // empty: the local date
  std::string lang = "zh-CN";
};

// Read at most `limit` + 1 bytes, so oversized input is detected without reading it all.
std::string read_limited(std::istream& in, std::size_t limit);

// Validates --lang and --today and loads the policy; on failure prints the error
// object and returns nullopt (the caller exits 2).
struct Setup {
  std::optional<Engine> engine;
  Date today;
  Lang lang = Lang::zh_CN;
};
Setup setup(const CommonOptions& options);

// nullopt when `path` cannot be read, a folder included.
std::optional<std::string> read_file(const std::string& path, std::size_t limit);
// True when `path` names a folder: a message says so rather than "unreadable" or "empty".
bool is_folder(const std::string& path);
// The error for a --policy path read_file could not read ("policy_is_folder" or "policy_unreadable").
Error policy_unreadable(const std::string& path);

// A layered policy's bases: <id>.json in the same folder as `policy_file`
// (the built-in files are the loader's own fallback).
PolicyTexts policy_files_beside(const std::string& policy_file);

int print_error(const Error& error, Lang lang);  // prints, returns 2
void print_json(const nlohmann::json& body, bool pretty);

}  // namespace xueshe::cli
