// One function per subcommand; each returns the process exit code.
#pragma once
#include <string>

#include "io.hpp"

namespace xueshe::cli {

int run_evaluate(const CommonOptions& options, bool pretty);
int run_ask(const CommonOptions& options);
int run_flow(const CommonOptions& options, const std::string& format);
int run_paths(const CommonOptions& options);
int run_check_policy(const std::string& file, const std::string& lang);

}  // namespace xueshe::cli
