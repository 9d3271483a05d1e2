// Which message catalogs a binary carries. Each build links one table (see
// core/CMakeLists.txt): the CLI and tests carry every language; the page's
// wasm carries one language per module, so a first visit downloads only the
// language it shows.
#pragma once
#include <cstddef>
#include <string_view>

namespace xueshe {

struct EmbeddedCatalog {
  const char* lang;
  std::string_view (*engine)();  // core/messages/<lang>.json
  std::string_view (*page)();    // core/messages/page.<lang>.json
};

struct CatalogTable {
  const EmbeddedCatalog* entries;
  std::size_t count;
};

CatalogTable catalog_table();

}  // namespace xueshe
