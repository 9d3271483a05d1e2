// FNV-1a 64 as 16 hex digits: a short, stable fingerprint (a policy file's
// exact bytes; a member's answers in calendar UIDs). Not for security.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace xueshe {

inline std::string fnv1a_hex(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = digits[h & 0xF];
  return out;
}

// A policy chain's fingerprint (Policy::hash): FNV-1a over its files' hashes,
// leaf first (as Policy::layers holds them).
template <class Layers>
std::string chain_hash(const Layers& leaf_first) {
  std::string hashes;
  for (const auto& layer : leaf_first) hashes += layer.hash;
  return fnv1a_hex(hashes);
}

}  // namespace xueshe
