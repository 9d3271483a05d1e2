// The built-in policy files, compiled into the binary (the table of the
// catalogs it links, core/CMakeLists.txt): the national root and the seed
// notice that extends it, so the tool works with nothing beside it.
#include "xueshe/catalog_table.hpp"
#include "hash.hpp"
#include "xueshe/policy.hpp"

namespace xueshe {
namespace {

const BuiltinPolicy* find_builtin(std::string_view id) {
  const BuiltinPolicyTable table = builtin_policy_table();
  for (std::size_t i = 0; i < table.count; ++i)
    if (id == table.entries[i].id) return &table.entries[i];
  return nullptr;
}

}  // namespace

// Empty (then an empty-input error, never a crash) only if a build left the file out.
std::string_view builtin_policy_text() {
  const BuiltinPolicy* seed = find_builtin("hxci-2022");
  return seed ? seed->text() : std::string_view();
}

std::optional<std::string> builtin_policy_file(const std::string& id) {
  if (const BuiltinPolicy* file = find_builtin(id)) return std::string(file->text());
  return std::nullopt;
}

std::string policy_file_hash(std::string_view text) {
  const BuiltinPolicyTable table = builtin_policy_table();
  for (std::size_t i = 0; i < table.count; ++i)
    if (table.entries[i].published_hash && table.entries[i].text() == text)
      return std::string(table.entries[i].published_hash());
  return fnv1a_hex(text);
}

}  // namespace xueshe
