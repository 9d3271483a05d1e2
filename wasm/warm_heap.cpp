#include "warm_heap.hpp"

#include <cstdlib>

namespace xueshe_wasm {

bool warm_heap(std::size_t bytes) {
  constexpr std::size_t kPage = 4096;  // the operating system's page; a wasm page is 64 KiB, 16 of them
  auto* const block = static_cast<volatile unsigned char*>(std::malloc(bytes));  // volatile: each write stays
  if (block == nullptr) return false;
  for (std::size_t at = 0; at < bytes; at += kPage) block[at] = 1;
  std::free(const_cast<unsigned char*>(block));
  return true;
}

}  // namespace xueshe_wasm
