// A build tool, run by Node while the page's modules are built: writes the
// built-in policy, as this tool's catalogs carry it (one language's texts), in
// its compact form (policy_binary.hpp) to a file, which the build embeds like
// every other file (xueshe_embed) as xueshe_embedded_builtin_policy_compact().
// The page's first-load modules link that instead of the policy loader
// (page_policy_builtin.cpp).
//
//   node compact-builtin-policy-<lang>.js OUT.bin
#include <cstdio>
#include <string>

#include "xueshe/policy.hpp"
#include "xueshe/policy_binary.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: compact-builtin-policy OUT.bin\n");
    return 2;
  }
  const auto load = xueshe::load_policy(xueshe::builtin_policy_text());
  if (!load.policy) {
    std::fprintf(stderr, "the built-in policy does not load: %s at %s\n", load.error->code.c_str(),
                 load.error->field.c_str());
    return 1;
  }
  const std::string bytes = xueshe::policy_to_binary(*load.policy);
  if (!xueshe::policy_from_binary(bytes)) {
    std::fprintf(stderr, "the built-in policy's compact form does not read back\n");
    return 1;
  }
  std::FILE* f = std::fopen(argv[1], "wb");
  if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() || std::fclose(f) != 0) {
    std::fprintf(stderr, "cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
